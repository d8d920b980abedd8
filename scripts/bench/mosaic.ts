/**
 * Interaction latency of the app beside Mosaic/vgplot (issue 14): the app (index.html) and the Mosaic
 * page of the same build (bench-mosaic.html, src/bench/mosaic-page.ts: ranking, trend and heatmap in
 * vgplot over the same dataset files and the same DuckDB-WASM build), alternating in one run, each
 * through the same seeded menu changes (scripts/bench/plan.ts) with real Playwright input, measured the
 * same way (interactions.ts: input event → first frame painted after the last chart to change redrew).
 * Ranking-row clicks are left out on both sides: the Mosaic page has no unit selection.
 *
 *   npx tsx scripts/bench/mosaic.ts --datasets=monthly --count=40 --rounds=2
 *
 * Every request of either page must go to the local server (127.0.0.1): one that does not fails the run,
 * since Mosaic's own DuckDB-WASM start would fetch from a CDN.
 */
import { loadavg } from 'node:os';
import { optionValue } from './args.ts';
import { launch } from './browser.ts';
import { buildApp, MOSAIC_BUILD_DIR } from './build.ts';
import { agreement, comparisonTable, type Timed } from './compare.ts';
import { datasetDir, prepareDatasets, type DatasetName } from './datasets.ts';
import { runInteractions } from './interactions.ts';
import { serveStatic } from './serve.ts';

const argv = process.argv.slice(2);
const option = (name: string) => optionValue(argv, name);
const datasetNames = (option('datasets') ?? 'monthly').split(',') as DatasetName[];
const count = Number(option('count') ?? 40);
const rounds = Number(option('rounds') ?? 2);

const SIDES = [
	{ name: 'ours', page: 'index.html' },
	{ name: 'mosaic', page: 'bench-mosaic.html' },
] as const;

if (!argv.includes('--skip-build')) {
	await buildApp({ outDir: MOSAIC_BUILD_DIR, mosaic: true });
}
const datasets = await prepareDatasets(datasetNames, console.log);
const server = await serveStatic(MOSAIC_BUILD_DIR, {
	mounts: Object.fromEntries(datasets.map((d) => [d.folder, datasetDir(d.name)])),
});
await server.warm();
const browser = await launch();
// The 1-minute load average every 5 s of the run: a busy machine shows in every number.
const loads: number[] = [];
const sampler = setInterval(() => loads.push(loadavg()[0]!), 5_000);
const foreign: string[] = [];

try {
	for (const dataset of datasets) {
		const timed = new Map<string, Timed[]>(SIDES.map((s) => [s.name, []]));
		for (let round = 0; round < rounds; round++) {
			const steps = new Map<string, string[]>();
			// Which side goes first alternates, so that neither always runs on a warmer machine.
			const order = round % 2 === 0 ? SIDES : [...SIDES].reverse();
			for (const side of order) {
				const run = await runInteractions(browser, server, `data=${dataset.folder}`, {
					page: side.page,
					onPage: (page) =>
						page.on('request', (request) => {
							if (!request.url().startsWith(server.baseURL)) foreign.push(request.url());
						}),
					count,
					units: false,
					seed: 20_260_101 + round,
					budgetMs: 600_000,
					quietMs: 150,
					timeoutMs: 30_000,
					loadTimeoutMs: 240_000,
				});
				const missing = run.interactions.filter((i) => i.missing.length > 0).length;
				steps.set(
					side.name,
					run.interactions.map((i) => `${i.kind} ${i.value}`),
				);
				timed.get(side.name)!.push(...run.interactions.map((i) => ({ kind: i.kind, ms: i.ms })));
				console.log(
					`${dataset.name} ${side.name}: round ${round + 1}, load ${(run.loadMs / 1000).toFixed(1)} s, ` +
						`${run.interactions.length} interactions (${missing} with a chart that never redrew), ` +
						`${run.pageErrors.length} page errors, load average ${loadavg()[0]!.toFixed(2)}`,
				);
				for (const error of run.pageErrors.slice(0, 3)) console.log(`  page error: ${error}`);
				for (const i of run.interactions.filter((i) => i.missing.length > 0)) {
					console.log(`  never redrew: ${i.missing.join(', ')} after ${i.kind} ${i.value}`);
				}
			}
			const same = agreement(steps.get('ours')!, steps.get('mosaic')!);
			console.log(
				`${dataset.name}: round ${round + 1}, the same interaction on both sides ${(same * 100).toFixed(0)}% of the time`,
			);
		}
		console.log(`\n${dataset.name}, ms (ratio = ours ÷ mosaic):`);
		console.log(
			comparisonTable(['ours', 'mosaic'], timed.get('ours')!, timed.get('mosaic')!).text(),
		);
	}
	const mean = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length);
	console.log(
		`\n1-min load average during the run: mean ${mean.toFixed(2)}, max ${Math.max(...loads).toFixed(2)} (${loads.length} samples)`,
	);
	if (foreign.length > 0) {
		throw new Error(`requests off the local server: ${[...new Set(foreign)].join(', ')}`);
	}
	console.log('every request went to the local server');
} finally {
	clearInterval(sampler);
	await browser.close();
	await server.close();
}
