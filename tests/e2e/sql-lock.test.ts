/**
 * The SQL console cannot leave the page, in Chromium against the built app with the request log: every
 * statement that would reach the network, a file or an extension is refused with the bilingual message,
 * makes no request at all, never overflows the stack, and a reset of the console locks it again.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	consoleErrors,
	foreignRequests,
	launchBrowser,
	openApp,
	pageErrors,
	requests,
	screenshot,
} from './harness.ts';

/** The statements the issue lists (a fresh host name each, so a request could not hide in a cache). */
const ESCAPES = [
	"SELECT * FROM read_csv('https://example.com/a.csv')",
	"SELECT * FROM read_parquet('http://example.org/a.parquet')",
	"SELECT * FROM read_json('https://example.net/a.json')",
	"ATTACH 'md:my_db'",
	"ATTACH 'https://example.edu/x.duckdb' AS x",
	'INSTALL httpfs',
	'LOAD httpfs',
	'SET autoinstall_known_extensions = true',
	'SET autoload_known_extensions = true',
	'SET enable_external_access = true',
	"COPY (SELECT 1) TO 'x.csv'",
	'SET lock_configuration = false',
];

const VI = 'Truy vấn không được truy cập mạng hoặc tệp ngoài trang';
const EN = 'Queries may not reach the network or files outside the page';

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

const EDITOR = '[data-page-view="sql"] [data-sql-editor] .cm-content';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Replace the editor's text and run it with the Run button; resolves when the run is over. */
async function run(sql: string): Promise<void> {
	await page.click(EDITOR);
	await page.keyboard.press(`${MOD}+A`);
	await page.keyboard.press('Backspace');
	await page.keyboard.insertText(sql);
	await page.keyboard.press('Escape');
	await page.click('[data-action="run"]');
	await page.waitForSelector('[data-action="run"]:not([disabled])');
}

/** What the console said about the last run: its error box, or '' when there is none. */
async function errorText(): Promise<string> {
	const box = page.locator('[data-sql-error]');
	return (await box.count()) > 0 ? await box.innerText() : '';
}

/** Console errors that report a request blocked by the Content-Security-Policy. */
const cspReports = () =>
	consoleErrors(page).filter((line) =>
		/Content Security Policy|Refused to (connect|load)/i.test(line),
	);

describe('a console that cannot leave the page', () => {
	test('every escape is refused with the message and makes no request', async () => {
		const before = requests(page).length;
		for (const sql of ESCAPES) {
			await run(sql);
			await page.waitForSelector('[data-sql-error][data-refused="external"]');
			const text = await errorText();
			expect(text, sql).toContain(VI);
			expect(text, sql).not.toMatch(/call stack/i);
		}
		await screenshot(page, 'sql-refused');
		// Not one request while these ran: none to another host, none to the page's own either.
		expect(requests(page).slice(before)).toEqual([]);
		expect(foreignRequests(page)).toEqual([]);
		expect(cspReports()).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});

	test('ordinary SQL still runs; another setting is refused as locked', async () => {
		await run("SELECT COUNT(*) AS n FROM units WHERE level = 'province' AND scheme = '2025'");
		await page.waitForSelector('[data-result][data-total-rows="1"]');
		expect(await page.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe('34');
		await run('SET threads = 4');
		await page.waitForSelector('[data-sql-error][data-refused="settings"]');
		expect(await errorText()).toContain('đã bị khoá');
	});

	test('in English the message is in English', async () => {
		await page.click('header button.lang');
		await page.waitForSelector('html[lang="en"]');
		await run("SELECT * FROM read_csv('https://example.com/b.csv')");
		await page.waitForSelector('[data-sql-error][data-refused="external"]');
		expect(await errorText()).toContain(EN);
		await screenshot(page, 'sql-refused-en');
		await page.click('header button.lang');
		await page.waitForSelector('html[lang="vi"]');
	});

	test('after a reset the new engine is locked too', async () => {
		await run('CREATE TABLE scratch AS SELECT 1 AS n');
		await page.waitForSelector('[data-safety].modified');
		await page.click('[data-action="reset"]');
		await page.waitForSelector('[data-safety]:not(.modified)');
		await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
		await run(
			"SELECT current_setting('lock_configuration') AS locked, current_setting('enable_external_access') AS outside",
		);
		await page.waitForSelector('[data-result][data-total-rows="1"]');
		const cells = await page.locator('[data-result] [role="cell"]').allInnerTexts();
		expect(cells.map((c) => c.trim().toLowerCase())).toEqual(
			expect.arrayContaining(['true', 'false']),
		);
		// A URL read as a table passes the guard: the engine's lock refuses it, with the same message.
		const before = requests(page).length;
		await run("SELECT * FROM 'https://example.com/c.csv'");
		await page.waitForSelector('[data-sql-error][data-refused="external"]');
		expect(await errorText()).toContain(VI);
		expect(requests(page).slice(before)).toEqual([]);
	});

	test('nothing left the origin and nothing was thrown', () => {
		expect(foreignRequests(page)).toEqual([]);
		expect(cspReports()).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});
});
