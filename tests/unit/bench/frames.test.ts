import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_MS, frameStats, framesIn } from '../../../scripts/bench/frames.ts';

const seg = (start: number, end: number, name = 'RunTask') => ({ start, end, name });

describe('framesIn', () => {
	it("counts each painting task's main-thread work since the previous frame", () => {
		// µs: input task 1000–3000, frame task 4000–9000 (paints); then a frame 20000–40000 alone.
		const tasks = [seg(1000, 3000), seg(4000, 9000), seg(20_000, 40_000), seg(50_000, 51_000)];
		const events = [
			...tasks,
			seg(6000, 8000, 'Paint'),
			seg(30_000, 31_000, 'PrePaint'),
			seg(50_500, 50_600, 'FunctionCall'),
		];
		const frames = framesIn([{ start: 0, end: 60_000 }], tasks, events);
		expect(frames).toEqual([
			{ end: 9000, workMs: 7, intervalMs: null },
			{ end: 40_000, workMs: 20, intervalMs: 31 },
		]);
	});

	it('starts counting at the window and drops frames ending after it', () => {
		const tasks = [seg(0, 10_000), seg(12_000, 14_000), seg(20_000, 30_000)];
		const events = [...tasks, seg(13_000, 13_500, 'Layerize'), seg(25_000, 26_000, 'Paint')];
		const frames = framesIn([{ start: 5000, end: 25_000 }], tasks, events);
		expect(frames).toEqual([{ end: 14_000, workMs: 7, intervalMs: null }]);
	});
});

describe('frameStats', () => {
	it('reports percentiles, the worst frame and the share over 16.7 ms', () => {
		const stats = frameStats([2, 4, 6, 8, 20]);
		expect(stats.frames).toBe(5);
		expect(stats.p50).toBe(6);
		expect(stats.max).toBe(20);
		expect(stats.overBudget).toBeCloseTo(0.2);
		expect(stats.p95).toBeCloseTo(17.6);
		expect(FRAME_BUDGET_MS).toBeCloseTo(16.667, 3);
	});

	it('has no share over budget without frames', () => {
		expect(frameStats([])).toMatchObject({ frames: 0, overBudget: 0 });
	});
});
