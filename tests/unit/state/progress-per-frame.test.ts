import { describe, expect, test } from 'vitest';
import type { LoadProgress } from '../../../src/db/load.ts';
import { progressPerFrame } from '../../../src/state/progress-per-frame.ts';

/** A frame clock run by hand: `frame()` runs what waited for the next frame. */
function handClock() {
	let queued: (() => void)[] = [];
	return {
		nextFrame: (run: () => void) => queued.push(run),
		frame() {
			const now = queued;
			queued = [];
			for (const run of now) run();
		},
		get waiting() {
			return queued.length;
		},
	};
}

const at = (stage: LoadProgress['stage'], loadedBytes: number): LoadProgress => ({
	stage,
	loadedBytes,
	totalBytes: 1000,
});

describe('progressPerFrame', () => {
	test('a new stage is shown at once; the byte counts of a frame as one, the latest', () => {
		const shown: LoadProgress[] = [];
		const clock = handClock();
		const report = progressPerFrame((p) => shown.push(p), clock.nextFrame);
		report(at('download', 0));
		expect(shown).toEqual([at('download', 0)]);
		for (const bytes of [100, 200, 300]) report(at('download', bytes));
		expect(shown).toHaveLength(1);
		expect(clock.waiting).toBe(1);
		clock.frame();
		expect(shown).toEqual([at('download', 0), at('download', 300)]);
		report(at('download', 400));
		clock.frame();
		expect(shown.at(-1)).toEqual(at('download', 400));
		clock.frame();
		expect(shown).toHaveLength(3);
	});

	test('a byte count waiting when the stage changes is dropped, not shown after the new stage', () => {
		const shown: LoadProgress[] = [];
		const clock = handClock();
		const report = progressPerFrame((p) => shown.push(p), clock.nextFrame);
		report(at('download', 0));
		report(at('download', 900));
		report(at('engine', 1000));
		report(at('prepare', 1000));
		clock.frame();
		expect(shown.map((p) => p.stage)).toEqual(['download', 'engine', 'prepare']);
	});
});
