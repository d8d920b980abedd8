/**
 * Bringing one's own data, as a member of staff does it in Chromium: import a good CSV and find it in the
 * charts and the unit's details with its file as the source; import a file with errors and see the report
 * while the charts stay as they were; reload and find the import still there; remove it and see it gone;
 * hide the simulated figures and see only real ones.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { foreignRequests, launchBrowser, openApp, pageErrors, screenshot } from './harness.ts';

let context: BrowserContext;

beforeAll(async () => {
	context = await launchBrowser();
});

afterAll(async () => {
	await context?.close();
});

/** Hà Nội's districts in 2023, supervisions, with Huyện Thạch Thất's details open. */
const OVERVIEW = '/?p=2023:01&lv=district&y1=2023&m=supervisions&f=2023:276';
const UNIT = '2023:276';
const GOOD_CSV =
	'\ufeffMã đơn vị,Tên đơn vị,Danh mục (2023/2025),Năm,Cuộc giám sát,Cuộc khảo sát\r\n' +
	'276,Huyện Thạch Thất,2023,2023,"1.234",7\r\n';
const BAD_CSV =
	'Mã đơn vị;Tên đơn vị;Danh mục;Năm;Cuộc giám sát;Kiến nghị cử tri tiếp nhận;Kiến nghị cử tri đã giải quyết\n' +
	'276;Thạch Thất;2023;2023;1,5;100;120\n' +
	'99999;Thach That;2023;2023;2;;\n' +
	'24;Bắc Giang;2025;2023;3;;\n' +
	';;;;;;\n';

/** Every value the ranking shows, by unit. */
async function rankingValues(page: Page): Promise<Record<string, string>> {
	return page.$$eval('[data-chart="ranking"] [data-unit-key][data-value]', (bars) =>
		Object.fromEntries(
			bars.map((b) => [b.getAttribute('data-unit-key')!, b.getAttribute('data-value')!]),
		),
	);
}

/** Wait until the ranking shows `value` for the unit (the overview re-queries when it mounts). */
async function waitForRankingValue(page: Page, unit: string, value: string): Promise<void> {
	await page.waitForFunction(
		([key, expected]) =>
			document
				.querySelector(`[data-chart="ranking"] [data-unit-key="${key}"][data-value]`)
				?.getAttribute('data-value') === expected,
		[unit, value] as const,
		{ timeout: 60_000 },
	);
}

async function goTo(page: Page, tab: string): Promise<void> {
	await page.click(`nav [data-page="${tab}"]`);
}

async function reload(page: Page): Promise<void> {
	await page.evaluate(() => document.documentElement.removeAttribute('data-ready'));
	await page.reload({ waitUntil: 'domcontentloaded' });
	await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
}

describe('importing data', () => {
	test('a good CSV reaches the charts with its source, survives a reload, and goes when removed', async () => {
		const page = await openApp(context, OVERVIEW);
		await page.waitForSelector(`[data-chart="ranking"] [data-unit-key="${UNIT}"][data-value]`);
		const before = await rankingValues(page);
		expect(before[UNIT]).not.toBe('1234');

		await goTo(page, 'data');
		await page.setInputFiles('input[type=file]', {
			name: 'thach-that-2023.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(GOOD_CSV),
		});
		await page.waitForSelector('[data-import-status="checked"] .report[data-accepted="1"]');
		expect(await page.getAttribute('.report', 'data-rejected')).toBe('0');
		await page.click('button.primary');
		await page.waitForSelector('[data-import-status="done"]');
		await page.waitForSelector('[data-chart="imports"] tr[data-file="thach-that-2023.csv"]');
		// The coverage grid marks the cell as imported.
		await page.waitForSelector(
			`[data-chart="coverage"] rect[data-unit-key="${UNIT}"][data-year="2023"][data-state="imported"]`,
		);
		await screenshot(page, 'import-done', { fullPage: true });

		await goTo(page, 'overview');
		await waitForRankingValue(page, UNIT, '1234');
		const detail = page.locator('[data-chart="unit-detail"] li[data-source-id^="import-"]');
		await expect.poll(() => detail.textContent()).toContain('thach-that-2023.csv');
		expect(await detail.textContent()).toMatch(
			/Nhập từ tệp lúc \d{2}:\d{2}:\d{2}, \d{2}\/\d{2}\/\d{4}/,
		);
		// One column per fact row: the simulated one and the imported one.
		expect(
			await page.$$eval('[data-chart="unit-detail"] td[data-metric="supervisions"]', (cells) =>
				cells.map((c) => c.textContent!.trim()),
			),
		).toContain('1.234');
		await screenshot(page, 'import-overview');

		// Kept in the browser: after a reload the figure is still there.
		await reload(page);
		await waitForRankingValue(page, UNIT, '1234');
		await goTo(page, 'data');
		await page.waitForSelector('[data-chart="imports"] tr[data-file="thach-that-2023.csv"]');

		// Removed: the list, the charts and the details no longer have it.
		await page.click('[data-chart="imports"] tr[data-file="thach-that-2023.csv"] button');
		await page.waitForSelector('[data-chart="imports"] tr[data-file]', { state: 'detached' });
		await goTo(page, 'overview');
		await waitForRankingValue(page, UNIT, before[UNIT]!);
		expect(await rankingValues(page)).toEqual(before);
		await page.waitForSelector('[data-chart="unit-detail"] li[data-source-id="simulated-v1"]');
		expect(
			await page.locator('[data-chart="unit-detail"] li[data-source-id^="import-"]').count(),
		).toBe(0);

		expect(pageErrors(page)).toEqual([]);
		expect(foreignRequests(page)).toEqual([]);
		await page.close();
	});

	test('a file with errors shows the report with rows and columns; the charts stay unchanged', async () => {
		const page = await openApp(context, OVERVIEW);
		await page.waitForSelector(`[data-chart="ranking"] [data-unit-key="${UNIT}"][data-value]`);
		const before = await rankingValues(page);

		await goTo(page, 'data');
		await page.setInputFiles('input[type=file]', {
			name: 'loi.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(BAD_CSV),
		});
		await page.waitForSelector('[data-import-status="checked"] .report[data-total="4"]');
		const report = page.locator('.report');
		expect(await report.getAttribute('data-accepted')).toBe('0');
		expect(await report.getAttribute('data-rejected')).toBe('3');
		expect(await report.getAttribute('data-empty')).toBe('1');
		const issues = await page.$$eval('.report tr[data-issue-code]', (rows) =>
			rows.map((r) => [r.dataset.issueRow, r.dataset.issueColumn, r.dataset.issueCode]),
		);
		expect(issues).toEqual([
			['2', 'supervisions', 'decimal'],
			['2', 'petitions_resolved', 'resolved_above_received'],
			['3', 'unit_code', 'unknown_unit'],
			['4', 'scheme', 'year_not_in_scheme'],
			['5', '', 'empty_row'],
		]);
		await expect
			.poll(() => page.textContent('.report tr[data-issue-code="unknown_unit"]'))
			.toContain('Huyện Thạch Thất (276)');
		expect(await page.textContent('.report tr[data-issue-code="year_not_in_scheme"]')).toContain(
			'Mã 24 năm 2025 là Tỉnh Bắc Ninh, trước 01/7/2025 là Tỉnh Bắc Giang',
		);
		expect(await page.isDisabled('button.primary')).toBe(true);
		await screenshot(page, 'import-report', { fullPage: true });
		await page.click('.actions button:not(.primary)');
		await page.waitForSelector('[data-import-status="idle"]');

		// An encoding that cannot be recognised is refused, not read as garbled text.
		await page.setInputFiles('input[type=file]', {
			name: 'shift-jis.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([0x81, 0x75, 0x8b, 0x63, 0x89, 0xef, 0x81, 0x76, 0x2c, 0x32, 0x0a]),
		});
		await page.waitForSelector('[data-read-error="encoding"]');
		expect(await page.textContent('[role="alert"]')).toContain('Không nhận ra bảng mã của tệp');

		await goTo(page, 'overview');
		await waitForRankingValue(page, UNIT, before[UNIT]!);
		expect(await rankingValues(page)).toEqual(before);
		expect(pageErrors(page)).toEqual([]);
		await page.close();
	});

	test('hiding the simulated figures leaves only real ones, everywhere, and the link keeps it', async () => {
		const page = await openApp(context, '/?v=data&p=2023:01&lv=district&y1=2022&m=supervisions');
		await page.waitForSelector('[data-chart="coverage"] rect[data-state="simulated"]');
		await page.check('input[role="switch"]');
		await page.waitForFunction(() => new URLSearchParams(location.search).get('sim') === '0');
		await page.waitForSelector('[data-chart="coverage"] rect[data-state="simulated"]', {
			state: 'detached',
		});
		expect(await page.locator('[data-chart="coverage"] [data-badge="simulated"]').count()).toBe(0);

		await goTo(page, 'overview');
		// Thạch Thất's reported 13 supervisions of 2022 remain; every other district is now a gap.
		await waitForRankingValue(page, UNIT, '13');
		const values = await rankingValues(page);
		expect(Object.entries(values).filter(([, v]) => v !== '')).toEqual([[UNIT, '13']]);
		expect(await page.locator('[data-chart="ranking"] [data-badge="simulated"]').count()).toBe(0);
		expect(new URL(page.url()).searchParams.get('sim')).toBe('0');
		await screenshot(page, 'import-real-only');

		// The same link in a new page shows the same.
		const shared = await openApp(
			context,
			new URL(page.url()).pathname + new URL(page.url()).search,
		);
		await waitForRankingValue(shared, UNIT, '13');
		expect(await shared.locator('[data-badge="simulated"]').count()).toBe(0);
		await shared.close();
		await page.close();
	});
});
