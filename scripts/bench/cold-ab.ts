/**
 * A/B of cold start, alternating in one run: each round opens this build's app and then its attach floor
 * (the prepared database file fetched and attached, nothing else), and the same for a baseline build
 * beside it (another commit built with `vite build --outDir <dir>`). Prints the medians and the median of
 * app ÷ floor taken pair by pair: the floor measured just after its app shares its moment's machine load,
 * which on a busy 2-core machine moves a cold start by a third. `npm run bench` stays the full record.
 *
 *   tsx scripts/bench/cold-ab.ts --datasets=monthly,stress --runs=8 --baseline=bench/out/dist-old
 */
import { resolve } from 'node:path';
import { optionValue } from './args.ts';
import { launch } from './browser.ts';
import { buildApp, BUILD_DIR } from './build.ts';
import { appColdStart, floorColdStart } from './cold-start.ts';
import { datasetDir, prepareDatasets, type DatasetName } from './datasets.ts';
import { serveStatic } from './serve.ts';
import { quantile } from './stats.ts';

const argv = process.argv.slice(2);
const option = (name: string) => optionValue(argv, name);
const datasetNames = (option('datasets') ?? 'monthly').split(',') as DatasetName[];
const runs = Number(option('runs') ?? 6);
const baseline = option('baseline');
const TIMEOUT_MS = 240_000;

if (!argv.includes('--skip-build')) await buildApp();
const datasets = await prepareDatasets(datasetNames, console.log);
const browser = await launch();
const median = (xs: number[]) => quantile(xs, 0.5);

try {
	for (const dataset of datasets) {
		const mounts = { [dataset.folder]: datasetDir(dataset.name) };
		const builds = [{ name: 'this', server: await serveStatic(BUILD_DIR, { mounts }) }];
		if (baseline) {
			builds.push({ name: 'baseline', server: await serveStatic(resolve(baseline), { mounts }) });
		}
		for (const b of builds) await b.server.warm();
		const seen = new Map<string, { app: number[]; floor: number[]; engine: number[] }>();
		const query = `data=${dataset.folder}`;
		for (let r = 0; r < runs; r++) {
			for (const build of builds) {
				const app = await appColdStart(browser, build.server, query, {
					memory: false,
					timeoutMs: TIMEOUT_MS,
				});
				const floor = await floorColdStart(browser, build.server, query, {
					memory: false,
					timeoutMs: TIMEOUT_MS,
					attach: true,
				});
				const s = seen.get(build.name) ?? { app: [], floor: [], engine: [] };
				s.app.push(app.run.ms);
				s.floor.push(floor.run.ms);
				// When the app's engine was up (its `prepare` stage), against the floor page's.
				s.engine.push((app.run.stages.prepare ?? NaN) - floor.run.timings.engineReady);
				seen.set(build.name, s);
				console.log(
					`${dataset.name} ${build.name} ${r + 1}/${runs}: app ${app.run.ms.toFixed(0)} ms, attach floor ${floor.run.ms.toFixed(0)} ms`,
				);
			}
		}
		for (const [name, s] of seen) {
			const pairs = s.app.map((ms, i) => ms / s.floor[i]!);
			console.log(
				`${dataset.name} [${name}] app ${median(s.app).toFixed(0)} ms, floor ${median(s.floor).toFixed(0)} ms,` +
					` app ÷ floor pair by pair ${median(pairs).toFixed(2)}×,` +
					` the app's engine up ${median(s.engine).toFixed(0)} ms after the floor's`,
			);
		}
		for (const b of builds) await b.server.close();
	}
} finally {
	await browser.close();
}
