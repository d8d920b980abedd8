/**
 * The SQL workspace as a researcher uses it, in Chromium against the built app: completion, running,
 * cancelling a long query, errors with their position, downloads decoded here, the dashboard's safety
 * from the console, shared links that wait for a click, and the history across reloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/node-connector.ts';
import { nativeDuckDB, type NativeDb } from '../helpers/native-duckdb.ts';
import {
	foreignRequests,
	launchBrowser,
	openApp,
	pageErrors,
	screenshot,
	waitForRender,
} from './harness.ts';

let context: BrowserContext;
let native: NativeDb;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	native = await nativeDuckDB(join(ROOT, 'dist', 'data'));
	page = await openApp(context, '/?v=sql');
});

afterAll(async () => {
	native?.close();
	await context?.close();
});

/** The facts rows of the data the app serves, counted by native DuckDB. */
async function nativeFactsRows(): Promise<number> {
	const [row] = await native.rows('SELECT COUNT(*)::INTEGER AS n FROM facts');
	return Number(row!.n);
}

const EDITOR = '[data-page-view="sql"] [data-sql-editor] .cm-content';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Replace the editor's text by typing it (so completion and brackets behave as for a person). */
async function typeSql(target: Page, sql: string): Promise<void> {
	await target.click(EDITOR);
	await target.keyboard.press(`${MOD}+A`);
	await target.keyboard.press('Backspace');
	await target.keyboard.insertText(sql);
}

/** Run the editor's statement with Ctrl+Enter and wait until the run is over. */
async function runWithKeyboard(target: Page): Promise<void> {
	await target.click(EDITOR);
	await target.keyboard.press(`${MOD}+Enter`);
	await target.waitForSelector('[data-action="run"]:not([disabled])');
}

/**
 * Accept the completion `label` from the open list with a click. Not with the keyboard: CodeMirror ignores
 * Enter and the arrows for 75 ms after the list changes (interactionDelay), and an Enter it ignores becomes
 * a new line: on a busy machine that made the keyboard path a race. A click on an option is taken at once.
 */
async function pickCompletion(target: Page, label: string): Promise<void> {
	const option = target
		.locator('.cm-tooltip-autocomplete li')
		.filter({ has: target.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) }) });
	await option.first().click();
	await target.waitForFunction(
		([editor, text]) => document.querySelector(editor)?.textContent?.includes(text),
		[EDITOR, label] as const,
	);
}

async function resultText(target: Page): Promise<string> {
	return (await target.textContent('[data-result] [data-row-count]'))?.trim() ?? '';
}

describe('editor and results', () => {
	test('completes table, column and metric names, runs with Ctrl+Enter and shows the row count', async () => {
		await page.click(EDITOR);
		await page.keyboard.press(`${MOD}+A`);
		await page.keyboard.press('Backspace');
		await page.keyboard.type('SELECT year, SUM(petitions_res');
		const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'petitions_resolved' });
		await option.first().waitFor();
		// The metric's label from the catalogue comes with it.
		expect(await option.first().innerText()).toContain('Kiến nghị cử tri đã giải quyết');
		await pickCompletion(page, 'petitions_resolved');
		await page.keyboard.type(') AS resolved FROM year');
		await pickCompletion(page, 'yearly');
		await page.keyboard.type(" WHERE level = 'province' GROUP BY year ORDER BY year");
		const text = await page.textContent(EDITOR);
		expect(text).toBe(
			"SELECT year, SUM(petitions_resolved) AS resolved FROM yearly WHERE level = 'province' GROUP BY year ORDER BY year",
		);
		await page.keyboard.press(`${MOD}+Enter`);
		await page.waitForSelector('[data-result][data-total-rows="11"]');
		expect(await resultText(page)).toBe('11 dòng');
		// vi-VN numbers: a dot between thousands, years without one.
		const firstRow = await page
			.locator('[data-result] [role="row"][aria-rowindex="2"]')
			.innerText();
		expect(firstRow).toMatch(/2016/);
		expect(firstRow).toMatch(/\d{1,3}\.\d{3}/);
		expect(await page.textContent('[data-elapsed]')).toMatch(/giây/);
		await screenshot(page, 'sql-result');
	});

	test('running closes the completion list', async () => {
		await page.click(EDITOR);
		await page.keyboard.press(`${MOD}+A`);
		await page.keyboard.press('Backspace');
		// The last word is a prefix of two tables (yearly, yearly_2025): the list stays open.
		await page.keyboard.type('SELECT COUNT(*) AS n FROM yearly');
		await page.locator('.cm-tooltip-autocomplete').waitFor();
		await page.keyboard.press(`${MOD}+Enter`);
		await page.waitForSelector('[data-result][data-total-rows="1"]');
		await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
		// The next Enter types a line break, not a completion.
		await page.keyboard.press('Enter');
		expect(await page.locator(`${EDITOR} .cm-line`).count()).toBe(2);
	});

	test('SQL is set in the bundled monospace font, which has the Vietnamese letters', async () => {
		await page.click(EDITOR);
		await page.keyboard.press(`${MOD}+A`);
		await page.keyboard.type('-- Số kỳ họp của Thạch Thất, Đống Đa');
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		// Ask Chromium which fonts drew the line's glyphs: every one from the bundled web font, none from
		// a system fallback (the system monospace fonts lack the Vietnamese letters).
		const cdp = await page.context().newCDPSession(page);
		try {
			await cdp.send('DOM.enable');
			await cdp.send('CSS.enable');
			const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
			const { nodeId } = await cdp.send('DOM.querySelector', {
				nodeId: root.nodeId,
				selector: '.cm-content .cm-line',
			});
			const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
			expect(fonts.length).toBeGreaterThan(0);
			for (const font of fonts) {
				expect(font, JSON.stringify(fonts)).toMatchObject({
					familyName: 'JetBrains Mono',
					isCustomFont: true,
				});
			}
		} finally {
			await cdp.detach();
		}
	});

	test('renders at most 10,000 rows, virtualised, and says how many there are', async () => {
		const factsRows = await nativeFactsRows();
		await typeSql(page, 'SELECT * FROM facts');
		await runWithKeyboard(page);
		await page.waitForSelector(`[data-result][data-total-rows="${factsRows}"]`);
		expect(await resultText(page)).toBe(
			`${factsRows.toLocaleString('vi-VN')} dòng · hiển thị 10.000 dòng đầu`,
		);
		expect(await page.getAttribute('[data-result] [role="table"]', 'data-rows')).toBe('10000');
		const inDom = await page.locator('[data-result] [role="row"]').count();
		expect(inDom).toBeLessThan(80);
	});

	test('"Chart this" draws a line of a result over years, and a bar chart on request', async () => {
		await typeSql(
			page,
			"SELECT year, AVG(sessions_regular) AS regular, AVG(sessions_thematic) AS thematic FROM yearly WHERE level = 'province' GROUP BY year ORDER BY year",
		);
		await runWithKeyboard(page);
		await page.click('[data-result] [data-action="chart"]');
		await page.waitForSelector('.result-chart[data-chart-type="line"] path[d^="M"]');
		expect(await page.locator('.result-chart g[data-series]').count()).toBe(2);
		await page.selectOption('.chart-controls select >> nth=0', 'bar');
		await page.waitForSelector('.result-chart[data-chart-type="bar"] rect');
		expect(await page.locator('.result-chart rect').count()).toBe(22);
		await screenshot(page, 'sql-chart');
	});
});

describe('cancelling', () => {
	test('a query that would take minutes stops within two seconds, then another query runs', async () => {
		// Computing, no rows yet: cancelled inside the engine.
		await typeSql(page, 'SELECT COUNT(*) FROM range(100000000000000)');
		await page.click('[data-action="run"]');
		await page.waitForSelector('[data-action="cancel"]');
		const started = Date.now();
		await page.click('[data-action="cancel"]');
		await page.waitForSelector('[data-action="run"]:not([disabled])');
		const stopped = Date.now() - started;
		expect(stopped).toBeLessThan(2000);
		expect(await page.textContent('[data-notice]')).toMatch(/Đã hủy truy vấn/);
		console.log(`[sql] aggregate cancelled in ${stopped} ms`);

		// Streaming rows: reading stops between batches, the rows so far are shown.
		await typeSql(page, 'SELECT range AS n, range * 2 AS twice FROM range(1000000000000)');
		await page.click('[data-action="run"]');
		await page.waitForFunction(() => {
			const text = document.querySelector('[data-running]')?.textContent ?? '';
			return /[1-9]/.test(text.split('dòng')[0] ?? '');
		});
		const streamStarted = Date.now();
		await page.click('[data-action="cancel"]');
		await page.waitForSelector('[data-action="run"]:not([disabled])');
		const streamStopped = Date.now() - streamStarted;
		expect(streamStopped).toBeLessThan(2000);
		console.log(`[sql] stream cancelled in ${streamStopped} ms`);
		expect(await resultText(page)).toMatch(/^Ít nhất [\d.]+ dòng/);

		await typeSql(page, 'SELECT 40 + 2 AS answer');
		await runWithKeyboard(page);
		await page.waitForSelector('[data-result][data-total-rows="1"]');
		expect(await page.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe('42');
	});
});

describe('errors', () => {
	test('a syntax error shows its line and column beside the editor and is marked in the SQL', async () => {
		await typeSql(page, 'SELECT code,\n  name\nFORM units');
		await runWithKeyboard(page);
		const error = page.locator('[data-sql-error]');
		await error.waitFor();
		expect(await error.locator('.where').getAttribute('data-error-line')).toBe('3');
		expect(await error.locator('.where').getAttribute('data-error-column')).toBe('6');
		expect(await error.innerText()).toContain('Dòng 3, cột 6');
		expect(await error.innerText()).toMatch(/syntax error at or near "units"/);
		expect(await error.innerText()).not.toContain('exception_type');
		await page.waitForSelector('.cm-lintRange-error');
		expect(await page.locator('.cm-lintRange-error').first().innerText()).toBe('units');
		await screenshot(page, 'sql-error');
		expect(pageErrors(page)).toEqual([]);
	});
});

describe('downloads', () => {
	const SQL =
		"SELECT code, name, CASE WHEN code = '01' THEN NULL ELSE LENGTH(name) / 2 END AS half_length FROM units WHERE scheme = '2025' AND level = 'province' ORDER BY code";

	test('CSV and Parquet files hold the result', async () => {
		await typeSql(page, SQL);
		await runWithKeyboard(page);
		await page.waitForSelector('[data-result][data-total-rows="34"]');
		const expected = await native.rows(SQL);

		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('[data-result] [data-action="csv"]'),
		]);
		expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
		const csvBytes = readFileSync((await csvDownload.path())!);
		expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = csvParse(csvBytes.toString('utf8').slice(1));
		expect(csv.columns).toEqual(['code', 'name', 'half_length']);
		expect(csv.length).toBe(34);
		csv.forEach((row, i) => {
			const want = expected[i]!;
			expect(row.code).toBe(want.code);
			expect(row.name).toBe(want.name);
			expect(row.half_length).toBe(want.half_length === null ? '' : String(want.half_length));
		});

		const [parquetDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('[data-result] [data-action="parquet"]'),
		]);
		expect(parquetDownload.suggestedFilename()).toMatch(/\.parquet$/);
		const path = (await parquetDownload.path())!.replaceAll("'", "''");
		const decoded = await native.rows(`SELECT * FROM read_parquet('${path}')`);
		expect(decoded).toEqual(expected);
	});
});

describe('downloads keep types', () => {
	test('Parquet keeps whole-number sums and counts as integers, and averages as doubles', async () => {
		const sql =
			'SELECT scheme, SUM(petitions_received) AS received, COUNT(*) AS reports, AVG(petitions_received) AS mean FROM facts GROUP BY scheme ORDER BY scheme';
		const expected = await native.rows(
			'SELECT scheme, SUM(petitions_received)::VARCHAR AS received, COUNT(*)::VARCHAR AS reports FROM facts GROUP BY scheme ORDER BY scheme',
		);
		await typeSql(page, sql);
		await runWithKeyboard(page);
		await page.waitForSelector(`[data-result][data-total-rows="${expected.length}"]`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('[data-result] [data-action="parquet"]'),
		]);
		const path = (await download.path())!.replaceAll("'", "''");
		const types = await native.rows(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
		expect(types.map((r) => r.column_type)).toEqual(['VARCHAR', 'BIGINT', 'BIGINT', 'DOUBLE']);
		const decoded = await native.rows(
			`SELECT scheme, received::VARCHAR AS received, reports::VARCHAR AS reports FROM read_parquet('${path}')`,
		);
		expect(decoded).toEqual(expected);
	});
});

describe('the dashboard is safe from the console', () => {
	test('DROP TABLE facts in the console leaves the dashboard drawing; the reset restores the copy', async () => {
		await typeSql(page, 'DROP TABLE yearly;\nDROP TABLE facts;\nDELETE FROM units;');
		await page.click('[data-action="run"]');
		await page.waitForSelector('[data-action="run"]:not([disabled])');
		await page.waitForSelector('[data-safety].modified');
		await typeSql(page, 'SELECT COUNT(*) FROM facts');
		await runWithKeyboard(page);
		expect(await page.textContent('[data-sql-error]')).toMatch(/facts/);
		await screenshot(page, 'sql-dropped');

		// The dashboard: its charts draw from the dashboard's own engine, untouched. They have not run
		// on this page yet, so nothing comes from a cache.
		await page.click('nav button[data-page="overview"]');
		for (const chart of ['ranking', 'trend', 'heatmap']) await waitForRender(page, chart);
		expect(await page.locator('[data-chart] .error').count()).toBe(0);
		expect(await page.locator('[data-chart="ranking"] svg').count()).toBeGreaterThan(0);
		await screenshot(page, 'sql-dashboard-after-drop');

		// Back in the console, one click restores its copy of the data.
		await page.click('nav button[data-page="sql"]');
		await page.waitForSelector('[data-safety].modified');
		await page.click('[data-action="reset"]');
		await page.waitForSelector('[data-safety]:not(.modified)');
		await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
		await typeSql(page, 'SELECT COUNT(*) AS n FROM facts');
		await runWithKeyboard(page);
		await page.waitForSelector('[data-result][data-total-rows="1"]');
		expect(await page.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe(
			(await nativeFactsRows()).toLocaleString('vi-VN'),
		);
	});
});

describe('history and sharing', () => {
	test('"Share" puts the SQL in the URL; the link shows it and waits for a click; the history survives', async () => {
		await typeSql(page, 'SELECT 6 * 7 AS answer');
		await page.click('[data-action="share"]');
		const url = new URL(page.url());
		expect(url.searchParams.get('sql')).toBe('SELECT 6 * 7 AS answer');
		expect(url.searchParams.get('v')).toBe('sql');

		// Open the link from scratch (the same browser profile, so the history is there too).
		await page.goto('about:blank');
		await page.goto(url.href);
		await page.waitForSelector('html[data-ready="true"]');
		expect(await page.textContent(EDITOR)).toBe('SELECT 6 * 7 AS answer');
		await page.waitForSelector('[data-shared-pending]');
		const entries = await page.locator('[data-history] code').allInnerTexts();
		expect(entries[0]).toBe('SELECT COUNT(*) AS n FROM facts');
		expect(entries).toContain('SELECT 40 + 2 AS answer');
		// The workspace is ready (the page said so) and nothing ran.
		expect(await page.locator('[data-result]').count()).toBe(0);
		await screenshot(page, 'sql-shared-link');
		await page.click('[data-action="run"]');
		await page.waitForSelector('[data-result][data-total-rows="1"]');
		expect(await page.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe('42');
		expect(await page.locator('[data-shared-pending]').count()).toBe(0);
	});

	test('nothing left the origin and nothing was thrown', () => {
		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});
});
