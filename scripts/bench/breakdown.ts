/**
 * Where an interaction's time goes: each instant of its window (input event → last chart painted) is
 * given to one bucket. When the page's main thread is busy, to what its innermost trace event is
 * doing (script, style and layout, paint, the benchmark's own work, or other work such as task
 * overhead and parsing); when only
 * the DuckDB worker is busy, to the engine; when neither is, to idle/waiting (timers, frames,
 * messages in flight, the GPU process). The buckets of a window add up to its length. The worker's
 * whole busy time in the window, overlap with the main thread included, is kept beside.
 *
 * A trace event that straddles a window's edge counts for the part inside it.
 */
import type { Segment, TraceEvent } from './trace.ts';

export const BUCKETS = [
	'engine',
	'script',
	'style-layout',
	'paint',
	'harness',
	'other',
	'idle',
] as const;
export type Bucket = (typeof BUCKETS)[number];
export type MainBucket = Exclude<Bucket, 'engine' | 'idle'>;

const STYLE_LAYOUT = new Set([
	'UpdateLayoutTree',
	'RecalculateStyles',
	'Layout',
	'HitTest',
	'UpdateLayerTree',
	'IntersectionObserverController::computeIntersections',
	'ComputeIntersections',
]);
const PAINT = new Set([
	'PrePaint',
	'Paint',
	'PaintImage',
	'Layerize',
	'Commit',
	'CompositeLayers',
	'UpdateLayer',
	'Decode Image',
	'RasterTask',
]);
const SCRIPT = new Set([
	'FunctionCall',
	'EvaluateScript',
	'EventDispatch',
	'TimerFire',
	'FireAnimationFrame',
	'FireIdleCallback',
	'HandlePostMessage',
	'RunMicrotasks',
	'XHRReadyStateChange',
	'XHRLoad',
	'MinorGC',
	'MajorGC',
	'GCEvent',
	'CompileScript',
	'CompileCode',
	'CacheScript',
]);

const HARNESS = '(harness) ';

/**
 * A trace event's name, marked as the benchmark's own when it is: script without a URL (the
 * instrumentation's init script and the functions Playwright evaluates, such as the wait for the
 * charts to redraw) and DevTools protocol messages (Playwright and the profiler talking to the page).
 */
export function eventName(event: TraceEvent): string {
	const data = event.args?.data;
	if ((event.name === 'FunctionCall' || event.name === 'EvaluateScript') && data && !data.url) {
		return HARNESS + event.name;
	}
	const mojo = event.args?.chrome_mojo_event_info?.mojo_interface_tag;
	if (mojo?.includes('DevTools')) return HARNESS + event.name;
	return event.name;
}

/** The bucket of a main-thread trace event, by its name (as eventName gives it). */
export function bucketOf(name: string): MainBucket {
	if (name.startsWith(HARNESS)) return 'harness';
	if (STYLE_LAYOUT.has(name)) return 'style-layout';
	if (PAINT.has(name)) return 'paint';
	if (SCRIPT.has(name) || /^(v8|V8|BlinkGC|CppGC|GC)[.:_ ]/i.test(name)) return 'script';
	return 'other';
}

/** Time (µs) of each bucket in one window, and the worker's whole busy time there. */
export interface WindowBreakdown {
	windowUs: number;
	us: Record<Bucket, number>;
	engineBusyUs: number;
}

/** Sorted, non-overlapping spans covering the same time as the given ones. */
export function union(spans: readonly { start: number; end: number }[]): Segment[] {
	const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
	const out: Segment[] = [];
	for (const s of sorted) {
		const last = out.at(-1);
		if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
		else out.push({ start: s.start, end: s.end, name: '' });
	}
	return out;
}

/** Length of the part of sorted non-overlapping spans inside [from, to). */
function lengthWithin(spans: readonly Segment[], from: number, to: number): number {
	let n = 0;
	for (const s of spans) {
		if (s.end <= from) continue;
		if (s.start >= to) break;
		n += Math.min(s.end, to) - Math.max(s.start, from);
	}
	return n;
}

/** Intersection of two sorted lists of non-overlapping spans. */
function intersect(a: readonly Segment[], b: readonly Segment[]): Segment[] {
	const out: Segment[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const start = Math.max(a[i]!.start, b[j]!.start);
		const end = Math.min(a[i]!.end, b[j]!.end);
		if (end > start) out.push({ start, end, name: '' });
		if (a[i]!.end < b[j]!.end) i++;
		else j++;
	}
	return out;
}

/**
 * The breakdown of each window (µs on the trace clock, start < end), from the main thread's
 * self-time segments and the worker's busy spans (its outermost events; null when not traced).
 */
export function attribute(
	windows: readonly { start: number; end: number }[],
	mainSelf: readonly Segment[],
	workerBusy: readonly Segment[] | null,
): WindowBreakdown[] {
	const mainBusy = union(mainSelf);
	const worker = union(workerBusy ?? []);
	const both = intersect(mainBusy, worker);
	return windows.map(({ start, end }) => {
		const us: Record<Bucket, number> = {
			engine: 0,
			script: 0,
			'style-layout': 0,
			paint: 0,
			harness: 0,
			other: 0,
			idle: 0,
		};
		for (const s of mainSelf) {
			if (s.end <= start || s.start >= end) continue;
			us[bucketOf(s.name)] += Math.min(s.end, end) - Math.max(s.start, start);
		}
		const engineBusyUs = lengthWithin(worker, start, end);
		us.engine = engineBusyUs - lengthWithin(both, start, end);
		const windowUs = end - start;
		us.idle = Math.max(0, windowUs - lengthWithin(mainBusy, start, end) - us.engine);
		return { windowUs, us, engineBusyUs };
	});
}

/** Breakdowns summed by a key (the interaction kind), with how many windows each sum has. */
export function sumBy<K extends string>(
	keys: readonly K[],
	breakdowns: readonly WindowBreakdown[],
): Map<K, { n: number } & WindowBreakdown> {
	const sums = new Map<K, { n: number } & WindowBreakdown>();
	breakdowns.forEach((b, i) => {
		const key = keys[i]!;
		let sum = sums.get(key);
		if (!sum) {
			sum = {
				n: 0,
				windowUs: 0,
				engineBusyUs: 0,
				us: Object.fromEntries(BUCKETS.map((x) => [x, 0])) as Record<Bucket, number>,
			};
			sums.set(key, sum);
		}
		sum.n++;
		sum.windowUs += b.windowUs;
		sum.engineBusyUs += b.engineBusyUs;
		for (const x of BUCKETS) sum.us[x] += b.us[x];
	});
	return sums;
}
