/**
 * Hostile files in the browser's import panel (issue 16): the file that crashed the checker and the
 * files under the size limits that exhausted memory end in a report or a refusal naming the limit,
 * never on "reading", and the page raises no error.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { xlsxDeclaring } from '../helpers/hostile-files.ts';
import { launchBrowser, openApp, pageErrors, screenshot } from './harness.ts';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	page = await openApp(context, '/?v=data');
	await page.waitForSelector('[data-import-status="idle"]');
});

afterAll(async () => {
	await context?.close();
});

async function choose(name: string, buffer: Buffer): Promise<void> {
	await page.setInputFiles('input[type=file]', {
		name,
		mimeType: 'application/octet-stream',
		buffer,
	});
}

describe('the import panel and hostile files', () => {
	test('"constructor" as the qualifier is reported as an invalid qualifier', async () => {
		await choose(
			'constructor.csv',
			Buffer.from('Tính chất số liệu,Kỳ họp thường lệ\nconstructor,khoảng 5'),
		);
		await page.waitForSelector('[data-import-status="checked"] .report');
		const codes = await page.$$eval('.report tr[data-issue-code]', (rows) =>
			rows.map((r) => r.dataset.issueCode),
		);
		expect(codes).toContain('invalid_qualifier');
		expect(await page.textContent('.report tr[data-issue-code="invalid_qualifier"]')).toContain(
			'Tính chất số liệu "constructor" không hợp lệ',
		);
	});

	test('49 MB of blank lines is refused at the line limit', async () => {
		await choose('dong-trong.csv', Buffer.alloc(49_000_000, 0x0a));
		await page.waitForSelector('[data-read-error="too_many_lines"]');
		expect(await page.textContent('[role="alert"]')).toContain('500.000 dòng kể cả dòng trống');
		await screenshot(page, 'import-limit-lines');
	});

	test('a workbook of parts inflating to 1.8 GB is refused at the inflated size limit', async () => {
		await choose('bom.xlsx', Buffer.from(xlsxDeclaring(20, 90_000_000)));
		await page.waitForSelector('[data-read-error="too_large_unzipped"]');
		expect(await page.textContent('[role="alert"]')).toContain('200 MB');
		expect(pageErrors(page)).toEqual([]);
	});
});
