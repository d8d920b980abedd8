/**
 * Where interaction time goes: a CPU profile of the page's main thread and of the DuckDB worker while
 * the app goes through a further, unmeasured run of interactions. Main-thread self time is attributed
 * to source files and packages through the build's (hidden) source maps; the worker's is split into
 * DuckDB's wasm and its JavaScript (Arrow serialisation, messaging). A DevTools trace of the same run
 * splits the main thread's non-JS time (style, layout, paint) by trace event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pageSession, workerSession, type Send } from './cdp.ts';
import { interact, type InteractOptions } from './interactions.ts';
import { originOf, sourceLookup } from './sizes.ts';

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
}

interface TraceEvent {
	ph: string;
	name: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	args?: { name?: string };
}

/** Self time per event name on the busiest renderer main thread of a Chromium trace. */
function traceSelfTimes(events: TraceEvent[], top: number): { what: string; ms: number }[] {
	const mains = new Set(
		events
			.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`),
	);
	const byThread = new Map<string, TraceEvent[]>();
	for (const e of events) {
		const key = `${e.pid}:${e.tid}`;
		if (e.ph !== 'X' || e.dur === undefined || !mains.has(key)) continue;
		let list = byThread.get(key);
		if (!list) byThread.set(key, (list = []));
		list.push(e);
	}
	const thread = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
	thread.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const self = new Map<string, number>();
	const stack: { end: number; name: string }[] = [];
	for (const e of thread) {
		while (stack.length > 0 && stack.at(-1)!.end <= e.ts) stack.pop();
		// A child's time is its parent's no longer.
		const parent = stack.at(-1);
		if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
		self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
		stack.push({ end: e.ts + e.dur!, name: e.name });
	}
	const all = [...self]
		.map(([what, us]) => ({ what, ms: us / 1000 }))
		.filter((x) => x.ms > 0)
		.sort((a, b) => b.ms - a.ms);
	const shown = all.slice(0, top);
	const rest = all.slice(top).reduce((n, x) => n + x.ms, 0);
	if (rest > 0) shown.push({ what: '(the rest)', ms: rest });
	return shown;
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
		await browser.startTracing(page, { categories: ['devtools.timeline'] });
		await start(main.send);
		if (worker) await start(worker.send);
		const started = Date.now();
		const run = await interact(page, options);
		const wallMs = Date.now() - started;
		const mainProfile = await stop(main.send);
		const workerProfile = worker ? await stop(worker.send) : null;
		const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
			traceEvents: TraceEvent[];
		};
		return {
			interactions: run.interactions.length,
			wallMs,
			main: summarize(mainProfile, mainClassifier(buildDir), 14),
			worker: workerProfile ? summarize(workerProfile, workerClassifier, 6) : null,
			trace: traceSelfTimes(trace.traceEvents, 12),
		};
	} finally {
		await main.session.detach();
		await worker?.detach();
	}
}
