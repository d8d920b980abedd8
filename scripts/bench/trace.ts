/**
 * Reading a Chromium trace (the JSON of `Tracing`, devtools.timeline and toplevel categories): which
 * threads are the page's main thread and its DuckDB worker, each thread's work as nested events, and
 * the self time of those events as non-overlapping segments. Pure functions, so that the attribution
 * in breakdown.ts and frames.ts can be tested on hand-made events.
 */

/** One event of a Chromium trace (only the fields used here). */
export interface TraceEvent {
	ph: string;
	name: string;
	cat?: string;
	pid: number;
	tid: number;
	/** Microseconds on the trace clock. */
	ts: number;
	dur?: number;
	args?: {
		name?: string;
		data?: Record<string, unknown>;
		chrome_mojo_event_info?: { mojo_interface_tag?: string };
	};
}

/** A span of time on the trace clock (µs), with the name of the event it belongs to. */
export interface Segment {
	start: number;
	end: number;
	name: string;
}

/** The events of a thread's work, with the outermost ones (tasks) and the self-time segments. */
export interface ThreadWork {
	/** Outermost events: when the thread was busy (non-overlapping, in order). */
	tasks: Segment[];
	/** Every span of the busy time, named after the innermost event running then (in order). */
	self: Segment[];
	/** Every complete event, in order of start. */
	events: Segment[];
}

const threadKey = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;

/**
 * Complete events (`X`, and `B`/`E` pairs joined) per thread key `pid:tid`, named by `nameOf` (the
 * event's name unless told otherwise).
 */
export function completeEvents(
	events: readonly TraceEvent[],
	nameOf: (event: TraceEvent) => string = (e) => e.name,
): Map<string, Segment[]> {
	const byThread = new Map<string, Segment[]>();
	const open = new Map<string, TraceEvent[]>();
	const push = (key: string, segment: Segment) => {
		let list = byThread.get(key);
		if (!list) byThread.set(key, (list = []));
		list.push(segment);
	};
	for (const e of events) {
		const key = threadKey(e);
		if (e.ph === 'X' && e.dur !== undefined) {
			push(key, { start: e.ts, end: e.ts + e.dur, name: nameOf(e) });
		} else if (e.ph === 'B') {
			let stack = open.get(key);
			if (!stack) open.set(key, (stack = []));
			stack.push(e);
		} else if (e.ph === 'E') {
			const begin = open.get(key)?.pop();
			if (begin) push(key, { start: begin.ts, end: e.ts, name: nameOf(begin) });
		}
	}
	for (const list of byThread.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
	return byThread;
}

/**
 * A thread's work from its complete events (sorted by start, longer first on ties): the outermost
 * events, and self-time segments named after the innermost event. A child that outlasts its parent
 * (it happens in traces) is cut at the parent's end.
 */
export function threadWork(events: readonly Segment[]): ThreadWork {
	const tasks: Segment[] = [];
	const self: Segment[] = [];
	const stack: Segment[] = [];
	let cursor = 0;
	const emit = (name: string, start: number, end: number) => {
		if (end > start) self.push({ start, end, name });
	};
	// Close every open event that ends by `until`, giving each the time since the last boundary.
	const closeUntil = (until: number) => {
		while (stack.length > 0 && stack.at(-1)!.end <= until) {
			const top = stack.pop()!;
			emit(top.name, cursor, top.end);
			cursor = top.end;
		}
	};
	for (const event of events) {
		closeUntil(event.start);
		const parent = stack.at(-1);
		const end = parent ? Math.min(event.end, parent.end) : event.end;
		if (parent) emit(parent.name, cursor, event.start);
		else tasks.push({ start: event.start, end, name: event.name });
		cursor = event.start;
		stack.push({ start: event.start, end, name: event.name });
	}
	closeUntil(Number.POSITIVE_INFINITY);
	return { tasks, self, events: [...events] };
}

/** The thread names of a trace, by thread key. */
function threadNames(events: readonly TraceEvent[]): Map<string, string> {
	const names = new Map<string, string>();
	for (const e of events) {
		if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
			names.set(threadKey(e), e.args.name);
	}
	return names;
}

const busyTime = (list: readonly Segment[] | undefined) =>
	threadWork(list ?? []).tasks.reduce((n, t) => n + t.end - t.start, 0);

/**
 * The page's renderer main thread (the busiest `CrRendererMain`) and its DuckDB worker: the
 * dedicated worker of the same process whose script URL names duckdb (Chromium's
 * `TracingSessionIdForWorker` event), else the busiest dedicated worker there. Keys are `pid:tid`.
 */
export function pageThreads(
	events: readonly TraceEvent[],
	complete: Map<string, Segment[]> = completeEvents(events),
): { main: string | null; worker: string | null } {
	const names = threadNames(events);
	const busiest = (keys: string[]) =>
		keys
			.map((key) => ({ key, busy: busyTime(complete.get(key)) }))
			.sort((a, b) => b.busy - a.busy)[0]?.key ?? null;
	const main = busiest([...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
	if (!main) return { main: null, worker: null };
	const pid = main.split(':')[0]!;
	const workers = [...names]
		.filter(([k, n]) => k.startsWith(`${pid}:`) && /DedicatedWorker/.test(n))
		.map(([k]) => k);
	const named = events.find(
		(e) =>
			e.name === 'TracingSessionIdForWorker' &&
			String(e.args?.data?.url ?? '').includes('duckdb') &&
			workers.includes(`${pid}:${String(e.args?.data?.workerThreadId)}`),
	);
	const worker = named ? `${pid}:${String(named.args!.data!.workerThreadId)}` : busiest(workers);
	return { main, worker };
}

/**
 * The offset (µs) from the page's `performance.now()` (ms) to the trace clock, from a user-timing
 * mark the page made at a known `performance.now()`: trace µs = page ms × 1000 + offset.
 */
export function clockOffset(
	events: readonly TraceEvent[],
	markName: string,
	markPageMs: number,
): number | null {
	const mark = events.find((e) => e.name === markName && (e.cat ?? '').includes('user_timing'));
	return mark ? mark.ts - markPageMs * 1000 : null;
}
