/**
 * Frame times while the pointer moves, from the page's main thread in a trace.
 *
 * A frame is a main-thread task that paints (it holds a PrePaint, Paint or Layerize event: Chromium's
 * BeginMainFrame, where rAF-aligned input, style, layout and paint run). A frame's time is the
 * main-thread work it needed: the busy time of every task from the end of the previous frame (or the
 * start of the drag) to the end of this frame's painting task. Waiting between tasks is left out, so
 * the figure says whether the page could keep up at 60 Hz, whatever pace the harness sends input at.
 * The interval between the ends of consecutive frames is kept too, for context; it cannot be shorter
 * than the pace of the input.
 */
import { quantile } from './stats.ts';
import type { Segment } from './trace.ts';

/** A frame's budget at 60 Hz (ms). */
export const FRAME_BUDGET_MS = 1000 / 60;

const PAINTING = new Set(['PrePaint', 'Paint', 'Layerize']);

export interface Frame {
	/** End of the painting task (µs on the trace clock). */
	end: number;
	/** Main-thread work of the frame (ms). */
	workMs: number;
	/** Since the previous frame's end (ms); null for a drag's first frame. */
	intervalMs: number | null;
}

/**
 * The frames whose painting task ends inside each window (a drag: pointer down → pointer up), from
 * the main thread's outermost tasks and all its events (each sorted by start; µs).
 */
export function framesIn(
	windows: readonly { start: number; end: number }[],
	tasks: readonly Segment[],
	events: readonly Segment[],
): Frame[] {
	const paints = events.filter((e) => PAINTING.has(e.name));
	const paintsIn = (task: Segment) =>
		paints.some((p) => p.start >= task.start && p.start < task.end);
	const frames: Frame[] = [];
	for (const window of windows) {
		let workUs = 0;
		let previous: number | null = null;
		for (const task of tasks) {
			if (task.end <= window.start) continue;
			if (task.end > window.end) break;
			workUs += task.end - Math.max(task.start, window.start);
			if (!paintsIn(task)) continue;
			frames.push({
				end: task.end,
				workMs: workUs / 1000,
				intervalMs: previous === null ? null : (task.end - previous) / 1000,
			});
			previous = task.end;
			workUs = 0;
		}
	}
	return frames;
}

/** Frame time statistics: percentiles, the worst, and the share over a frame's budget. */
export interface FrameStats {
	frames: number;
	p50: number;
	p95: number;
	max: number;
	/** Share (0–1) of frames whose time is over the budget. */
	overBudget: number;
}

export function frameStats(values: readonly number[], budgetMs = FRAME_BUDGET_MS): FrameStats {
	return {
		frames: values.length,
		p50: quantile(values, 0.5),
		p95: quantile(values, 0.95),
		max: values.length > 0 ? Math.max(...values) : Number.NaN,
		overBudget: values.length > 0 ? values.filter((v) => v > budgetMs).length / values.length : 0,
	};
}
