/**
 * The notebooks in Chromium: every shipped notebook renders with live results (and the charts its cells
 * ask for), cells are edited, added and run, edits survive a reload, the notebook downloads as Markdown,
 * and hostile Markdown never runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseNotebook } from '../../src/model/notebook.ts';
import { ROOT } from '../helpers/node-connector.ts';
import { foreignRequests, launchBrowser, openApp, pageErrors, screenshot } from './harness.ts';
import { allCellsRan } from './notebook-session.ts';

const NOTEBOOKS = readdirSync(join(ROOT, 'notebooks'))
	.filter((name) => name.endsWith('.md'))
	.sort()
	.map((name) =>
		parseNotebook(name.replace(/\.md$/, ''), readFileSync(join(ROOT, 'notebooks', name), 'utf8')),
	);

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	page = await openApp(context, '/?v=notebooks');
});

afterAll(async () => {
	await context?.close();
});

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

describe('the shipped notebooks', () => {
	test('are listed and each renders with live results, and charts where a cell asks for one', async () => {
		expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(3);
		const links = await page.locator('[data-notebook-link]').allInnerTexts();
		expect(links).toEqual(NOTEBOOKS.map((n) => n.title));
		for (const notebook of NOTEBOOKS) {
			await page.click(`[data-notebook-link="${notebook.id}"]`);
			await allCellsRan(page, notebook.id);
			const article = page.locator(`[data-notebook="${notebook.id}"]`);
			const sqlCells = notebook.cells.filter((c) => c.kind === 'sql');
			expect(await article.locator('[data-cell-error]').count(), notebook.id).toBe(0);
			const totals = await article
				.locator('[data-result]')
				.evaluateAll((elements) => elements.map((e) => Number(e.getAttribute('data-total-rows'))));
			expect(totals).toHaveLength(sqlCells.length);
			for (const total of totals) expect(total).toBeGreaterThan(0);
			const charts = sqlCells.filter((c) => c.kind === 'sql' && c.chart).length;
			expect(await article.locator('.result-chart svg').count(), notebook.id).toBe(charts);
			expect(await article.locator('.prose h1').first().innerText()).toBe(notebook.title);
			expect(await article.innerText()).toMatch(/mô phỏng/);
			await screenshot(page, `notebook-${notebook.id}`);
		}
	});
});

describe('editing', () => {
	test('cells are edited, added and run; edits survive a reload; the notebook downloads as .md', async () => {
		const first = NOTEBOOKS[0]!;
		await page.click(`[data-notebook-link="${first.id}"]`);
		await allCellsRan(page, first.id);
		const article = page.locator(`[data-notebook="${first.id}"]`);
		const sqlCell = article.locator('[data-cell-kind="sql"]').first();

		// Edit the first SQL cell and run it.
		await sqlCell.locator('.cm-content').click();
		await page.keyboard.press(`${MOD}+A`);
		await page.keyboard.press('Backspace');
		await page.keyboard.insertText('SELECT 6 * 7 AS answer');
		await sqlCell.locator('[data-action="run-cell"]').click();
		await sqlCell.locator('[data-result][data-total-rows="1"]').waitFor();
		expect(await sqlCell.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe('42');

		// Add a SQL cell after it and run it.
		const before = await article.locator('[data-cell-kind="sql"]').count();
		await sqlCell.getByRole('button', { name: '+ Ô SQL' }).click();
		expect(await article.locator('[data-cell-kind="sql"]').count()).toBe(before + 1);
		const added = article.locator('[data-cell-kind="sql"]').nth(1);
		await added.locator('[data-action="run-cell"]').click();
		await added.locator('[data-result][data-total-rows="10"]').waitFor();

		// Add a text cell with Markdown that tries to run code: it shows as text and runs nothing.
		await added.getByRole('button', { name: '+ Ô văn bản' }).click();
		const text = article.locator('[data-cell-kind="markdown"] textarea');
		await text.fill(
			'Ghi chú **mới**. <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\n\n' +
				'[bấm](javascript:window.__xss=3)',
		);
		const textCell = article.locator('[data-cell-kind="markdown"]:has(textarea)');
		await textCell.locator('[data-action="edit"]').click();
		const prose = article.locator('.prose', { hasText: 'Ghi chú' });
		await prose.waitFor();
		expect(await prose.locator('strong').innerText()).toBe('mới');
		expect(await prose.locator('img, script, [onerror]').count()).toBe(0);
		expect(await prose.innerText()).toContain('<img src=x onerror=');
		await prose.locator('a').click();
		expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
		await screenshot(page, 'notebook-edited');

		// Download: the edited notebook as Markdown with its SQL cells.
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			article.locator('[data-action="download-md"]').click(),
		]);
		expect(file.suggestedFilename()).toBe(`${first.id}.md`);
		const markdown = readFileSync((await file.path())!, 'utf8');
		const downloaded = parseNotebook(first.id, markdown);
		expect(downloaded.cells.filter((c) => c.kind === 'sql').map((c) => c.text)).toEqual([
			'SELECT 6 * 7 AS answer',
			'SELECT * FROM yearly LIMIT 10',
			...first.cells
				.filter((c) => c.kind === 'sql')
				.map((c) => c.text)
				.slice(1),
		]);
		expect(markdown).toContain('Ghi chú **mới**');

		// The edits are kept in this browser across a reload, and can be discarded.
		await page.reload();
		await page.waitForSelector('html[data-ready="true"]');
		await allCellsRan(page, first.id);
		await page.waitForSelector('[data-edited]');
		expect(await page.locator('[data-cell-kind="sql"] .cm-content').first().innerText()).toBe(
			'SELECT 6 * 7 AS answer',
		);
		await page.click('[data-action="revert"]');
		await allCellsRan(page, first.id);
		expect(await page.locator('[data-edited]').count()).toBe(0);
		const original = first.cells.find((c) => c.kind === 'sql')!.text;
		expect(await page.locator('[data-cell-kind="sql"] .cm-content').first().innerText()).toBe(
			original,
		);
	});

	test('nothing left the origin and nothing was thrown', () => {
		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});
});
