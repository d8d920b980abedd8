/**
 * Summaries, target checks and the written report: bench/results.json (summaries and raw runs),
 * bench/RESULTS.md (every table) and bench/README-performance.md (the README's Performance section).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { join } from 'node:path';
import type { AppColdRun, FloorRun } from './cold-start.ts';
import { ROOT, type Dataset } from './datasets.ts';
import type { EngineTiming, NativeResult } from './engine.ts';
import type { Interaction, InteractionRun } from './interactions.ts';
import type { Machine } from './machine.ts';
import type { MemoryReport } from './memory.ts';
import { BUCKETS, type Bucket } from './breakdown.ts';
import { summarizeBrush, type BrushRun, type BrushSummary } from './brush.ts';
import { FRAME_BUDGET_MS } from './frames.ts';
import type { KindBreakdown, ProfileSummary } from './profile.ts';
import type { Served } from './serve.ts';
import type { ScriptChunk } from './sizes.ts';
import { latency, median, summarize, type Latency, type Summary } from './stats.ts';
import { Table, bytes, count, ms, ratio } from './table.ts';

export interface WasmEngineResult {
	version: string;
	prepareMs: number;
	queries: EngineTiming[];
	labels?: Record<string, string>;
}

export interface BenchResults {
	generatedAt: string;
	durationS: number;
	machine: Machine;
	/** 1-minute load average of the machine, sampled every 5 s during the run. */
	load: { samples: number; mean: number; max: number };
	options: Record<string, unknown>;
	datasets: Dataset[];
	/** `attachFloor`: the floor page attaching the prepared database file (absent in older results). */
	cold: Record<string, { app: AppColdRun[]; floor: FloorRun[]; attachFloor?: FloorRun[] }>;
	interactions: Record<string, { opt: InteractionRun; unopt: InteractionRun }>;
	wasm: Record<string, WasmEngineResult>;
	native: Record<string, { single: NativeResult; multi: NativeResult }>;
	profiles: Record<string, ProfileSummary>;
	/** Brush drags on the trend chart, per dataset and mode (null when that mode had none). */
	brush?: Record<string, { opt: BrushRun | null; unopt: BrushRun | null }>;
	scripts: ScriptChunk[];
}

const OUT_DIR = join(ROOT, 'bench');

/** Served bytes of a first load, by kind of file. */
interface ByteRow {
	kind: string;
	files: string[];
	rawBytes: number;
	sentBytes: number;
}

function byteRows(served: Served[], datasetFolder: string): ByteRow[] {
	const kinds: [string, (path: string) => boolean][] = [
		['HTML', (p) => p.endsWith('.html')],
		['app JS (own chunks)', (p) => p.endsWith('.js') && !/duckdb-browser-.*worker/.test(p)],
		['app CSS', (p) => p.endsWith('.css')],
		['fonts', (p) => /\.woff2?$/.test(p)],
		['DuckDB worker JS', (p) => /duckdb-browser-.*worker.*\.js$/.test(p)],
		['DuckDB wasm', (p) => /duckdb-.*\.wasm$/.test(p)],
		['parquet-wasm wasm', (p) => /parquet_wasm.*\.wasm$/.test(p)],
		[
			'data (manifest, and the database file or the Parquet)',
			(p) => p.startsWith(`/${datasetFolder}/`),
		],
	];
	const rows: ByteRow[] = kinds.map(([kind]) => ({ kind, files: [], rawBytes: 0, sentBytes: 0 }));
	const other: ByteRow = { kind: 'other', files: [], rawBytes: 0, sentBytes: 0 };
	for (const s of served) {
		const index = kinds.findIndex(([, test]) => test(s.path));
		const row = index >= 0 ? rows[index]! : other;
		row.files.push(s.path.split('/').pop() ?? s.path);
		row.rawBytes += s.rawBytes;
		row.sentBytes += s.sentBytes;
	}
	return other.files.length > 0 ? [...rows, other] : rows;
}

interface InteractionSummary {
	n: number;
	all: Latency;
	byKind: Record<string, Latency>;
	timeouts: number;
	withErrors: number;
	cutShort: boolean;
	loadMs: number;
}

function summarizeInteractions(run: InteractionRun): InteractionSummary {
	const byKind: Record<string, number[]> = {};
	for (const i of run.interactions) (byKind[i.kind] ??= []).push(i.ms);
	return {
		n: run.interactions.length,
		all: latency(run.interactions.map((i) => i.ms)),
		byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, latency(v)])),
		timeouts: run.interactions.filter((i) => i.missing.length > 0).length,
		withErrors: run.interactions.filter((i) => i.errors > 0).length,
		cutShort: run.cutShort,
		loadMs: run.loadMs,
	};
}

interface Target {
	name: string;
	target: string;
	measured: string;
	/** Null when it could not be measured. */
	met: boolean | null;
	/** How far from the target, when missed. */
	by: string;
}

export interface Summaries {
	cold: Record<
		string,
		{
			app: Summary;
			floor: Summary;
			floorDecoded: Summary;
			ratio: number;
			ratioToDecoded: number;
			/** The prepared-file floor (engine, fetch, attach) and app ÷ it; null without the file. */
			attachFloor: Summary | null;
			ratioToAttach: number | null;
			timeline: Record<string, number>;
			floorTimeline: Record<string, number>;
		}
	>;
	interactions: Record<
		string,
		{
			opt: InteractionSummary;
			unopt: InteractionSummary;
			paired: { n: number; opt: Latency; unopt: Latency; ratioP50: number; ratioP95: number };
		}
	>;
	engine: Record<
		string,
		{
			wasmVersion: string;
			nativeVersion: string;
			nativeThreads: number;
			prepare: { wasmMs: number; native1Ms: number; nativeNMs: number };
			queries: {
				id: string;
				label: string;
				rows: number;
				wasmMs: number;
				native1Ms: number;
				nativeNMs: number;
				ratio1: number;
				ratioN: number;
			}[];
		}
	>;
	bytes: Record<string, ByteRow[]>;
	memory: Record<string, { app: MemoryReport | null; floor: MemoryReport | null }>;
	ownJs: { servedGzip: number; withoutEngines: number; parts: Record<string, number> };
	/** Where each kind of interaction's time goes, from the profiled run's trace. */
	whereTime: Record<string, Record<string, KindBreakdown>>;
	brush: Record<string, { opt: BrushSummary | null; unopt: BrushSummary | null }>;
	targets: Target[];
}

function summarizeAll(r: BenchResults): Summaries {
	const cold: Summaries['cold'] = {};
	const memory: Summaries['memory'] = {};
	const byteSummary: Summaries['bytes'] = {};
	for (const d of r.datasets) {
		const runs = r.cold[d.name];
		if (!runs) continue;
		const app = summarize(runs.app.map((x) => x.ms));
		const floor = summarize(runs.floor.map((x) => x.ms));
		const floorDecoded = summarize(runs.floor.map((x) => x.decodedMs));
		const attachFloor = runs.attachFloor?.length
			? summarize(runs.attachFloor.map((x) => x.ms))
			: null;
		// The loading stages the app went through (`data-loading-stage`), in the order they began.
		const stageNames = [...new Set(runs.app.flatMap((x) => Object.keys(x.stages)))];
		const stages = Object.fromEntries(
			stageNames.map((n) => [n, median(runs.app.map((x) => x.stages[n] ?? Number.NaN))]),
		);
		cold[d.name] = {
			app,
			floor,
			floorDecoded,
			ratio: app.median / floor.median,
			ratioToDecoded: app.median / floorDecoded.median,
			attachFloor,
			ratioToAttach: attachFloor ? app.median / attachFloor.median : null,
			timeline: {
				HTML: median(runs.app.map((x) => x.responseEnd)),
				domContentLoaded: median(runs.app.map((x) => x.domContentLoaded)),
				...Object.fromEntries(
					Object.entries(stages)
						.filter(([n]) => n !== 'ready')
						.sort((a, b) => a[1] - b[1])
						.map(([n, t]) => [`stage ${n}`, t]),
				),
				'data-ready': median(runs.app.map((x) => x.readyAt)),
				painted: app.median,
			},
			floorTimeline: {
				script: median(runs.floor.map((x) => x.timings.scriptStart)),
				'files fetched': median(runs.floor.map((x) => x.timings.fetched)),
				decoded: median(runs.floor.map((x) => x.timings.decoded)),
				'engine ready': median(runs.floor.map((x) => x.timings.engineReady)),
				inserted: floor.median,
			},
		};
		memory[d.name] = {
			app: runs.app.at(-1)?.memory ?? null,
			floor: runs.floor.at(-1)?.memory ?? null,
		};
		byteSummary[d.name] = byteRows(runs.app[0]?.bytes ?? [], d.folder);
	}

	const interactions: Summaries['interactions'] = {};
	for (const [name, { opt, unopt }] of Object.entries(r.interactions)) {
		const n = Math.min(opt.interactions.length, unopt.interactions.length);
		const first = (list: Interaction[]) => latency(list.slice(0, n).map((i) => i.ms));
		const pairedOpt = first(opt.interactions);
		const pairedUnopt = first(unopt.interactions);
		interactions[name] = {
			opt: summarizeInteractions(opt),
			unopt: summarizeInteractions(unopt),
			paired: {
				n,
				opt: pairedOpt,
				unopt: pairedUnopt,
				ratioP50: pairedUnopt.p50 / pairedOpt.p50,
				ratioP95: pairedUnopt.p95 / pairedOpt.p95,
			},
		};
	}

	const engine: Summaries['engine'] = {};
	for (const [name, w] of Object.entries(r.wasm)) {
		const nat = r.native[name];
		if (!nat) continue;
		const m1 = new Map(nat.single.queries.map((q) => [q.id, median(q.ms)]));
		const mN = new Map(nat.multi.queries.map((q) => [q.id, median(q.ms)]));
		engine[name] = {
			wasmVersion: w.version,
			nativeVersion: nat.single.version,
			nativeThreads: nat.multi.threads,
			prepare: {
				wasmMs: w.prepareMs,
				native1Ms: nat.single.prepareMs,
				nativeNMs: nat.multi.prepareMs,
			},
			queries: w.queries.map((q) => {
				const wasmMs = median(q.ms);
				const native1Ms = m1.get(q.id) ?? Number.NaN;
				const nativeNMs = mN.get(q.id) ?? Number.NaN;
				return {
					id: q.id,
					label: w.labels?.[q.id] ?? q.id,
					rows: q.rows,
					wasmMs,
					native1Ms,
					nativeNMs,
					ratio1: wasmMs / native1Ms,
					ratioN: wasmMs / nativeNMs,
				};
			}),
		};
	}

	// The app's own JS: what the page fetched, with the DuckDB-WASM and parquet-wasm JS it bundles set apart.
	const firstBytes = Object.values(byteSummary)[0] ?? [];
	const servedJs = firstBytes.find((b) => b.kind === 'app JS (own chunks)');
	const fetched = new Set(servedJs?.files ?? []);
	const parts: Record<string, number> = {};
	for (const chunk of r.scripts.filter((c) => fetched.has(c.file))) {
		for (const p of chunk.parts) parts[p.origin] = (parts[p.origin] ?? 0) + p.gzipBytes;
	}
	const engines = (parts['@duckdb/duckdb-wasm'] ?? 0) + (parts['parquet-wasm'] ?? 0);
	const ownJs = {
		servedGzip: servedJs?.sentBytes ?? 0,
		withoutEngines: (servedJs?.sentBytes ?? 0) - engines,
		parts,
	};

	const whereTime: Summaries['whereTime'] = Object.fromEntries(
		Object.entries(r.profiles).map(([name, p]) => [name, p.byKind ?? {}]),
	);
	const brush: Summaries['brush'] = Object.fromEntries(
		Object.entries(r.brush ?? {}).map(([name, b]) => [
			name,
			{
				opt: b.opt ? summarizeBrush(b.opt) : null,
				unopt: b.unopt ? summarizeBrush(b.unopt) : null,
			},
		]),
	);
	const targets = issueTargets(r, { cold, interactions, memory, brush });
	targets.push({
		name: 'app JS, gzipped (DuckDB and parquet-wasm JS aside)',
		target: '< 250 kB',
		measured: bytes(ownJs.withoutEngines),
		met: ownJs.withoutEngines < 250_000,
		by: ownJs.withoutEngines < 250_000 ? '' : `+${bytes(ownJs.withoutEngines - 250_000)}`,
	});

	return {
		cold,
		interactions,
		engine,
		bytes: byteSummary,
		memory,
		ownJs,
		whereTime,
		brush,
		targets,
	};
}

/** The engine is ready when the app enters this loading stage (src/db/load.ts reports it then). */
const ENGINE_READY_STAGE = 'prepare';
const MB = 1e6;

/**
 * The targets of issue 14: interaction p95 ≤ 33 ms on every dataset and kind, brushing ≤ 16.7 ms per
 * frame, cold start ≤ 1.25 × the floor, the first chart ≤ 400 ms after the engine is ready, renderer
 * RSS after load ≤ 400 MB (monthly) and ≤ 800 MB (stress).
 */
function issueTargets(
	r: BenchResults,
	s: Pick<Summaries, 'cold' | 'interactions' | 'memory' | 'brush'>,
): Target[] {
	const targets: Target[] = [];
	const over = (value: number, limit: number, unit: string, show: (x: number) => string) =>
		value <= limit ? '' : `+${show(value - limit)}${unit} (${ratio(value / limit)} the target)`;
	for (const [name, i] of Object.entries(s.interactions)) {
		const kinds = Object.entries(i.opt.byKind).sort((a, b) => b[1].p95 - a[1].p95);
		const worst = kinds[0];
		const p95 = Math.max(i.opt.all.p95, worst?.[1].p95 ?? 0);
		targets.push({
			name: `interaction p95, ${name} (every kind)`,
			target: '≤ 33 ms',
			measured: `${ms(i.opt.all.p95)} ms${worst ? `; worst kind ${worst[0]} ${ms(worst[1].p95)} ms` : ''}`,
			met: p95 <= 33,
			by: over(p95, 33, ' ms', ms),
		});
	}
	for (const [name, b] of Object.entries(s.brush)) {
		const w = b.opt?.work;
		const measured = w && w.frames > 0;
		targets.push({
			name: `brushing years on the trend, ${name} (frame p95)`,
			target: `≤ ${ms(FRAME_BUDGET_MS)} ms per frame`,
			measured: measured
				? `${ms(w.p95)} ms (max ${ms(w.max)}, ${(100 * w.overBudget).toFixed(0)}% over)`
				: `not measured${b.opt?.note ? `: ${b.opt.note}` : ''}`,
			met: measured ? w.p95 <= FRAME_BUDGET_MS : null,
			by: measured ? over(w.p95, FRAME_BUDGET_MS, ' ms', ms) : '',
		});
	}
	for (const [name, c] of Object.entries(s.cold)) {
		// Against the floor of the path the app takes: with a prepared database file, engine + fetch +
		// attach (the Parquet floor, decode + insert, is higher and shown beside it).
		const floor = c.attachFloor ?? c.floor;
		const r = c.ratioToAttach ?? c.ratio;
		targets.push({
			name: `cold start ÷ floor, ${name}`,
			target: '≤ 1.25×',
			measured: c.attachFloor
				? `${ratio(r)} of the attach floor (${ratio(c.ratio)} of the Parquet floor)`
				: ratio(r),
			met: r <= 1.25,
			by: r <= 1.25 ? '' : `+${ms(c.app.median - 1.25 * floor.median)} ms over 1.25 × floor`,
		});
	}
	for (const d of r.datasets) {
		const runs = r.cold[d.name]?.app ?? [];
		const gaps = runs
			.filter((x) => x.stages[ENGINE_READY_STAGE] !== undefined)
			.map((x) => x.ms - x.stages[ENGINE_READY_STAGE]!);
		if (runs.length === 0) continue;
		const gap = median(gaps);
		targets.push({
			name: `first chart after engine ready, ${d.name}`,
			target: '≤ 400 ms',
			measured:
				gaps.length > 0
					? `${ms(gap)} ms`
					: `not measured: no "${ENGINE_READY_STAGE}" stage in the cold-start timeline`,
			met: gaps.length > 0 ? gap <= 400 : null,
			by: gaps.length > 0 ? over(gap, 400, ' ms', ms) : '',
		});
	}
	for (const [name, limitMb] of [
		['monthly', 400],
		['stress', 800],
	] as const) {
		const rss = s.memory[name]?.app?.rendererRss;
		if (s.memory[name] === undefined) continue;
		const known = rss !== null && rss !== undefined;
		targets.push({
			name: `renderer RSS after load, ${name}`,
			target: `≤ ${limitMb} MB`,
			measured: known ? bytes(rss) : 'not measured',
			met: known ? rss <= limitMb * MB : null,
			by: known && rss > limitMb * MB ? `+${bytes(rss - limitMb * MB)}` : '',
		});
	}
	return targets;
}

const range = (s: Summary) => `${ms(s.p25)}–${ms(s.p75)}`;

function tables(r: BenchResults, s: Summaries) {
	const datasets = new Table(
		['dataset', 'facts rows', 'facts Parquet', 'all Parquet', 'what'],
		[false, true, true, true, false],
	);
	for (const d of r.datasets) {
		const facts = d.tables.find((t) => t.name === 'facts');
		datasets.add(
			d.name,
			count(d.factsRows),
			bytes(facts?.bytes),
			bytes(d.totalBytes),
			d.description,
		);
	}

	const cold = new Table([
		'dataset',
		'runs',
		'app cold start ms (p25–p75)',
		'floor ms (p25–p75)',
		'app ÷ floor',
		'floor w/o insert ms',
		'app ÷ that',
		'attach floor ms (p25–p75)',
		'app ÷ attach floor',
	]);
	for (const [name, c] of Object.entries(s.cold)) {
		cold.add(
			name,
			c.app.n,
			`${ms(c.app.median)} (${range(c.app)})`,
			`${ms(c.floor.median)} (${range(c.floor)})`,
			ratio(c.ratio),
			ms(c.floorDecoded.median),
			ratio(c.ratioToDecoded),
			c.attachFloor ? `${ms(c.attachFloor.median)} (${range(c.attachFloor)})` : '—',
			c.ratioToAttach === null ? '—' : ratio(c.ratioToAttach),
		);
	}

	// One row per dataset and page: when each step began or ended, in order.
	const timeline = new Table(
		['dataset', 'page', 'timeline (ms since navigation start)'],
		[false, false, false],
	);
	const steps = (entries: Record<string, number>) =>
		Object.entries(entries)
			.filter(([step, t]) => Number.isFinite(t) && step !== 'domContentLoaded')
			.sort((a, b) => a[1] - b[1])
			.map(([step, t]) => `${step} ${ms(t)}`)
			.join(' → ');
	for (const [name, c] of Object.entries(s.cold)) {
		timeline.add(name, 'app', steps(c.timeline));
		timeline.add(name, 'floor', steps(c.floorTimeline));
	}

	const inter = new Table([
		'dataset',
		'mode',
		'n',
		'p50 ms',
		'p95 ms',
		'max ms',
		'timeouts',
		'with errors',
	]);
	const gain = new Table([
		'dataset',
		'paired n',
		'opt p50',
		'unopt p50',
		'unopt ÷ opt p50',
		'opt p95',
		'unopt p95',
		'unopt ÷ opt p95',
	]);
	const kinds = new Table(['dataset', 'mode', 'kind', 'n', 'p50 ms', 'p95 ms', 'max ms']);
	for (const [name, i] of Object.entries(s.interactions)) {
		for (const [mode, m] of [
			['optimised', i.opt],
			['unoptimised', i.unopt],
		] as const) {
			inter.add(
				name,
				mode + (m.cutShort ? ' (time-boxed)' : ''),
				m.n,
				ms(m.all.p50),
				ms(m.all.p95),
				ms(m.all.max),
				m.timeouts,
				m.withErrors,
			);
			for (const [kind, l] of Object.entries(m.byKind).sort()) {
				kinds.add(name, mode, kind, l.n, ms(l.p50), ms(l.p95), ms(l.max));
			}
		}
		gain.add(
			name,
			i.paired.n,
			ms(i.paired.opt.p50),
			ms(i.paired.unopt.p50),
			ratio(i.paired.ratioP50),
			ms(i.paired.opt.p95),
			ms(i.paired.unopt.p95),
			ratio(i.paired.ratioP95),
		);
	}

	const engine = new Table(
		[
			'dataset',
			'query',
			'rows',
			'WASM ms',
			'native 1 thread',
			'native all',
			'WASM ÷ 1 thr',
			'WASM ÷ all',
		],
		[false, false, true, true, true, true, true, true],
	);
	for (const [name, e] of Object.entries(s.engine)) {
		engine.add(
			name,
			'prepare (every prepareSql() statement)',
			'',
			ms(e.prepare.wasmMs),
			ms(e.prepare.native1Ms),
			ms(e.prepare.nativeNMs),
			ratio(e.prepare.wasmMs / e.prepare.native1Ms),
			ratio(e.prepare.wasmMs / e.prepare.nativeNMs),
		);
		for (const q of e.queries) {
			engine.add(
				name,
				q.id,
				count(q.rows),
				ms(q.wasmMs),
				ms(q.native1Ms),
				ms(q.nativeNMs),
				ratio(q.ratio1),
				ratio(q.ratioN),
			);
		}
	}

	const firstLoad = new Table(
		['dataset', 'file kind', 'files', 'raw', 'as served (gzip)'],
		[false, false, true, true, true],
	);
	for (const [name, rows] of Object.entries(s.bytes)) {
		let raw = 0;
		let sent = 0;
		for (const b of rows) {
			if (b.files.length === 0) continue;
			// Data are the same files for every dataset but the data row: show the rest once.
			if (name !== Object.keys(s.bytes)[0] && !b.kind.startsWith('data')) {
				raw += b.rawBytes;
				sent += b.sentBytes;
				continue;
			}
			firstLoad.add(name, b.kind, b.files.length, bytes(b.rawBytes), bytes(b.sentBytes));
			raw += b.rawBytes;
			sent += b.sentBytes;
		}
		firstLoad.add(name, 'total', '', bytes(raw), bytes(sent));
	}

	const scripts = new Table(['own JS by origin (fetched chunks)', 'gzip (estimated share)']);
	for (const [origin, gz] of Object.entries(s.ownJs.parts).sort((a, b) => b[1] - a[1])) {
		scripts.add(origin, bytes(gz));
	}
	scripts.add('total served (measured)', bytes(s.ownJs.servedGzip));

	const mem = new Table([
		'dataset',
		'page',
		'page JS heap',
		'page wasm (parquet-wasm)',
		'worker JS heap',
		'worker wasm (DuckDB)',
		'renderer RSS',
	]);
	for (const [name, m] of Object.entries(s.memory)) {
		for (const [page, report] of [
			['app', m.app],
			['floor', m.floor],
		] as const) {
			if (!report) continue;
			mem.add(
				name,
				page,
				bytes(report.pageJsHeap),
				bytes(report.pageWasm),
				bytes(report.workerJsHeap),
				bytes(report.workerWasm),
				bytes(report.rendererRss),
			);
		}
	}

	const targets = new Table(
		['target', 'goal', 'measured', 'met', 'missed by'],
		[false, false, true, false, false],
	);
	for (const t of s.targets) {
		targets.add(t.name, t.target, t.measured, t.met === null ? '—' : t.met ? 'yes' : 'NO', t.by);
	}

	const where = whereTable(s);
	const brush = new Table([
		'dataset',
		'mode',
		'drags',
		'frames',
		'frame p50 ms',
		'frame p95 ms',
		'frame max ms',
		`over ${ms(FRAME_BUDGET_MS)} ms`,
		'interval p50 ms',
		'interval p95 ms',
	]);
	for (const [name, b] of Object.entries(s.brush)) {
		for (const [mode, m] of [
			['optimised', b.opt],
			['unoptimised', b.unopt],
		] as const) {
			if (!m) continue;
			if (m.work.frames === 0) {
				brush.add(name, mode, m.drags, 0, '—', '—', '—', '—', '—', m.note ?? '—');
				continue;
			}
			brush.add(
				name,
				mode,
				m.drags,
				m.work.frames,
				ms(m.work.p50),
				ms(m.work.p95),
				ms(m.work.max),
				`${(100 * m.work.overBudget).toFixed(0)}%`,
				ms(m.interval.p50),
				ms(m.interval.p95),
			);
		}
	}

	const profile = new Table(
		['dataset', 'thread', 'where', 'self ms', 'per interaction', 'share of wall'],
		[false, false, false, true, true, true],
	);
	for (const [name, p] of Object.entries(r.profiles)) {
		const share = (x: number) => `${((100 * x) / p.wallMs).toFixed(0)}%`;
		const each = (x: number) => ms(x / Math.max(1, p.interactions));
		const add = (thread: string, what: string, x: number) =>
			profile.add(name, thread, what, ms(x), each(x), share(x));
		add(`${p.interactions} interactions`, 'wall time (with the harness)', p.wallMs);
		add('main', 'busy (not idle)', p.main.busyMs);
		for (const x of p.main.by) add('main', x.what, x.ms);
		if (p.worker) {
			add('DuckDB worker', 'busy (not idle)', p.worker.busyMs);
			for (const x of p.worker.by) add('DuckDB worker', x.what, x.ms);
		}
		for (const x of p.trace ?? []) add('main (trace events)', x.what, x.ms);
	}

	return {
		datasets,
		cold,
		timeline,
		inter,
		gain,
		kinds,
		engine,
		firstLoad,
		scripts,
		mem,
		targets,
		profile,
		where,
		brush,
	};
}

const BUCKET_TITLES: Record<Bucket, string> = {
	engine: 'DuckDB engine',
	script: 'script',
	'style-layout': 'style + layout',
	paint: 'paint',
	harness: 'bench harness',
	other: 'other main',
	idle: 'idle/waiting',
};

/** "Where the time goes, by interaction kind": ms per interaction and share of its time. */
function whereTable(s: Summaries): Table {
	const where = new Table([
		'dataset',
		'kind',
		'p50 ms',
		'p95 ms',
		'traced n',
		'traced ms',
		...BUCKETS.map((b) => BUCKET_TITLES[b]),
		'engine busy (incl. overlap)',
	]);
	for (const [name, kinds] of Object.entries(s.whereTime)) {
		const latencies = s.interactions[name]?.opt;
		const rows = Object.entries(kinds).sort((a, b) => a[0].localeCompare(b[0]));
		// Kinds measured but not among the profiled interactions still get their row.
		const untraced = Object.keys(latencies?.byKind ?? {}).filter((k) => !(k in kinds));
		const all: KindBreakdown = {
			n: 0,
			windowMs: 0,
			engineBusyMs: 0,
			ms: Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>,
			workerTraced: rows.every(([, k]) => k.workerTraced),
		};
		for (const [, k] of rows) {
			all.n += k.n;
			all.windowMs += k.windowMs;
			all.engineBusyMs += k.engineBusyMs;
			for (const b of BUCKETS) all.ms[b] += k.ms[b];
		}
		const shown: [string, KindBreakdown | null][] = [
			...rows,
			...untraced.map((kind) => [kind, null] as [string, null]),
		].sort((a, b) => a[0].localeCompare(b[0]));
		for (const [kind, k] of [...shown, ['all', all] as const]) {
			const l = kind === 'all' ? latencies?.all : latencies?.byKind[kind];
			if (!k) {
				where.add(name, kind, l ? ms(l.p50) : '—', l ? ms(l.p95) : '—', 0, '—');
				continue;
			}
			const each = (x: number) => x / Math.max(1, k.n);
			const cell = (x: number) =>
				`${ms(each(x))} (${k.windowMs > 0 ? ((100 * x) / k.windowMs).toFixed(0) : '—'}%)`;
			where.add(
				name,
				kind,
				l ? ms(l.p50) : '—',
				l ? ms(l.p95) : '—',
				k.n,
				ms(each(k.windowMs)),
				...BUCKETS.map((b) =>
					b === 'engine' && !k.workerTraced ? '— (no worker)' : cell(k.ms[b]),
				),
				ms(each(k.engineBusyMs)),
			);
		}
	}
	return where;
}

function machineLine(m: Machine): string {
	return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; ${m.os}; Node ${m.node}; Chromium ${m.chromium} (headless, playwright-core ${m.playwright})`;
}

const METHOD = [
	'Cold start: navigation start → first frame painted after `html[data-ready]` (first charts drawn with data), each run in a fresh browser context (empty cache). Floor: `bench-floor.html` of the same build on the same data: DuckDB-WASM start in parallel with fetching and decoding the Parquet files (parquet-wasm), then inserting them into DuckDB; "w/o insert" stops once the engine is up and every file is decoded. Attach floor: the same page with `floor=attach` on a dataset with a prepared database file: DuckDB-WASM start in parallel with fetching the file, then registering and attaching it read-only, the path the app takes when the file is there; the cold-start target is measured against it.',
	'Interactions: a seeded sequence of changes of last year, first year, measure, province, level, and clicks on ranking rows (follow / let go), with real Playwright input; latency = input event → first frame painted after every chart the change affects has a new `data-render-id`. Unoptimised = the same sequence with `?opt=0` (`yearly` is a view over `facts`, no result cache), time-boxed; the gain compares the same first n interactions.',
	`Where the time goes: a Chromium trace (devtools.timeline and toplevel categories) of the profiled interactions, main thread and DuckDB worker; each instant of an interaction's window (input event → last chart painted) goes to what the main thread's innermost trace event is doing (script; style + layout: UpdateLayoutTree, Layout, HitTest; paint: PrePaint, Paint, Layerize, Commit; bench harness: script without a URL, i.e. the instrumentation and the functions Playwright evaluates, and DevTools protocol messages; other main: task overhead, parsing), else to the engine when the DuckDB worker is busy, else to idle/waiting; cells are ms per interaction (share of the window). Engine busy (incl. overlap) is all the worker's work in the window. p50/p95 are the measured optimised run's; the traced interactions are the profiled ones (their CPU profiler slows the main thread a little).`,
	`Brushing: on the overview's trend chart, drags with real Playwright mouse input (down, many small moves across the years, up), traced; a frame is a main-thread task that paints (PrePaint/Paint/Layerize), its time the main-thread work since the previous frame (from pointer down for the first), so waiting between input events is not counted; over ${ms(FRAME_BUDGET_MS)} ms means it could not keep 60 Hz. The interval between painted frames is shown for context (it follows the pace the harness sends input at).`,
	"Engine ratio: the dashboard's SQL (src/db/prepare.ts, src/db/queries.ts) on the same Parquet data, timed on the floor page's DuckDB-WASM (round trip through the worker, Arrow result included) and in native DuckDB (`@duckdb/node-api`, result materialised); median of the timed runs after one warm-up; prepare runs once.",
	"Bytes: counted by the benchmark's own static server, which gzips HTML, JS, CSS, JSON and wasm at level 9 (as a pre-compressed deployment would) and sends Parquet as is (already zstd). Memory: after load and a forced GC, via DevTools: `performance.memory` of the page, `Runtime.getHeapUsage` of the DuckDB worker, the page's WebAssembly memories (parquet-wasm, recorded at instantiation), DuckDB's wasm heap (read in the worker) and the renderer process's resident memory.",
];

/** JSON as the repository's Prettier writes it, so that `npm run lint` stays clean. */
async function prettyJson(value: unknown, file: string): Promise<string> {
	const text = JSON.stringify(value, null, '\t') + '\n';
	const config = (await prettier.resolveConfig(file)) ?? {};
	return prettier.format(text, { ...config, filepath: file });
}

export async function writeReport(r: BenchResults): Promise<string> {
	const s = summarizeAll(r);
	const t = tables(r, s);
	mkdirSync(OUT_DIR, { recursive: true });

	// Raw runs stay in the JSON; byte logs only for the first run of each dataset.
	const slim = {
		...r,
		cold: Object.fromEntries(
			Object.entries(r.cold).map(([name, c]) => [
				name,
				{
					app: c.app.map((x, i) => ({ ...x, bytes: i === 0 ? x.bytes : undefined })),
					floor: c.floor.map((x, i) => ({ ...x, bytes: i === 0 ? x.bytes : undefined })),
				},
			]),
		),
	};
	const jsonFile = join(OUT_DIR, 'results.json');
	writeFileSync(jsonFile, await prettyJson({ summary: s, raw: slim }, jsonFile));

	const sections: [string, Table][] = [
		['Targets', t.targets],
		['Datasets', t.datasets],
		['Cold start (median of runs; p25–p75)', t.cold],
		['Cold start timeline (medians, ms since navigation start)', t.timeline],
		['Interaction latency', t.inter],
		['Optimisations: the same interactions unoptimised (?opt=0)', t.gain],
		['Interaction latency by kind', t.kinds],
		['Where the time goes, by interaction kind', t.where],
		['Brushing years on the trend: frame times while the pointer moves', t.brush],
		[
			'Profile of further optimised interactions (self time; Chromium sampling profiler)',
			t.profile,
		],
		['Engine ratio: DuckDB-WASM ÷ native DuckDB', t.engine],
		['Bytes on first load (app page)', t.firstLoad],
		['Own JavaScript by origin', t.scripts],
		['Memory after load', t.mem],
	];
	const busy = r.load.mean > r.machine.cores * 0.75;
	const loadLine = `Load average during the run: mean ${r.load.mean}, max ${r.load.max} on ${r.machine.cores} cores${busy ? ' (the machine was busy with other work: numbers are inflated)' : ''}.`;
	const header = `Benchmark of ${r.generatedAt} (${r.durationS} s) on ${machineLine(r.machine)}\n${loadLine}`;
	const text = [header, ...sections.map(([title, table]) => `\n${title}\n${table.text()}`)].join(
		'\n',
	);

	const md = [
		'# Benchmark results',
		'',
		`Latest run: ${r.generatedAt}, ${r.durationS} s, \`npm run bench\`${r.options.quick ? ' --quick (NOT a measurement)' : ''}.`,
		'',
		`Machine: ${machineLine(r.machine)}.`,
		'',
		loadLine,
		'',
		...sections.flatMap(([title, table]) => [`## ${title}`, '', table.markdown(), '']),
		'## Method',
		'',
		...METHOD.flatMap((m) => [`- ${m}`]),
		'',
	].join('\n');
	writeFileSync(join(OUT_DIR, 'RESULTS.md'), md);

	const readme = [
		'## Performance',
		'',
		`Measured with \`npm run bench\` on ${machineLine(r.machine)}, ${r.generatedAt.slice(0, 10)}.`,
		loadLine,
		'Full tables: [bench/RESULTS.md](bench/RESULTS.md); raw runs: `bench/results.json`.',
		'',
		t.targets.markdown(),
		'',
		t.datasets.markdown(),
		'',
		t.cold.markdown(),
		'',
		t.inter.markdown(),
		'',
		t.gain.markdown(),
		'',
		t.brush.markdown(),
		'',
		t.firstLoad.markdown(),
		'',
		t.mem.markdown(),
		'',
		'### How to run',
		'',
		'```sh',
		`npm run bench                            # everything: ${Math.round(r.durationS / 60)} min here, +½ min to make the datasets the first time`,
		'npm run bench -- --datasets=yearly      # one dataset',
		'npm run bench -- --quick --skip-build   # try the harness (2 runs, 20 interactions)',
		'# only cold start and memory (no report written): for trying a change to loading',
		'node --max-old-space-size=4096 --import tsx scripts/bench/cold-memory.ts --datasets=monthly,stress',
		'```',
		'',
		'It builds the app into `bench/out/dist/` (with the floor page `bench-floor.html`), generates the',
		'monthly and stress datasets into `bench/out/` (reused while their inputs are unchanged), serves',
		'everything on 127.0.0.1 and drives headless Chromium (`CHROMIUM_PATH`, default `/usr/bin/chromium`).',
		'It is not part of `npm test`; the targets are measured here, never asserted in tests.',
		'',
		...METHOD.flatMap((m) => [`- ${m}`]),
		'',
	].join('\n');
	writeFileSync(join(OUT_DIR, 'README-performance.md'), readme);
	return text;
}
