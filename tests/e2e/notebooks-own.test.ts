/**
 * Notebooks of one's own in Chromium: one is created, edited, found again after a reload, renamed and
 * deleted; a .md file is opened from disk (and waits until the user runs it); files that are not
 * notebooks are refused with a message and lose nothing; a notebook is shared by link and opened in a
 * fresh browser, read-only until the reader chooses "Chạy"; a notebook too large for a link downloads
 * as a file; hostile Markdown in a file or a link never runs.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_NOTEBOOK_BYTES } from '../../src/notebooks/check.ts';
import { encodeShared } from '../../src/notebooks/share.ts';
import { axe } from './axe.ts';
import { foreignRequests, launchBrowser, openApp, pageErrors, screenshot } from './harness.ts';
import { allCellsRan } from './notebook-session.ts';

let context: BrowserContext;
let page: Page;
/** A second browser with a profile of its own: the reader of a shared link. */
let reader: BrowserContext;

beforeAll(async () => {
	context = await launchBrowser();
	page = await openApp(context, '/?v=notebooks');
});

afterAll(async () => {
	await context?.close();
	await reader?.close();
});

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const HOSTILE = `# Báo cáo giám sát quý III

Ghi chú <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>

[xem thêm](javascript:window.__xss=3) <iframe src="javascript:window.__xss=4"></iframe>

\`\`\`sql
SELECT 6 * 7 AS answer
\`\`\`
`;

/** The id of the open notebook. */
async function openId(target: Page): Promise<string> {
	const article = target.locator('[data-notebook]');
	await article.waitFor();
	return (await article.getAttribute('data-notebook'))!;
}

async function saved(target: Page): Promise<void> {
	await target.waitForSelector('[data-page-view="notebooks"][data-save-state="saved"]');
}

async function reload(target: Page): Promise<void> {
	await target.reload();
	await target.waitForSelector('html[data-ready="true"]');
	await target.waitForSelector('[data-notebooks-loaded="true"]');
}

async function ownNames(target: Page): Promise<string[]> {
	return target.locator('[data-own-notebook]').allInnerTexts();
}

/** No serious or critical axe-core finding on the page as it stands, in light and dark. */
async function accessible(target: Page, screen: string): Promise<void> {
	for (const theme of ['light', 'dark'] as const) {
		await target.emulateMedia({ colorScheme: theme });
		await target.waitForSelector(`html[data-theme="${theme}"]`, { state: 'attached' });
		const serious = (await axe(target, screen, theme)).filter(
			(f) => f.impact === 'serious' || f.impact === 'critical',
		);
		expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
	}
	await target.emulateMedia({ colorScheme: 'light' });
}

/** Nothing the page shows ran script. */
async function noScriptRan(target: Page): Promise<void> {
	const prose = target.locator('.prose', { hasText: 'Ghi chú' });
	await prose.waitFor();
	expect(await prose.locator('img, script, iframe, [onerror]').count()).toBe(0);
	expect(await prose.innerText()).toContain('<img src=x onerror=');
	await prose.locator('a').click();
	expect(await target.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
}

function mdFile(name: string, text: string | Buffer) {
	return {
		name,
		mimeType: 'text/markdown',
		buffer: typeof text === 'string' ? Buffer.from(text) : text,
	};
}

describe('own notebooks', () => {
	let created = '';

	test('a new notebook is created and run, edited, and found again after a reload', async () => {
		await page.waitForSelector('[data-own-empty]');
		await page.click('[data-action="create-notebook"]');
		created = await openId(page);
		expect(created).toMatch(/^mine-/);
		await allCellsRan(page, created);
		expect(await ownNames(page)).toEqual(['Sổ tay mới']);
		expect(await page.locator(`[data-notebook="${created}"] [data-cell-error]`).count()).toBe(0);

		const sqlCell = page.locator('[data-cell-kind="sql"]').first();
		await sqlCell.locator('.cm-content').click();
		await page.keyboard.press(`${MOD}+A`);
		await page.keyboard.press('Backspace');
		await page.keyboard.insertText('SELECT 6 * 7 AS answer');
		await sqlCell.locator('[data-action="run-cell"]').click();
		await sqlCell.locator('[data-result][data-total-rows="1"]').waitFor();
		await saved(page);

		await reload(page);
		expect(await openId(page)).toBe(created);
		await allCellsRan(page, created);
		expect(await page.locator('[data-cell-kind="sql"] .cm-content').first().innerText()).toBe(
			'SELECT 6 * 7 AS answer',
		);
		expect(await page.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe('42');
	});

	test('it is renamed, and keeps its name across a reload', async () => {
		const item = page.locator(`[data-own-item="${created}"]`);
		await item.locator('[data-action="rename"]').click();
		await item.locator('[data-rename-input]').fill('Kỳ họp của tôi');
		await item.locator('[data-action="rename-save"]').click();
		expect(await ownNames(page)).toEqual(['Kỳ họp của tôi']);
		// The heading was the old name: it follows, and the edited cell stays as it was.
		await page.locator('.prose h1', { hasText: 'Kỳ họp của tôi' }).waitFor();
		await allCellsRan(page, created);
		expect(await page.locator('[data-cell-kind="sql"] .cm-content').first().innerText()).toBe(
			'SELECT 6 * 7 AS answer',
		);
		await saved(page);
		await reload(page);
		expect(await ownNames(page)).toEqual(['Kỳ họp của tôi']);
		expect(await page.locator('.prose h1').first().innerText()).toBe('Kỳ họp của tôi');
	});

	test('a .md file opens from disk, waits to be run, and its hostile Markdown runs nothing', async () => {
		await page.setInputFiles('[data-notebook-file]', mdFile('giam-sat-quy-3.md', HOSTILE));
		await page.waitForFunction(
			(before) =>
				document.querySelector('[data-notebook]')?.getAttribute('data-notebook') !== before,
			created,
		);
		const id = await openId(page);
		expect(await ownNames(page)).toEqual(['Kỳ họp của tôi', 'Báo cáo giám sát quý III']);
		const notice = page.locator('[data-pending-notice]');
		expect(await notice.getAttribute('data-ran')).toBe('false');
		expect(await page.locator('[data-cell-status]').first().getAttribute('data-cell-status')).toBe(
			'idle',
		);
		await noScriptRan(page);

		await notice.locator('[data-action="run-pending"]').click();
		await allCellsRan(page, id);
		expect(await notice.getAttribute('data-ran')).toBe('true');
		await saved(page);
		// Chosen once, it runs by itself from then on.
		await reload(page);
		await allCellsRan(page, id);
		expect(await page.locator('[data-pending-notice]').count()).toBe(0);
	});

	test('files that are not notebooks are refused with a message, and nothing stored is lost', async () => {
		const before = await ownNames(page);
		const refusals: [ReturnType<typeof mdFile>, RegExp][] = [
			[mdFile('bien-ban.md', '# Biên bản\n\nChỉ có chữ, không có ô SQL.\n'), /không phải sổ tay/],
			[mdFile('lon.md', Buffer.alloc(MAX_NOTEBOOK_BYTES + 1, 0x61)), /quá lớn/],
			[mdFile('anh.md', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x01])), /UTF-8/],
			[mdFile('so-lieu.csv', 'ma,gia_tri\n1,2\n'), /Chỉ mở được tệp Markdown/],
		];
		for (const [file, message] of refusals) {
			await page.setInputFiles('[data-notebook-file]', file);
			const alert = page.locator('[data-notebook-refused]', { hasText: file.name });
			await alert.waitFor();
			expect(await alert.innerText()).toMatch(message);
			expect(await alert.innerText()).toContain('Các sổ tay đã lưu vẫn còn nguyên');
			expect(await ownNames(page)).toEqual(before);
		}
		await page.click('button.lang');
		await page.setInputFiles('[data-notebook-file]', refusals[0]![0]);
		await page.locator('[data-notebook-refused]', { hasText: 'is not a notebook' }).waitFor();
		await page.click('button.lang');
		await reload(page);
		expect(await ownNames(page)).toEqual(before);
	});
});

describe('sharing', () => {
	let link = '';

	test('a notebook is shared as a link', async () => {
		await page.click('[data-own-notebook]:text("Kỳ họp của tôi")');
		const id = await openId(page);
		await allCellsRan(page, id);
		await page.click('[data-action="share"]');
		await page.waitForSelector('[data-share-result="link"]');
		link = await page.locator('[data-share-link]').inputValue();
		const url = new URL(link);
		expect(url.searchParams.get('v')).toBe('notebooks');
		expect(url.searchParams.get('nb')).toMatch(/^1\.[A-Za-z0-9_-]+$/);
		await screenshot(page, 'notebooks-own-list');
		// The list with a rename form open (a delete confirmation closes it: one at a time).
		await page.locator('[data-own-item]').first().locator('[data-action="rename"]').click();
		await page.locator('[data-rename-input]').waitFor();
		await accessible(page, 'own notebooks');
		await page.keyboard.press('Escape');
		await page.locator('[data-rename-input]').waitFor({ state: 'detached' });
	});

	test('the link opens read-only in a fresh browser and runs only when the reader chooses', async () => {
		reader = await launchBrowser();
		const url = new URL(link);
		const shared = await openApp(reader, `/${url.search}`);
		await shared.waitForSelector('[data-notebooks-loaded="true"]');
		expect(await shared.locator('[data-shared-link]').innerText()).toBe('Kỳ họp của tôi');
		expect(await shared.locator('[data-own-notebook]').count()).toBe(0);
		const article = shared.locator('[data-notebook="shared"]');
		expect(await article.getAttribute('data-editable')).toBe('false');
		expect(await article.locator('.cm-editor, textarea, [data-action="run-cell"]').count()).toBe(0);
		expect(await article.locator('[data-sql-text]').first().innerText()).toBe(
			'SELECT 6 * 7 AS answer',
		);
		const notice = shared.locator('[data-pending-notice]');
		expect(await notice.innerText()).toContain('chỉ để đọc');
		expect(await notice.getAttribute('data-ran')).toBe('false');
		expect(await article.locator('[data-cell-status="idle"]').count()).toBeGreaterThan(0);
		expect(await article.locator('[data-result]').count()).toBe(0);
		await screenshot(shared, 'notebook-shared-readonly');
		await accessible(shared, 'shared notebook');

		await notice.locator('[data-action="run-pending"]').click();
		await allCellsRan(shared, 'shared');
		expect(await article.locator('[data-result] [role="cell"]').nth(1).innerText()).toBe('42');
		await screenshot(shared, 'notebook-shared-ran');

		// Kept: it becomes the reader's own notebook, and the link leaves the address bar.
		await notice.locator('[data-action="save-copy"]').click();
		await shared.locator('[data-own-notebook]', { hasText: 'Kỳ họp của tôi' }).waitFor();
		await saved(shared);
		expect(new URL(shared.url()).searchParams.has('nb')).toBe(false);
		await reload(shared);
		expect(await shared.locator('[data-own-notebook]').allInnerTexts()).toEqual(['Kỳ họp của tôi']);
		expect(await shared.locator('[data-shared-link]').count()).toBe(0);
		expect(foreignRequests(shared)).toEqual([]);
		expect(pageErrors(shared)).toEqual([]);
		await shared.close();
	});

	test('hostile Markdown in a link runs nothing; a broken link is refused and loses nothing', async () => {
		const code = encodeShared({ name: 'Báo cáo lạ', markdown: HOSTILE });
		const hostile = await openApp(reader, `/?v=notebooks&nb=${code}`);
		await hostile.waitForSelector('[data-notebook="shared"]');
		await noScriptRan(hostile);
		await hostile.close();

		const broken = await openApp(reader, `/?v=notebooks&nb=${code.slice(0, 30)}`);
		await broken.waitForSelector('[data-notebooks-loaded="true"]');
		const alert = broken.locator('[data-notebook-refused]');
		expect(await alert.innerText()).toMatch(/Đường liên kết sổ tay bị hỏng/);
		expect(await broken.locator('[data-shared-link]').count()).toBe(0);
		expect(await broken.locator('[data-own-notebook]').allInnerTexts()).toEqual(['Kỳ họp của tôi']);
		expect(pageErrors(broken)).toEqual([]);
		await broken.close();
	});

	test('a notebook too large for a link downloads as a file', async () => {
		// Text that does not compress well: a different figure on every line.
		const rows = Array.from(
			{ length: 1200 },
			(_, i) => `| Xã ${i} | ${(i * 7919) % 10007} | ${(i * 104729) % 9973} |`,
		);
		const large = `# Bảng lớn\n\n| Đơn vị | Giám sát | Kiến nghị |\n|---|---|---|\n${rows.join('\n')}\n\n\`\`\`sql\nSELECT 1 AS n\n\`\`\`\n`;
		await page.setInputFiles('[data-notebook-file]', mdFile('bang-lon.md', large));
		await page.locator('[data-own-notebook]', { hasText: 'Bảng lớn' }).waitFor();
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.click('[data-action="share"]'),
		]);
		expect(file.suggestedFilename()).toBe('bang-lon.md');
		expect(readFileSync((await file.path())!, 'utf8')).toBe(large);
		const note = page.locator('[data-share-result="file"]');
		expect(await note.innerText()).toMatch(/quá lớn để gửi bằng đường liên kết/);
	});
});

describe('deleting', () => {
	test('a notebook is deleted after a confirmation, and stays deleted', async () => {
		const before = await ownNames(page);
		const item = page.locator('[data-own-item]', { hasText: 'Báo cáo giám sát quý III' });
		await item.locator('[data-action="remove"]').click();
		expect(await item.locator('[data-remove-confirm]').innerText()).toContain('Không thể hoàn tác');
		await accessible(page, 'delete confirmation');
		await item.locator('[data-action="remove-yes"]').click();
		const after = before.filter((name) => name !== 'Báo cáo giám sát quý III');
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-own-notebook]').length === n,
			after.length,
		);
		await saved(page);
		await reload(page);
		expect(await ownNames(page)).toEqual(after);
	});

	test('nothing left the origin and nothing was thrown', () => {
		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});
});
