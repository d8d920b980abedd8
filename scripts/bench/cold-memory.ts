/**
 * Only the cold start and the memory after load, without the interactions and engine timings of
 * `npm run bench` (minutes instead of a quarter of an hour, for trying a change to loading). Prints a
 * table; writes no report.
 *
 *   node --max-old-space-size=4096 --import tsx scripts/bench/cold-memory.ts \
 *     [--datasets=monthly,stress] [--runs=3] [--skip-build]
 */
import { loadavg } from 'node:os';
import { optionValue } from './args.ts';
import { buildApp, BUILD_DIR } from './build.ts';
import { launch } from './browser.ts';
import { appColdStart, floorColdStart } from './cold-start.ts';
import { DATASETS, datasetDir, prepareDatasets, type DatasetName } from './datasets.ts';
import type { MemoryReport } from './memory.ts';
import { serveStatic } from './serve.ts';

const argv = process.argv.slice(2);
const value = (name: string) => optionValue(argv, name);
const names = (value('datasets')?.split(',') ?? ['monthly', 'stress']) as DatasetName[];
for (const d of names) if (!DATASETS.includes(d)) throw new Error(`unknown dataset ${d}`);
const runs = Number(value('runs') ?? 3);
const TIMEOUT_MS = 240_000;

const mb = (n: number | null) => (n === null ? '?' : `${(n / 2 ** 20).toFixed(1)} MB`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const memoryLine = (m: MemoryReport | null) =>
	m
		? `page JS ${mb(m.pageJsHeap)}, page wasm ${mb(m.pageWasm)}, worker JS ${mb(m.workerJsHeap)}, ` +
			`worker wasm ${mb(m.workerWasm)}, renderer RSS ${mb(m.rendererRss)}` +
			(m.notes.length ? ` (${m.notes.join('; ')})` : '')
		: 'not measured';

if (!argv.includes('--skip-build')) await buildApp();
const datasets = await prepareDatasets(names, (line) => console.log(line));
const server = await serveStatic(BUILD_DIR, {
	mounts: Object.fromEntries(datasets.map((d) => [d.folder, datasetDir(d.name)])),
});
await server.warm();
const browser = await launch();
const load: number[] = [];
try {
	for (const dataset of datasets) {
		const query = `data=${dataset.folder}`;
		const app: number[] = [];
		const floor: number[] = [];
		for (let r = 0; r < runs; r++) {
			const last = r === runs - 1;
			load.push(loadavg()[0]!);
			const a = await appColdStart(browser, server, query, { memory: last, timeoutMs: TIMEOUT_MS });
			const f = await floorColdStart(browser, server, query, {
				memory: last,
				timeoutMs: TIMEOUT_MS,
			});
			app.push(a.run.ms);
			floor.push(f.run.ms);
			const stages = Object.entries(a.run.stages)
				.map(([k, v]) => `${k} ${v.toFixed(0)}`)
				.join(' → ');
			console.log(
				`${dataset.name} run ${r + 1}: app ${a.run.ms.toFixed(0)} ms (${stages}), floor ${f.run.ms.toFixed(0)} ms`,
			);
			if (last) {
				console.log(`${dataset.name} app memory: ${memoryLine(a.run.memory)}`);
				console.log(`${dataset.name} floor memory: ${memoryLine(f.run.memory)}`);
			}
		}
		const ratio = median(app) / median(floor);
		console.log(
			`${dataset.name}: app median ${median(app).toFixed(0)} ms, floor median ${median(floor).toFixed(0)} ms, app ÷ floor ${ratio.toFixed(2)}×`,
		);
	}
	console.log(
		`load average during the runs: mean ${(load.reduce((a, b) => a + b, 0) / load.length).toFixed(2)}, max ${Math.max(...load).toFixed(2)}`,
	);
} finally {
	await browser.close();
	await server.close();
}
