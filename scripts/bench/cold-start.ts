/**
 * Cold start, each run in a fresh browser context (empty HTTP cache, no storage):
 *
 * - app: from navigation start to the first frame painted after the app sets `html[data-ready]`
 *   (its first charts drawn with data), with the loading stages on the way;
 * - floor: bench-floor.html on the same dataset: engine start, fetch, decode, insert (see
 *   src/bench/floor.ts), nothing else.
 *
 * Each run also records the bytes the server sent and the page's memory once loaded.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FloorTimings } from '../../src/bench/floor.ts';
import { collectErrors, freshContext, marks } from './browser.ts';
import { measureMemory, type MemoryReport } from './memory.ts';
import type { Served, StaticServer } from './serve.ts';

export interface AppColdRun {
	/** Navigation start → first frame painted with data (ms). */
	ms: number;
	/** When `data-ready` was set (ms since navigation start). */
	readyAt: number;
	/** When each loading stage began (ms since navigation start). */
	stages: Record<string, number>;
	/** Navigation timing: response end and DOMContentLoaded (ms). */
	responseEnd: number;
	domContentLoaded: number;
	bytes: Served[];
	memory: MemoryReport | null;
	errors: string[];
}

export interface FloorRun {
	/** Navigation start → every table inserted into DuckDB (ms): the floor. */
	ms: number;
	/** Navigation start → engine started and every file decoded, before inserting (ms). */
	decodedMs: number;
	timings: FloorTimings;
	bytes: Served[];
	memory: MemoryReport | null;
	errors: string[];
}

async function open(
	browser: Browser,
	url: string,
	done: string,
	timeoutMs: number,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const context = await freshContext(browser);
	const page = await context.newPage();
	const errors = collectErrors(page);
	try {
		await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
		await page.waitForSelector(done, { state: 'attached', timeout: timeoutMs });
	} catch (error) {
		await context.close();
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(`${url}: ${message}\n${errors.join('\n')}`, { cause: error });
	}
	return { context, page, errors };
}

/**
 * An app run. With `keep`, the page stays open and is returned (the optimised interactions run on it);
 * the caller closes its context.
 */
export async function appColdStart(
	browser: Browser,
	server: StaticServer,
	query: string,
	options: { memory: boolean; timeoutMs: number; keep?: boolean },
): Promise<{ run: AppColdRun; page?: Page; context?: BrowserContext }> {
	server.reset();
	const { context, page, errors } = await open(
		browser,
		`${server.baseURL}index.html?${query}`,
		'html[data-ready="true"], html[data-load-error]',
		options.timeoutMs,
	);
	try {
		const loadError = await page.evaluate(() => document.documentElement.dataset.loadError);
		if (loadError) throw new Error(`the app failed to load (${query}): ${loadError}`);
		// The frame after data-ready is the first one with the charts on screen.
		await page.waitForFunction(
			() =>
				window.__benchMarks?.some(
					(m) => m.target === 'html' && m.attribute === 'data-ready' && m.painted !== undefined,
				),
			undefined,
			{ timeout: 10_000 },
		);
		const seen = await marks(page);
		const ready = seen.find((m) => m.target === 'html' && m.attribute === 'data-ready')!;
		const stages: Record<string, number> = {};
		for (const m of seen) {
			if (m.target === 'loading' && m.value && stages[m.value] === undefined)
				stages[m.value] = m.at;
		}
		const navigation = await page.evaluate(() => {
			const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return { responseEnd: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd };
		});
		const bytes = server.log();
		const memory = options.memory ? await measureMemory(browser, page) : null;
		const run: AppColdRun = {
			ms: ready.painted!,
			readyAt: ready.at,
			stages,
			...navigation,
			bytes,
			memory,
			errors,
		};
		if (options.keep) return { run, page, context };
		await context.close();
		return { run };
	} catch (error) {
		await context.close();
		throw error;
	}
}

/**
 * A floor run. With `keep`, the page stays open and is returned for the engine measurements; the
 * caller closes its context.
 */
export async function floorColdStart(
	browser: Browser,
	server: StaticServer,
	query: string,
	options: { memory: boolean; timeoutMs: number; keep?: boolean; attach?: boolean },
): Promise<{ run: FloorRun; page?: Page; context?: BrowserContext }> {
	server.reset();
	const { context, page, errors } = await open(
		browser,
		`${server.baseURL}bench-floor.html?${query}${options.attach ? '&floor=attach' : ''}`,
		'html[data-floor-done="true"], html[data-floor-error]',
		options.timeoutMs,
	);
	try {
		const failure = await page.evaluate(() => window.__floorError);
		if (failure) throw new Error(`the floor page failed (${query}): ${failure}`);
		const timings = await page.evaluate(() => window.__floor!);
		const bytes = server.log();
		const memory = options.memory ? await measureMemory(browser, page) : null;
		const run: FloorRun = {
			ms: timings.floorAttached ?? timings.floorInserted,
			decodedMs: timings.floorDecoded,
			timings,
			bytes,
			memory,
			errors,
		};
		if (options.keep) return { run, page, context };
		await context.close();
		return { run };
	} catch (error) {
		await context.close();
		throw error;
	}
}
