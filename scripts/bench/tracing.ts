/**
 * A Chromium trace of a page while something runs on it, read into the page's main-thread and DuckDB
 * worker work (trace.ts), with the page's clock tied to the trace's: the page makes a user-timing mark
 * once tracing runs, and its `performance.now()` and the mark's trace timestamp give the offset.
 */
import type { Browser, Page } from 'playwright-core';
import { eventName } from './breakdown.ts';
import {
	clockOffset,
	completeEvents,
	pageThreads,
	threadWork,
	type ThreadWork,
	type TraceEvent,
} from './trace.ts';

/** devtools.timeline as DevTools records it, with the task boundaries and user-timing marks. */
export const TRACE_CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'disabled-by-default-devtools.timeline.frame',
	'toplevel',
	'blink.user_timing',
];

const SYNC_MARK = '__bench_trace_sync';

export interface PageTrace {
	/** Every event, for other summaries. */
	events: TraceEvent[];
	/** A page time (`performance.now()`, ms) on the trace clock (µs). */
	toTrace(pageMs: number): number;
	main: ThreadWork | null;
	worker: ThreadWork | null;
}

/** Start tracing; the returned function stops it and reads the trace. */
export async function startTrace(browser: Browser, page: Page): Promise<() => Promise<PageTrace>> {
	await browser.startTracing(page, { categories: TRACE_CATEGORIES });
	const markMs = await page.evaluate(
		(name) => performance.mark(name, { startTime: performance.now() }).startTime,
		SYNC_MARK,
	);
	return async () => {
		const { traceEvents: events } = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
			traceEvents: TraceEvent[];
		};
		const offset = clockOffset(events, SYNC_MARK, markMs);
		if (offset === null) throw new Error('the trace has no clock mark from the page');
		const complete = completeEvents(events, eventName);
		const threads = pageThreads(events, complete);
		const work = (key: string | null) => (key ? threadWork(complete.get(key) ?? []) : null);
		return {
			events,
			toTrace: (pageMs) => pageMs * 1000 + offset,
			main: work(threads.main),
			worker: work(threads.worker),
		};
	};
}
