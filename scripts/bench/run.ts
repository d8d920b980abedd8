/**
 * `npm run bench`: build the app, make the datasets, serve them on 127.0.0.1, drive headless Chromium,
 * time native DuckDB, and write bench/results.json, bench/RESULTS.md and bench/README-performance.md.
 *
 * Options (all optional):
 *   --datasets=yearly,monthly,stress   which datasets (default: all three)
 *   --runs=5                            cold-start runs per dataset (stress: at most 3 unless given)
 *   --interactions=100                  interactions per dataset and mode
 *   --unopt-budget=60                   seconds the unoptimised interactions may take per dataset
 *   --query-runs=5                      timed runs per query in each engine
 *   --profiled=30                       further interactions run under the CPU profiler
 *   --drags=6                           brush drags across the trend's years per dataset and mode
 *   --drag-steps=40                     pointer moves per drag
 *   --skip-build                        reuse bench/out/dist
 *   --quick                             2 runs, 20 interactions: to try the harness, not to measure
 */
import { availableParallelism, loadavg } from 'node:os';
import { optionValue } from './args.ts';
import { buildApp, BUILD_DIR } from './build.ts';
import { brushDrags, type BrushOptions, type BrushRun } from './brush.ts';
import { launch } from './browser.ts';
import { appColdStart, floorColdStart, type AppColdRun, type FloorRun } from './cold-start.ts';
import { DATASETS, datasetDir, prepareDatasets, type DatasetName } from './datasets.ts';
import {
	nativeQueryList,
	prepareStatements,
	runNative,
	type EngineTiming,
	type NativeResult,
} from './engine.ts';
import { interact, runInteractions, type InteractionRun } from './interactions.ts';
import { machineInfo } from './machine.ts';
import { profileInteractions, type ProfileSummary } from './profile.ts';
import { writeReport, type BenchResults, type WasmEngineResult } from './report.ts';
import { serveStatic } from './serve.ts';
import { ownScriptBreakdown } from './sizes.ts';

interface Options {
	datasets: DatasetName[];
	runs: number | null;
	interactions: number;
	unoptBudgetS: number;
	queryRuns: number;
	profiled: number;
	drags: number;
	dragSteps: number;
	skipBuild: boolean;
	quick: boolean;
}

function parseOptions(argv: string[]): Options {
	const value = (name: string) => optionValue(argv, name);
	const quick = argv.includes('--quick');
	const datasets = (value('datasets')?.split(',') ?? [...DATASETS]) as DatasetName[];
	for (const d of datasets) if (!DATASETS.includes(d)) throw new Error(`unknown dataset ${d}`);
	return {
		datasets,
		runs: value('runs') ? Number(value('runs')) : quick ? 2 : null,
		interactions: Number(value('interactions') ?? (quick ? 20 : 100)),
		unoptBudgetS: Number(value('unopt-budget') ?? (quick ? 20 : 60)),
		queryRuns: Number(value('query-runs') ?? (quick ? 2 : 5)),
		profiled: Number(value('profiled') ?? (quick ? 10 : 30)),
		drags: Number(value('drags') ?? (quick ? 2 : 6)),
		dragSteps: Number(value('drag-steps') ?? 40),
		skipBuild: argv.includes('--skip-build'),
		quick,
	};
}

const SEED = 20_260_101;
/** After the expected charts redraw, how long nothing else may redraw before an interaction ends. */
const QUIET_MS = 150;
const LOAD_TIMEOUT_MS = 240_000;

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const started = Date.now();
	// Other work on the machine skews every number: sample the load average throughout.
	const load: number[] = [loadavg()[0]!];
	const sampler = setInterval(() => load.push(loadavg()[0]!), 5_000);
	sampler.unref();
	const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
	const log = (line: string) => console.log(`[bench ${elapsed()}] ${line}`);

	if (options.skipBuild) log('reusing bench/out/dist (--skip-build)');
	else {
		log('building the app into bench/out/dist');
		await buildApp();
	}
	const datasets = await prepareDatasets(options.datasets, log);
	const server = await serveStatic(BUILD_DIR, {
		mounts: Object.fromEntries(datasets.map((d) => [d.folder, datasetDir(d.name)])),
	});
	log(`serving ${server.baseURL} (gzip level 9, precomputing)`);
	await server.warm();
	const browser = await launch();
	log(`Chromium ${browser.version()}`);

	const cold: Record<string, { app: AppColdRun[]; floor: FloorRun[]; attachFloor: FloorRun[] }> =
		{};
	const interactions: Record<string, { opt: InteractionRun; unopt: InteractionRun }> = {};
	const wasm: Record<string, WasmEngineResult> = {};
	const profiles: Record<string, ProfileSummary> = {};
	const brush: Record<string, { opt: BrushRun | null; unopt: BrushRun | null }> = {};
	const native: Record<string, { single: NativeResult; multi: NativeResult }> = {};
	const threads = availableParallelism();
	const brushOptions: BrushOptions = {
		drags: options.drags,
		steps: options.dragSteps,
		quietMs: QUIET_MS,
		timeoutMs: 30_000,
	};
	const brushLine = (run: BrushRun) =>
		run.note ?? `${run.drags} drags, ${run.frameMs.length} frames`;

	try {
		for (const dataset of datasets) {
			const query = `data=${dataset.folder}`;
			const runs = options.runs ?? (dataset.name === 'stress' ? 3 : 5);
			const app: AppColdRun[] = [];
			const floor: FloorRun[] = [];
			const attachFloor: FloorRun[] = [];
			const queries = await nativeQueryList(datasetDir(dataset.name));
			let opt: InteractionRun | null = null;
			for (let r = 0; r < runs; r++) {
				const last = r === runs - 1;
				// The last app run keeps its page: the optimised interactions run on it once it is measured.
				const cold = await appColdStart(browser, server, query, {
					memory: last,
					timeoutMs: LOAD_TIMEOUT_MS,
					keep: last,
				});
				app.push(cold.run);
				if (cold.page && cold.context) {
					try {
						const done = await interact(cold.page, {
							count: options.interactions,
							seed: SEED,
							budgetMs: 10 * 60_000,
							quietMs: QUIET_MS,
							timeoutMs: 30_000,
						});
						opt = { query, loadMs: cold.run.ms, ...done, pageErrors: cold.run.errors };
						log(`${dataset.name} interactions (optimised): ${opt.interactions.length}`);
						// Then where the time goes: a profiled, unmeasured run of further interactions.
						profiles[dataset.name] = await profileInteractions(browser, cold.page, BUILD_DIR, {
							count: options.profiled,
							seed: SEED + 1,
							budgetMs: 120_000,
							quietMs: QUIET_MS,
							timeoutMs: 30_000,
						});
						log(`${dataset.name} profiled ${options.profiled} interactions`);
						const drags = await brushDrags(browser, cold.page, brushOptions);
						(brush[dataset.name] ??= { opt: null, unopt: null }).opt = drags;
						log(`${dataset.name} brush (optimised): ${brushLine(drags)}`);
					} finally {
						await cold.context.close();
					}
				}
				const { run, page, context } = await floorColdStart(browser, server, query, {
					memory: false,
					timeoutMs: LOAD_TIMEOUT_MS,
					keep: last,
				});
				floor.push(run);
				// The floor of the prepared-file path the app takes: engine, fetch, attach.
				const attached = dataset.databaseBytes
					? (
							await floorColdStart(browser, server, query, {
								memory: false,
								timeoutMs: LOAD_TIMEOUT_MS,
								attach: true,
							})
						).run
					: null;
				if (attached) attachFloor.push(attached);
				log(
					`${dataset.name} cold start ${r + 1}/${runs}: app ${cold.run.ms.toFixed(0)} ms, floor ${run.ms.toFixed(0)} ms` +
						(attached ? `, attach floor ${attached.ms.toFixed(0)} ms` : ''),
				);
				if (page && context) {
					// The engine ratio's WASM side, on the floor page's own DuckDB.
					try {
						const version = String(
							(await page.evaluate(() => window.__floorBench!.rows('SELECT version() AS v')))[0]?.v,
						);
						let prepareMs = 0;
						for (const sql of prepareStatements()) {
							prepareMs += await page.evaluate((s) => window.__floorBench!.exec(s), sql);
						}
						const timings: EngineTiming[] = [];
						for (const q of queries) {
							const t = await page.evaluate(
								([sql, n]) => window.__floorBench!.time(sql as string, n as number, 1),
								[q.sql, options.queryRuns] as const,
							);
							timings.push({ id: q.id, ms: t.ms, rows: t.rows });
						}
						wasm[dataset.name] = { version, prepareMs, queries: timings };
						log(`${dataset.name} DuckDB-WASM queries timed (prepare ${prepareMs.toFixed(0)} ms)`);
					} finally {
						await context.close();
					}
				}
			}
			cold[dataset.name] = { app, floor, attachFloor };

			const unopt = await runInteractions(browser, server, `${query}&opt=0`, {
				count: options.interactions,
				seed: SEED,
				budgetMs: options.unoptBudgetS * 1000,
				quietMs: QUIET_MS,
				timeoutMs: 60_000,
				loadTimeoutMs: LOAD_TIMEOUT_MS,
				pairedWith: opt?.interactions,
				afterwards: async (page) => {
					const drags = await brushDrags(browser, page, brushOptions);
					(brush[dataset.name] ??= { opt: null, unopt: null }).unopt = drags;
					log(`${dataset.name} brush (unoptimised): ${brushLine(drags)}`);
				},
			});
			log(
				`${dataset.name} interactions (unoptimised): ${unopt.interactions.length}${unopt.cutShort ? ' (time budget reached)' : ''}`,
			);
			if (!opt) throw new Error('no optimised interactions');
			interactions[dataset.name] = { opt, unopt };

			const single = await runNative(datasetDir(dataset.name), 1, queries, options.queryRuns);
			const multi = await runNative(datasetDir(dataset.name), threads, queries, options.queryRuns);
			native[dataset.name] = { single, multi };
			log(`${dataset.name} native DuckDB ${single.version} timed`);
			wasm[dataset.name]!.labels = Object.fromEntries(queries.map((q) => [q.id, q.label]));
		}

		const machine = await machineInfo(browser.version());
		const results: BenchResults = {
			generatedAt: new Date().toISOString(),
			durationS: 0,
			machine,
			load: {
				samples: load.length,
				mean: Math.round((load.reduce((a, b) => a + b, 0) / load.length) * 100) / 100,
				max: Math.max(...load),
			},
			options: {
				runs: options.runs,
				interactions: options.interactions,
				unoptBudgetS: options.unoptBudgetS,
				queryRuns: options.queryRuns,
				quick: options.quick,
				seed: SEED,
				profiled: options.profiled,
				drags: options.drags,
				dragSteps: options.dragSteps,
			},
			datasets,
			cold,
			interactions,
			wasm,
			native,
			profiles,
			brush,
			scripts: await ownScriptBreakdown(BUILD_DIR),
		};
		results.durationS = Math.round((Date.now() - started) / 1000);
		const table = await writeReport(results);
		console.log(`\n${table}`);
		log('wrote bench/results.json, bench/RESULTS.md, bench/README-performance.md');
	} finally {
		clearInterval(sampler);
		await browser.close();
		await server.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
