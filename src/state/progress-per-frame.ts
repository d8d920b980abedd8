/**
 * A load's progress as the loading screen needs it: a new stage at once, a new byte count at most once
 * per frame. A download reports every chunk it reads (hundreds a second for the bundled file), and each
 * report redrew the screen while the engine's start, the longest step of a cold start, wanted the
 * processor.
 */
import type { LoadProgress, LoadStage } from '../db/load.ts';

export function progressPerFrame(
	apply: (progress: LoadProgress) => void,
	nextFrame: (run: () => void) => unknown = requestAnimationFrame,
): (progress: LoadProgress) => void {
	let stage: LoadStage | null = null;
	// The latest byte count of the current stage not shown yet; null when none is waiting.
	let waiting: LoadProgress | null = null;
	return (progress) => {
		if (progress.stage !== stage) {
			stage = progress.stage;
			waiting = null;
			apply(progress);
			return;
		}
		const scheduled = waiting !== null;
		waiting = progress;
		if (scheduled) return;
		nextFrame(() => {
			const latest = waiting;
			waiting = null;
			if (latest) apply(latest);
		});
	};
}
