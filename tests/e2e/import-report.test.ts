/**
 * A council office's own workbook, as it keeps it: a title block (the council, the motto, the title,
 * "Năm 2023"), a two-row merged header, a row numbering the columns, a total and signatures. Imported
 * through the data page: the table is found under the title block and shown, the year comes from the
 * title, and the figures reach the charts.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeXlsx } from '../../src/import/xlsx-write.ts';
import { councilSheet } from '../helpers/council-workbook.ts';
import { foreignRequests, launchBrowser, openApp, pageErrors, screenshot } from './harness.ts';

let context: BrowserContext;

beforeAll(async () => {
	context = await launchBrowser();
});

afterAll(async () => {
	await context?.close();
});

const OVERVIEW = '/?p=2023:01&lv=district&y1=2023&m=supervisions&f=2023:276';
const UNIT = '2023:276';

/** Two districts of Hà Nội, figures made up for the test. */
const WORKBOOK = writeXlsx([
	councilSheet('Hướng dẫn', 'HĐND THÀNH PHỐ HÀ NỘI', 'Năm 2022', [], { hidden: true }),
	councilSheet('Tổng hợp', 'HĐND THÀNH PHỐ HÀ NỘI', 'Năm 2023', [
		{
			code: '276',
			name: 'Huyện Thạch Thất',
			regular: 2,
			thematic: 3,
			supervisions: 4321,
			received: 210,
			resolved: 198,
		},
		{
			code: '006',
			name: 'Quận Đống Đa',
			regular: 2,
			thematic: 1,
			supervisions: 17,
			received: 95,
			resolved: 90,
		},
	]),
]);

describe('importing a report workbook', () => {
	test('the table under the title block is found and shown; its figures reach the charts', async () => {
		const page = await openApp(context, OVERVIEW);
		await page.waitForSelector(`[data-chart="ranking"] [data-unit-key="${UNIT}"][data-value]`);
		await page.click('nav [data-page="data"]');
		await page.setInputFiles('input[type=file]', {
			name: 'bao-cao-hdnd-2023.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(WORKBOOK),
		});
		await page.waitForSelector('[data-import-status="checked"] .report[data-accepted="2"]', {
			timeout: 60_000,
		});
		// The hidden first sheet is listed but not read.
		expect(await page.getAttribute('.sheets', 'data-sheets-chosen')).toBe('1');
		expect(await page.isChecked('.sheets label[data-sheet="Hướng dẫn"] input')).toBe(false);
		// The region: the visible sheet, headers on rows 7–8, columns A–H, figures from row 10.
		const region = page.locator('.region[data-region-sheet="Tổng hợp"]');
		expect(await region.getAttribute('data-header-rows')).toBe('7,8');
		expect(await region.getAttribute('data-columns')).toBe('A–H');
		expect(await region.getAttribute('data-first-row')).toBe('10');
		expect(await region.locator('[data-title-facts]').textContent()).toContain('Cả năm 2023');
		expect(await page.locator('.region tr[data-role="header"]').count()).toBe(2);
		expect(await page.getAttribute('.report', 'data-rejected')).toBe('0');
		// The parent label carried to its children, the year taken from the title.
		expect(
			await page.locator('.mapping tr[data-header="Kỳ họp › Thường lệ"] select').inputValue(),
		).toBe('sessions_regular');
		expect(
			await page.locator('.mapping tr[data-header="Năm (theo tiêu đề)"] select').inputValue(),
		).toBe('year');
		await screenshot(page, 'import-report-region', { fullPage: true });
		// The same in English.
		await page.click('button.lang');
		await expect
			.poll(() => region.locator('.summary').textContent())
			.toContain('Column headers on row 7–8, columns A–H; figures from row 10 to row 12.');
		await screenshot(page, 'import-report-region-en', { fullPage: true });
		await page.click('button.lang');

		// Moving the header one row down reads "Thường lệ" alone; moving it back restores the table.
		await page.selectOption('.region select[data-header-height]', '1');
		await page.waitForSelector('.region[data-header-rows="7"]');
		await page.selectOption('.region select[data-header-height]', '2');
		await page.waitForSelector('.region[data-header-rows="7,8"]');
		await page.waitForSelector('[data-import-status="checked"] .report[data-accepted="2"]');
		// Ticking the hidden sheet reads it too (its table has no rows); unticking it restores the table.
		await page.check('.sheets label[data-sheet="Hướng dẫn"] input');
		await page.waitForSelector('.sheets[data-sheets-chosen="0,1"]');
		await page.waitForSelector('.region[data-region-sheet="Hướng dẫn"]');
		await page.uncheck('.sheets label[data-sheet="Hướng dẫn"] input');
		await page.waitForSelector('.sheets[data-sheets-chosen="1"]');
		await page.waitForSelector('[data-import-status="checked"] .report[data-accepted="2"]');

		await page.click('button.primary');
		await page.waitForSelector('[data-import-status="done"]');
		await page.click('nav [data-page="overview"]');
		await page.waitForFunction(
			([key]) =>
				document
					.querySelector(`[data-chart="ranking"] [data-unit-key="${key}"][data-value]`)
					?.getAttribute('data-value') === '4321',
			[UNIT] as const,
			{ timeout: 60_000 },
		);
		expect(pageErrors(page)).toEqual([]);
		expect(foreignRequests(page)).toEqual([]);
		await page.close();
	});
});
