/**
 * A dead dashboard engine is noticed (issue 16: when the browser discarded the DuckDB worker, the charts
 * stayed stale with no message). The worker is ended for real, through the debug hook that only the URL
 * flag `?debug=kill-engine` enables (src/db/wasm-connector.ts): the page must say so with a Reload
 * button, dim what is no longer current, and after the reload show the data again, imports included.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BUSY_DEADLINE_MS } from '../../src/db/engine-watch.ts';
import { READY_TIMEOUT_MS, importCsv, launchBrowser, openApp, screenshot } from './harness.ts';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	page = await openApp(context, '/?v=data&debug=kill-engine');
	await page.waitForSelector('[data-import-status="idle"]');
});

afterAll(async () => {
	await context?.close();
});

/** The import, the kill (up to the busy deadline), the reload (up to the ready timeout), with room. */
const TEST_TIMEOUT_MS = BUSY_DEADLINE_MS + READY_TIMEOUT_MS + 120_000;

const CSV =
	'Mã đơn vị,Tên đơn vị,Danh mục,Năm,Cuộc giám sát\n276,Huyện Thạch Thất,2023,2023,"1.234"\n';

test(
	'a killed engine is reported with Reload; the reload brings the data and the import back',
	async () => {
		await importCsv(page, 'giam-sat-2023.csv', CSV, 1);

		// End the worker, and time how long the page takes to say so.
		await page.evaluate(() => {
			const w = window as unknown as { hdndKillEngine: () => void; noticedAfter?: number };
			const killed = performance.now();
			new MutationObserver((_, observer) => {
				if (!document.querySelector('[data-engine-lost]')) return;
				w.noticedAfter = performance.now() - killed;
				observer.disconnect();
			}).observe(document.body, { childList: true, subtree: true });
			w.hdndKillEngine();
		});
		// Noticed within a second when the engine was idle; a query in flight at the kill (the data page's own,
		// or reading ahead in idle time, which a busy machine runs later) gives it the busy deadline.
		await page.waitForSelector('[data-engine-lost="unresponsive"]', {
			timeout: BUSY_DEADLINE_MS + 30_000,
		});
		const noticedAfter = await page.evaluate(
			() => (window as unknown as { noticedAfter: number }).noticedAfter,
		);
		console.log(`dead engine noticed after ${noticedAfter.toFixed(0)} ms`);
		expect(await page.textContent('[data-engine-lost]')).toContain('Tải lại trang để tiếp tục');
		// What the engine drew before is dimmed and out of reach, not shown as current.
		expect(await page.locator('.views.stale[inert]').count()).toBe(1);
		await screenshot(page, 'engine-lost');

		await page.evaluate(() => document.documentElement.removeAttribute('data-ready'));
		await page.click('[data-engine-lost] button');
		await page.waitForSelector('html[data-ready="true"]', {
			state: 'attached',
			timeout: READY_TIMEOUT_MS,
		});
		await page.waitForSelector('[data-chart="imports"] tr[data-file="giam-sat-2023.csv"]', {
			timeout: READY_TIMEOUT_MS,
		});
		expect(await page.locator('[data-engine-lost]').count()).toBe(0);
		expect(await page.locator('.views.stale').count()).toBe(0);
	},
	TEST_TIMEOUT_MS,
);
