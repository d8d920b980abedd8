/**
 * Cancel within two seconds, whatever the query, and a dead console worker noticed, in Chromium against
 * the built app. A nested-loop join never looks for the cancel: the console terminates its engine after
 * the grace period, says which of the session's tables were lost, and is ready again on the spare engine
 * that loaded beside the long query. A worker terminated behind the app's back (the debug hook of
 * `?debug=console-worker`, as a browser discarding it would) is noticed by the heartbeat, with a message
 * and a restart. Times are measured in the page from the click and printed; the test waits on the app's
 * signals only.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { foreignRequests, launchBrowser, openApp, screenshot } from './harness.ts';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	page = await openApp(context, '/?v=sql&debug=console-worker');
	await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
});

afterAll(async () => {
	await context?.close();
});

const EDITOR = '[data-page-view="sql"] [data-sql-editor] .cm-content';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
/** Ten billion pairs compared in one nested-loop join: DuckDB-WASM does not stop it on a cancel. */
const BLOCKING =
	'SELECT count(*) FROM range(100000) a, range(100000) b WHERE a.range + b.range = -1';
const READY =
	'[data-page-view="sql"][data-workspace-status="ready"] [data-action="run"]:not([disabled])';

async function type(sql: string): Promise<void> {
	await page.click(EDITOR);
	await page.keyboard.press(`${MOD}+A`);
	await page.keyboard.press('Backspace');
	await page.keyboard.insertText(sql);
	await page.keyboard.press('Escape');
}

async function run(sql: string): Promise<void> {
	await type(sql);
	await page.click('[data-action="run"]');
	await page.waitForSelector(READY);
}

/**
 * Record in the page, from `action` on, when each selector first matches (ms); `action` runs in the
 * page so that the clock starts with it.
 */
async function markFrom(
	action: 'cancel' | 'kill',
	selectors: Record<string, string>,
): Promise<void> {
	await page.evaluate(
		([what, wanted]) => {
			const w = window as unknown as {
				marks: Record<string, number>;
				marker?: MutationObserver;
				hdndDebug?: { killConsoleWorker(): void };
			};
			// One observer at a time: an earlier one would write its own times into these marks.
			w.marker?.disconnect();
			const marks: Record<string, number> = {};
			w.marks = marks;
			const t0 = performance.now();
			const check = () => {
				for (const [name, selector] of Object.entries(wanted)) {
					if (marks[name] === undefined && document.querySelector(selector)) {
						marks[name] = Math.round(performance.now() - t0);
					}
				}
			};
			w.marker = new MutationObserver(check);
			w.marker.observe(document.body, {
				subtree: true,
				childList: true,
				attributes: true,
			});
			if (what === 'cancel')
				(document.querySelector('[data-action="cancel"]') as HTMLElement).click();
			else w.hdndDebug!.killConsoleWorker();
		},
		[action, selectors] as const,
	);
}

const marks = () =>
	page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks);

describe('a query that does not stop', () => {
	test('is cut off after the grace period, says what was lost, and the console is ready again', async () => {
		await run('CREATE TABLE mine AS SELECT 42 AS answer');
		await type(BLOCKING);
		await page.click('[data-action="run"]');
		// The session's own table is named while the query runs: a forced stop would take it.
		await page.waitForSelector('[data-risk]');
		expect(await page.textContent('[data-risk]')).toContain('mine');
		// A spare engine loads beside a query that computes for more than a second.
		await page.waitForSelector('[data-page-view="sql"][data-spare="ready"]', { timeout: 120_000 });
		await markFrom('cancel', { stopped: '[data-action="run"]', ready: READY });
		await page.waitForSelector('[data-lost="cancel"]');
		await page.waitForSelector(READY, { timeout: 120_000 });
		const timing = await marks();
		console.log(
			`[sql-cancel] blocking join, spare ready: run ended ${timing.stopped} ms, console ready ${timing.ready} ms after Cancel`,
		);
		expect(await page.getAttribute('[data-lost-objects]', 'data-lost-objects')).toBe('mine');
		expect(await page.textContent('[data-lost="cancel"]')).toMatch(/mine/);
		await screenshot(page, 'sql-cancel-restarted');

		await run('SELECT 40 + 2 AS answer');
		expect(await page.getAttribute('[data-result]', 'data-total-rows')).toBe('1');
		expect(await page.locator('[data-lost]').count()).toBe(0);
		expect(await page.locator('[data-schema] [data-table="mine"]').count()).toBe(0);
	});

	test('cancelled at once, before a spare is ready, it still ends within the grace period', async () => {
		await type(BLOCKING);
		await page.click('[data-action="run"]');
		await page.waitForSelector('[data-running]');
		await markFrom('cancel', { stopped: '[data-action="run"]', ready: READY });
		await page.waitForSelector('[data-lost="cancel"]');
		await page.waitForSelector(READY, { timeout: 120_000 });
		const timing = await marks();
		console.log(
			`[sql-cancel] blocking join, no spare yet: run ended ${timing.stopped} ms, console ready ${timing.ready} ms after Cancel`,
		);
		expect(await page.getAttribute('[data-lost-objects]', 'data-lost-objects')).toBe('');
	});
});

describe('a dead console worker', () => {
	test('is noticed with a message and restarted on request', async () => {
		await run('CREATE VIEW v AS SELECT 1 AS one');
		await markFrom('kill', { dead: '[data-engine-dead]' });
		await page.waitForSelector('[data-engine-dead]');
		console.log(`[sql-cancel] killed worker noticed ${(await marks()).dead} ms after the kill`);
		expect(await page.textContent('[data-engine-dead]')).toMatch(/ngừng hoạt động/);
		expect(await page.getAttribute('[data-lost-objects]', 'data-lost-objects')).toBe('v');
		expect(await page.getAttribute('[data-action="run"]', 'disabled')).not.toBeNull();
		await screenshot(page, 'sql-worker-dead');

		await page.click('[data-action="restart"]');
		await page.waitForSelector(READY, { timeout: 120_000 });
		expect(await page.locator('[data-engine-dead]').count()).toBe(0);
		await run('SELECT 40 + 2 AS answer');
		expect(await page.getAttribute('[data-result]', 'data-total-rows')).toBe('1');
		expect(foreignRequests(page)).toEqual([]);
	});
});
