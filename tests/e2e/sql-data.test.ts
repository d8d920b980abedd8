/**
 * One dataset for the charts and the console, in Chromium against the built app: a CSV imported on the
 * data page (a full year and a term total) is found on the SQL page with `source_kind = 'imported'`, in
 * `yearly` (the year) and `figures` (both); after the console's copy was changed and "Khôi phục dữ liệu"
 * pressed, the imported rows are there again and the session's own table is gone; a notebook of one's
 * own finds them too.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	foreignRequests,
	importCsv,
	launchBrowser,
	openApp,
	pageErrors,
	screenshot,
} from './harness.ts';
import { allCellsRan } from './notebook-session.ts';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	page = await openApp(context, '/?v=sql');
	await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
});

afterAll(async () => {
	await context?.close();
});

/** Thạch Thất's council: its 2023 supervisions and its total for the 2021–2026 term so far. */
const CSV =
	'Mã đơn vị,Tên đơn vị,Danh mục (2023/2025),Năm,Kỳ báo cáo,Nhiệm kỳ,Cuộc giám sát\r\n' +
	'276,Huyện Thạch Thất,2023,2023,Cả năm,,"1.234"\r\n' +
	'276,Huyện Thạch Thất,2023,,Cả nhiệm kỳ,2021-2026,61\r\n';

const EDITOR = '[data-page-view="sql"] [data-sql-editor] .cm-content';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const IMPORTED = `SELECT period, coalesce(term, '') AS term, supervisions FROM figures
WHERE source_kind = 'imported' ORDER BY period`;

/** Replace the editor's text, run it with the Run button and wait until the run is over. */
async function run(sql: string): Promise<void> {
	await page.click(EDITOR);
	await page.keyboard.press(`${MOD}+A`);
	await page.keyboard.press('Backspace');
	await page.keyboard.insertText(sql);
	await page.keyboard.press('Escape');
	await page.click('[data-action="run"]');
	await page.waitForSelector('[data-action="run"]:not([disabled])');
}

/** The result's cells, row by row. */
async function resultRows(): Promise<string[][]> {
	await page.waitForSelector('[data-result]');
	return page.$$eval('[data-result] [role="row"]', (rows) =>
		rows
			.map((row) => [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent!.trim()))
			.filter((cells) => cells.length > 0),
	);
}

/** The result's rows without the row-number column the table shows first. */
const values = async () => (await resultRows()).map((cells) => cells.slice(1));

describe('one dataset for the charts and the console', () => {
	test('imported figures, a term total among them, are queryable and survive a reset', async () => {
		await run(IMPORTED);
		expect(await page.getAttribute('[data-result]', 'data-total-rows')).toBe('0');

		await page.click('nav [data-page="data"]');
		await importCsv(page, 'thach-that-nhiem-ky.csv', CSV, 2);

		await page.click('nav [data-page="sql"]');
		await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
		await run(IMPORTED);
		expect(await values()).toEqual([
			['term', '2021-2026', '61'],
			['year', '', '1.234'],
		]);
		await run(
			`SELECT code, year, supervisions FROM yearly WHERE source_kind = 'imported' AND code = '276'`,
		);
		expect(await values()).toEqual([['276', '2023', '1.234']]);
		await screenshot(page, 'sql-imported-rows');

		// Change the copy, then reset: the dashboard's state comes back, the session's table goes.
		await run(`DELETE FROM facts WHERE source_id LIKE 'import-%'`);
		await run('CREATE TABLE mine AS SELECT 42 AS answer');
		await run(IMPORTED);
		expect(await page.getAttribute('[data-result]', 'data-total-rows')).toBe('0');
		await page.click('[data-action="reset"]');
		await page.waitForSelector('[data-notice]');
		await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
		await run(IMPORTED);
		expect(await values()).toEqual([
			['term', '2021-2026', '61'],
			['year', '', '1.234'],
		]);
		expect(await page.locator('[data-schema] [data-table="mine"]').count()).toBe(0);
		expect(await page.locator('[data-schema] [data-table="figures"]').count()).toBe(1);

		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});

	test('a notebook of the user queries the same rows', async () => {
		await page.click('nav [data-page="notebooks"]');
		await page.waitForSelector('[data-notebooks-loaded="true"]');
		await page.click('[data-action="create-notebook"]');
		const article = page.locator('[data-notebook]');
		await article.waitFor();
		await allCellsRan(page, (await article.getAttribute('data-notebook'))!);

		const cell = page.locator('[data-cell-kind="sql"]').first();
		await cell.locator('.cm-content').click();
		await page.keyboard.press(`${MOD}+A`);
		await page.keyboard.press('Backspace');
		await page.keyboard.insertText(IMPORTED);
		await cell.locator('[data-action="run-cell"]').click();
		await cell.locator('[data-result][data-total-rows="2"]').waitFor();
		const rows = await cell.locator('[data-result] [role="row"]').evaluateAll((found) =>
			found
				.map((row) => [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent!.trim()))
				.filter((cells) => cells.length > 0)
				.map((cells) => cells.slice(1)),
		);
		expect(rows).toEqual([
			['term', '2021-2026', '61'],
			['year', '', '1.234'],
		]);
		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});

	test('the unit detail shows the imported term total under its term', async () => {
		await page.goto(new URL('/?b=reported&y0=2019&y1=2023&f=2023:276', page.url()).href);
		await page.waitForSelector('html[data-ready="true"]');
		await page.waitForSelector('[data-chart="unit-detail"][data-render-id]:not([data-pending])');
		const headers = await page
			.locator('[data-chart="unit-detail"] thead th')
			.evaluateAll((cells) => cells.map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
		const term = headers.findIndex(
			(h) => h.includes('Cả nhiệm kỳ 2021-2026') && h.includes('Số liệu nhập từ tệp'),
		);
		expect(term, headers.join(' | ')).toBeGreaterThan(0);
		const supervisions = await page
			.locator('[data-chart="unit-detail"] tbody tr', { hasText: 'Cuộc giám sát' })
			.first()
			.locator('th, td')
			.allInnerTexts();
		expect(supervisions[term]).toBe('61');
	});
});
