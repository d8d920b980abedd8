import { describe, expect, it } from 'vitest';
import {
	clockOffset,
	completeEvents,
	pageThreads,
	threadWork,
	type Segment,
	type TraceEvent,
} from '../../../scripts/bench/trace.ts';

const x = (name: string, ts: number, dur: number, tid = 1, pid = 10): TraceEvent => ({
	ph: 'X',
	name,
	pid,
	tid,
	ts,
	dur,
});
const thread = (tid: number, name: string, pid = 10): TraceEvent => ({
	ph: 'M',
	name: 'thread_name',
	pid,
	tid,
	ts: 0,
	args: { name },
});

describe('threadWork', () => {
	it('splits nested events into self-time segments named after the innermost event', () => {
		// A task 0–100 runs a function 10–60, which lays out 20–30; then paints 70–90.
		const events: Segment[] = [
			{ start: 0, end: 100, name: 'RunTask' },
			{ start: 10, end: 60, name: 'FunctionCall' },
			{ start: 20, end: 30, name: 'Layout' },
			{ start: 70, end: 90, name: 'Paint' },
		];
		const work = threadWork(events);
		expect(work.tasks).toEqual([{ start: 0, end: 100, name: 'RunTask' }]);
		expect(work.self).toEqual([
			{ start: 0, end: 10, name: 'RunTask' },
			{ start: 10, end: 20, name: 'FunctionCall' },
			{ start: 20, end: 30, name: 'Layout' },
			{ start: 30, end: 60, name: 'FunctionCall' },
			{ start: 60, end: 70, name: 'RunTask' },
			{ start: 70, end: 90, name: 'Paint' },
			{ start: 90, end: 100, name: 'RunTask' },
		]);
		const total = work.self.reduce((n, s) => n + s.end - s.start, 0);
		expect(total).toBe(100);
	});

	it('keeps separate tasks apart and cuts a child that outlasts its parent', () => {
		const work = threadWork([
			{ start: 0, end: 10, name: 'A' },
			{ start: 5, end: 15, name: 'B' },
			{ start: 20, end: 30, name: 'C' },
		]);
		expect(work.tasks.map((t) => [t.start, t.end])).toEqual([
			[0, 10],
			[20, 30],
		]);
		expect(work.self.reduce((n, s) => n + s.end - s.start, 0)).toBe(20);
		expect(work.self.find((s) => s.name === 'B')).toEqual({ start: 5, end: 10, name: 'B' });
	});
});

describe('completeEvents', () => {
	it('joins begin/end pairs and groups events by thread, sorted by start', () => {
		const byThread = completeEvents([
			x('Paint', 50, 5),
			{ ph: 'B', name: 'RunTask', pid: 10, tid: 1, ts: 40 },
			{ ph: 'E', name: 'RunTask', pid: 10, tid: 1, ts: 60 },
			x('Other', 0, 3, 2),
		]);
		expect(byThread.get('10:1')).toEqual([
			{ start: 40, end: 60, name: 'RunTask' },
			{ start: 50, end: 55, name: 'Paint' },
		]);
		expect(byThread.get('10:2')).toEqual([{ start: 0, end: 3, name: 'Other' }]);
	});
});

describe('pageThreads', () => {
	it('finds the busiest renderer main thread and its DuckDB worker by URL', () => {
		const events: TraceEvent[] = [
			thread(1, 'CrRendererMain'),
			thread(2, 'DedicatedWorker thread'),
			thread(3, 'DedicatedWorker thread'),
			thread(1, 'CrRendererMain', 20),
			x('RunTask', 0, 100, 1),
			x('RunTask', 0, 500, 2),
			x('RunTask', 0, 50, 3),
			x('RunTask', 0, 10, 1, 20),
			{
				ph: 'I',
				name: 'TracingSessionIdForWorker',
				pid: 10,
				tid: 1,
				ts: 0,
				args: { data: { url: 'http://x/assets/duckdb-browser-eh.worker.js', workerThreadId: 3 } },
			},
		];
		expect(pageThreads(events)).toEqual({ main: '10:1', worker: '10:3' });
	});

	it('falls back to the busiest dedicated worker of the same process', () => {
		const events: TraceEvent[] = [
			thread(1, 'CrRendererMain'),
			thread(2, 'DedicatedWorker thread'),
			thread(3, 'DedicatedWorker thread'),
			thread(4, 'DedicatedWorker thread', 20),
			x('RunTask', 0, 100, 1),
			x('RunTask', 0, 50, 2),
			x('RunTask', 0, 80, 3),
			x('RunTask', 0, 900, 4, 20),
		];
		expect(pageThreads(events)).toEqual({ main: '10:1', worker: '10:3' });
	});
});

describe('clockOffset', () => {
	it('ties the page clock to the trace clock through a user-timing mark', () => {
		const events: TraceEvent[] = [
			{ ph: 'R', name: 'sync', cat: 'blink.user_timing', pid: 10, tid: 1, ts: 5_001_500 },
		];
		const offset = clockOffset(events, 'sync', 1500.25)!;
		expect(1500.25 * 1000 + offset).toBe(5_001_500);
		expect(clockOffset(events, 'other', 1)).toBeNull();
	});
});
