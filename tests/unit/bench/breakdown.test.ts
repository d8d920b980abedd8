import { describe, expect, it } from 'vitest';
import { attribute, bucketOf, eventName, sumBy, union } from '../../../scripts/bench/breakdown.ts';

const seg = (start: number, end: number, name = '') => ({ start, end, name });

describe('bucketOf', () => {
	it('sorts trace events into script, style and layout, paint and other', () => {
		expect(bucketOf('FunctionCall')).toBe('script');
		expect(bucketOf('V8.GC_SCAVENGER_SCAVENGE_PARALLEL')).toBe('script');
		expect(bucketOf('v8.compile')).toBe('script');
		expect(bucketOf('UpdateLayoutTree')).toBe('style-layout');
		expect(bucketOf('Layout')).toBe('style-layout');
		expect(bucketOf('PrePaint')).toBe('paint');
		expect(bucketOf('Layerize')).toBe('paint');
		expect(bucketOf('Commit')).toBe('paint');
		expect(bucketOf('RunTask')).toBe('other');
	});
});

describe('union', () => {
	it('merges overlapping and touching spans', () => {
		expect(
			union([seg(5, 8), seg(0, 3), seg(3, 4), seg(7, 10)]).map((s) => [s.start, s.end]),
		).toEqual([
			[0, 4],
			[5, 10],
		]);
	});
});

describe('attribute', () => {
	it('gives each instant of a window to one bucket, the main thread first', () => {
		// Window 0–100: script 0–10, engine alone 10–40, script 40–50 while the engine still runs
		// (40–45), layout 50–60, paint 60–70, idle 70–100.
		const main = [
			seg(0, 10, 'FunctionCall'),
			seg(40, 50, 'FunctionCall'),
			seg(50, 60, 'Layout'),
			seg(60, 70, 'Paint'),
		];
		const worker = [seg(10, 45, 'RunTask')];
		const [b] = attribute([{ start: 0, end: 100 }], main, worker);
		expect(b!.us).toEqual({
			engine: 30,
			script: 20,
			'style-layout': 10,
			paint: 10,
			harness: 0,
			other: 0,
			idle: 30,
		});
		expect(b!.engineBusyUs).toBe(35);
		expect(Object.values(b!.us).reduce((n, v) => n + v, 0)).toBe(b!.windowUs);
	});

	it('counts only the part of an event inside each window, and nothing outside any', () => {
		const main = [seg(0, 30, 'FunctionCall'), seg(200, 260, 'Paint')];
		const worker = [seg(90, 130, 'RunTask')];
		const [a, c] = attribute(
			[
				{ start: 20, end: 100 },
				{ start: 120, end: 220 },
			],
			main,
			worker,
		);
		expect(a!.us.script).toBe(10);
		expect(a!.us.engine).toBe(10);
		expect(a!.us.idle).toBe(60);
		expect(c!.us.engine).toBe(10);
		expect(c!.us.paint).toBe(20);
		expect(c!.us.idle).toBe(70);
	});

	it('counts the worker as idle time when it was not traced', () => {
		const [b] = attribute([{ start: 0, end: 10 }], [seg(0, 4, 'Paint')], null);
		expect(b!.us.engine).toBe(0);
		expect(b!.us.idle).toBe(6);
	});
});

describe('sumBy', () => {
	it('sums the windows of each kind', () => {
		const breakdowns = attribute(
			[
				{ start: 0, end: 10 },
				{ start: 10, end: 30 },
				{ start: 30, end: 40 },
			],
			[seg(0, 5, 'FunctionCall'), seg(30, 40, 'Layout')],
			[],
		);
		const sums = sumBy(['measure', 'level', 'measure'], breakdowns);
		expect(sums.get('measure')!.n).toBe(2);
		expect(sums.get('measure')!.windowUs).toBe(20);
		expect(sums.get('measure')!.us.script).toBe(5);
		expect(sums.get('measure')!.us['style-layout']).toBe(10);
		expect(sums.get('level')!.us.idle).toBe(20);
	});
});

describe('eventName', () => {
	it("marks the benchmark's own script and DevTools messages as harness work", () => {
		const base = { ph: 'X', pid: 1, tid: 1, ts: 0, dur: 1 };
		const polled = eventName({ ...base, name: 'FunctionCall', args: { data: { url: '' } } });
		expect(polled).toBe('(harness) FunctionCall');
		expect(bucketOf(polled)).toBe('harness');
		const app = { ...base, name: 'FunctionCall', args: { data: { url: 'http://x/assets/a.js' } } };
		expect(eventName(app)).toBe('FunctionCall');
		const devtools = {
			...base,
			name: 'Receive mojo message',
			args: { chrome_mojo_event_info: { mojo_interface_tag: 'blink.mojom.DevToolsSessionHost' } },
		};
		expect(bucketOf(eventName(devtools))).toBe('harness');
		const frame = {
			...base,
			name: 'Receive mojo message',
			args: { chrome_mojo_event_info: { mojo_interface_tag: 'viz.mojom.CompositorFrameSink' } },
		};
		expect(bucketOf(eventName(frame))).toBe('other');
	});
});
