/**
 * Where interaction time goes: a CPU profile of the page's main thread and of the DuckDB worker while
 * the app goes through a further, unmeasured run of interactions. Main-thread self time is attributed
 * to source files and packages through the build's (hidden) source maps; the worker's is split into
 * DuckDB's wasm and its JavaScript (Arrow serialisation, messaging). A DevTools trace of the same run
 * splits the main thread's non-JS time (style, layout, paint) by trace event, and each interaction's
 * window (input event → last chart painted) between the engine, script, style and layout, paint and
 * waiting (breakdown.ts), summed by kind of interaction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pageSession, workerSession, type Send } from './cdp.ts';
import { attribute, BUCKETS, sumBy, type Bucket } from './breakdown.ts';
import { interact, type Interaction, type InteractOptions } from './interactions.ts';
import { originOf, sourceLookup } from './sizes.ts';
import type { Segment } from './trace.ts';
import { startTrace, type PageTrace } from './tracing.ts';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	interactions: number;
	/** Wall time of the profiled run (ms). */
	wallMs: number;
	/** Main thread: busy (not idle) ms, and self time by where the code comes from. */
	main: { busyMs: number; by: { what: string; ms: number }[] };
	/** DuckDB worker: busy ms, and self time split into wasm, JS and GC. */
	worker: { busyMs: number; by: { what: string; ms: number }[] } | null;
	/**
	 * The page's main thread in a DevTools trace of the same run: self time of its trace events
	 * (script, style, layout, paint…), which splits what the sampling profiler calls "(program)".
	 */
	trace: { what: string; ms: number }[] | null;
	/** By interaction kind, from the same trace: where the time of its windows went (sums, ms). */
	byKind?: Record<string, KindBreakdown>;
}

/** The time of the windows of one kind of interaction, summed, by bucket (breakdown.ts). */
export interface KindBreakdown {
	n: number;
	windowMs: number;
	ms: Record<Bucket, number>;
	/** The DuckDB worker's busy time in the windows, overlap with the main thread included. */
	engineBusyMs: number;
	/** False when the worker thread was not found in the trace: its time then counts as idle. */
	workerTraced: boolean;
}

/** Self time per event name on the page's main thread, the largest `top` and the rest. */
function traceSelfTimes(self: readonly Segment[], top: number): { what: string; ms: number }[] {
	const byName = new Map<string, number>();
	for (const s of self) byName.set(s.name, (byName.get(s.name) ?? 0) + s.end - s.start);
	const all = [...byName]
		.map(([what, us]) => ({ what, ms: us / 1000 }))
		.filter((x) => x.ms > 0)
		.sort((a, b) => b.ms - a.ms);
	const shown = all.slice(0, top);
	const rest = all.slice(top).reduce((n, x) => n + x.ms, 0);
	if (rest > 0) shown.push({ what: '(the rest)', ms: rest });
	return shown;
}

/**
 * Where each kind of interaction spends its time (breakdown.ts), summed over the profiled run's
 * interactions of that kind; times in ms.
 */
function byKind(run: Interaction[], trace: PageTrace): Record<string, KindBreakdown> {
	const measured = run.filter((i) => i.startAt !== undefined && i.endAt !== undefined);
	if (!trace.main) return {};
	const windows = measured.map((i) => ({
		start: trace.toTrace(i.startAt!),
		end: trace.toTrace(Math.max(i.startAt!, i.endAt!)),
	}));
	const breakdowns = attribute(windows, trace.main.self, trace.worker?.tasks ?? null);
	const sums = sumBy(
		measured.map((i) => i.kind),
		breakdowns,
	);
	return Object.fromEntries(
		[...sums].map(([kind, sum]) => [
			kind,
			{
				n: sum.n,
				windowMs: sum.windowUs / 1000,
				engineBusyMs: sum.engineBusyUs / 1000,
				ms: Object.fromEntries(BUCKETS.map((b) => [b, sum.us[b] / 1000])) as Record<Bucket, number>,
				workerTraced: trace.worker !== null,
			},
		]),
	);
}

/** Self time per node id (µs): each sample lasts until the next one. */
function selfTimes(profile: CpuProfile): Map<number, number> {
	const times = new Map<number, number>();
	profile.samples.forEach((id, i) => {
		const delta = profile.timeDeltas[i + 1] ?? 0;
		times.set(id, (times.get(id) ?? 0) + Math.max(0, delta));
	});
	return times;
}

function summarize(
	profile: CpuProfile,
	classify: (frame: ProfileNode['callFrame']) => string,
	top: number,
): { busyMs: number; by: { what: string; ms: number }[] } {
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const byWhat = new Map<string, number>();
	let busy = 0;
	for (const [id, us] of selfTimes(profile)) {
		const frame = byNode.get(id)?.callFrame;
		if (!frame) continue;
		const what = classify(frame);
		if (what !== '(idle)') busy += us;
		byWhat.set(what, (byWhat.get(what) ?? 0) + us);
	}
	const by = [...byWhat]
		.filter(([what]) => what !== '(idle)')
		.map(([what, us]) => ({ what, ms: us / 1000 }))
		.sort((a, b) => b.ms - a.ms);
	const shown = by.slice(0, top);
	const rest = by.slice(top).reduce((n, x) => n + x.ms, 0);
	if (rest > 0) shown.push({ what: '(the rest)', ms: rest });
	return { busyMs: busy / 1000, by: shown };
}

/** Classifies main-thread frames by source file (app code) or package, via the source maps. */
function mainClassifier(buildDir: string): (frame: ProfileNode['callFrame']) => string {
	const lookups = new Map<string, ((line: number, column: number) => string | null) | null>();
	return (frame) => {
		if (!frame.url) {
			const name = frame.functionName || '(anonymous)';
			return name.startsWith('(') ? name : `(native) ${name}`;
		}
		const file = frame.url.split('?')[0]!.split('/').pop() ?? '';
		if (file.endsWith('.wasm') || frame.url.startsWith('wasm://')) return 'parquet-wasm (wasm)';
		let lookup = lookups.get(file);
		if (lookup === undefined) {
			const mapFile = join(buildDir, 'assets', `${file}.map`);
			lookup = existsSync(mapFile) ? sourceLookup(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;
			lookups.set(file, lookup);
		}
		const source = lookup?.(frame.lineNumber, frame.columnNumber);
		if (!source) return file;
		const origin = originOf(source);
		if (origin !== 'app (src/)') return origin;
		return source.slice(source.lastIndexOf('src/'));
	};
}

function workerClassifier(frame: ProfileNode['callFrame']): string {
	const name = frame.functionName || '';
	if (!frame.url) return name.startsWith('(') ? name : `(native) ${name}`;
	if (frame.url.startsWith('wasm://') || frame.url.endsWith('.wasm')) return 'DuckDB (wasm)';
	return 'duckdb-wasm worker JS (Arrow IPC, messages)';
}

async function start(send: Send): Promise<void> {
	await send('Profiler.enable');
	await send('Profiler.setSamplingInterval', { interval: 500 });
	await send('Profiler.start');
}

async function stop(send: Send): Promise<CpuProfile> {
	const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
	await send('Profiler.disable');
	return profile;
}

/** Profile a run of interactions on a loaded app page. */
export async function profileInteractions(
	browser: Browser,
	page: Page,
	buildDir: string,
	options: InteractOptions,
): Promise<ProfileSummary> {
	const main = await pageSession(page);
	const worker = await workerSession(browser, page);
	try {
		const stopTrace = await startTrace(browser, page);
		await start(main.send);
		if (worker) await start(worker.send);
		const started = Date.now();
		const run = await interact(page, options);
		const wallMs = Date.now() - started;
		const mainProfile = await stop(main.send);
		const workerProfile = worker ? await stop(worker.send) : null;
		const trace = await stopTrace();
		return {
			interactions: run.interactions.length,
			wallMs,
			main: summarize(mainProfile, mainClassifier(buildDir), 14),
			worker: workerProfile ? summarize(workerProfile, workerClassifier, 6) : null,
			trace: trace.main ? traceSelfTimes(trace.main.self, 12) : null,
			byKind: byKind(run.interactions, trace),
		};
	} finally {
		await main.session.detach();
		await worker?.detach();
	}
}
