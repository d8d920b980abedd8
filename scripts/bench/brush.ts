/**
 * Brushing years on the overview's trend chart (d3-brush, src/charts/year-brush.ts) with real
 * Playwright mouse input: press inside the brushable area, move in many small steps across the years,
 * release. A trace of the drags gives the frame times while the pointer moves (frames.ts: each
 * frame's main-thread work, from pointer down to pointer up). After each release the app re-ranks for
 * the brushed span; the next drag waits until the charts have redrawn and stayed still.
 */
import type { Browser, Page } from 'playwright-core';
import { framesIn, frameStats, type FrameStats } from './frames.ts';
import { startTrace } from './tracing.ts';

export interface BrushOptions {
	drags: number;
	/** Pointer moves per drag. */
	steps: number;
	/** After a drag, how long nothing may redraw before the next one (ms). */
	quietMs: number;
	timeoutMs: number;
}

export interface BrushRun {
	drags: number;
	/** Main-thread work of each frame painted while the pointer moved (ms). */
	frameMs: number[];
	/** Intervals between those frames (ms). */
	intervalMs: number[];
	/** Why there is nothing, when there is nothing. */
	note?: string;
}

export interface BrushSummary {
	drags: number;
	work: FrameStats;
	interval: FrameStats;
	note?: string;
}

export function summarizeBrush(run: BrushRun): BrushSummary {
	return {
		drags: run.drags,
		work: frameStats(run.frameMs),
		interval: frameStats(run.intervalMs),
		note: run.note,
	};
}

declare global {
	interface Window {
		/** Pointer down and up of each drag (event timeStamps), recorded by brush.ts. */
		__benchDrags?: { down: number; up: number | null }[];
	}
}

/** The drags as fractions of the brushable width: across everything, both ways, and parts. */
function dragPlan(i: number): [number, number] {
	const plans: [number, number][] = [
		[0.02, 0.98],
		[0.98, 0.02],
		[0.1, 0.6],
		[0.9, 0.4],
		[0.3, 0.95],
		[0.7, 0.05],
	];
	return plans[i % plans.length]!;
}

/** Waits until some chart redrew after `from`, nothing redrew for quietMs and all is painted. */
function waitForSettle(args: { from: number; quietMs: number; timeoutMs: number }): Promise<void> {
	const started = performance.now();
	return new Promise((resolve) => {
		const tick = () => {
			const after = (window.__benchMarks ?? [])
				.slice(args.from)
				.filter((m) => m.attribute === 'data-render-id');
			const last = after.reduce((t, m) => Math.max(t, m.at), 0);
			const now = performance.now();
			const settled =
				after.length > 0 &&
				now - last >= args.quietMs &&
				after.every((m) => m.painted !== undefined);
			if (settled || now - started > args.timeoutMs) resolve();
			else setTimeout(tick, 5);
		};
		tick();
	});
}

/** Drag across the trend chart's years on a loaded overview page, tracing the drags. */
export async function brushDrags(
	browser: Browser,
	page: Page,
	options: BrushOptions,
): Promise<BrushRun> {
	const overlay = page.locator('[data-chart="trend"] .brush .overlay').first();
	if ((await overlay.count()) === 0) {
		return { drags: 0, frameMs: [], intervalMs: [], note: 'no brush overlay on the trend chart' };
	}
	await overlay.scrollIntoViewIfNeeded();
	const box = await overlay.boundingBox();
	if (!box || box.width < 20) {
		return { drags: 0, frameMs: [], intervalMs: [], note: 'the trend brush is not on screen' };
	}
	await page.evaluate(() => {
		const drags: { down: number; up: number | null }[] = [];
		window.__benchDrags = drags;
		window.addEventListener(
			'pointerdown',
			(e) => drags.push({ down: e.timeStamp, up: null }),
			true,
		);
		window.addEventListener(
			'pointerup',
			(e) => {
				const drag = drags.at(-1);
				if (drag && drag.up === null) drag.up = e.timeStamp;
			},
			true,
		);
	});
	const y = box.y + box.height / 2;
	const x = (f: number) => box.x + box.width * f;
	const stop = await startTrace(browser, page);
	try {
		for (let i = 0; i < options.drags; i++) {
			const [from, to] = dragPlan(i);
			const marks = await page.evaluate(() => window.__benchMarks?.length ?? 0);
			await page.mouse.move(x(from), y);
			await page.mouse.down();
			await page.mouse.move(x(to), y, { steps: options.steps });
			await page.mouse.up();
			await page.evaluate(waitForSettle, {
				from: marks,
				quietMs: options.quietMs,
				timeoutMs: options.timeoutMs,
			});
		}
	} catch (error) {
		// Tracing is browser-wide: end it before giving up, or the next trace cannot start.
		await stop().catch(() => undefined);
		throw error;
	}
	const drags = await page.evaluate(() => window.__benchDrags ?? []);
	const trace = await stop();
	if (!trace.main) {
		return {
			drags: drags.length,
			frameMs: [],
			intervalMs: [],
			note: 'no main thread in the trace',
		};
	}
	const windows = drags
		.filter((d) => d.up !== null)
		.map((d) => ({ start: trace.toTrace(d.down), end: trace.toTrace(d.up!) }));
	const frames = framesIn(windows, trace.main.tasks, trace.main.events);
	return {
		drags: windows.length,
		frameMs: frames.map((f) => f.workMs),
		intervalMs: frames.flatMap((f) => (f.intervalMs === null ? [] : [f.intervalMs])),
	};
}
