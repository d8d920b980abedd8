/**
 * A data folder whose files were changed after the build: the app refuses it with a message naming the
 * file, in plain words, with the engine's or checker's raw text behind "Chi tiết / Details", and a
 * Reload button. The folder is a copy of the built one, served beside it and chosen with `?data=`.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READY_TIMEOUT_MS, VIEWPORT, baseURL, launchBrowser, screenshot } from './harness.ts';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const FOLDER = `e2e-tampered-${process.pid}`;
const TARGET = join(DIST, FOLDER);

let context: BrowserContext;
beforeAll(async () => {
	// Every value ×100 would need a Parquet writer; one changed byte in the middle is the same breach.
	cpSync(join(DIST, 'data'), TARGET, { recursive: true });
	const facts = readFileSync(join(TARGET, 'facts.parquet'));
	facts[facts.length >> 1] = facts[facts.length >> 1]! ^ 0xff;
	writeFileSync(join(TARGET, 'facts.parquet'), facts);
	context = await launchBrowser();
});
afterAll(async () => {
	await context?.close();
	rmSync(TARGET, { recursive: true, force: true });
});

async function openFolder(lang: 'vi' | 'en'): Promise<Page> {
	const page = await context.newPage();
	await page.setViewportSize(VIEWPORT);
	await page.goto(new URL(`?data=${FOLDER}&lang=${lang}`, baseURL()).href);
	await page.waitForSelector('html[data-load-error]', {
		state: 'attached',
		timeout: READY_TIMEOUT_MS,
	});
	return page;
}

describe('a tampered data folder', () => {
	test('is refused with the file named, the raw text behind Details, and Reload', async () => {
		const page = await openFolder('vi');
		const html = page.locator('html');
		expect(await html.getAttribute('data-load-error')).toBe('checksum_mismatch');
		expect(await html.getAttribute('data-load-error-file')).toBe('facts.parquet');
		const alert = page.locator('[role="alert"]');
		expect(await alert.locator('h2').textContent()).toBe('Không tải được dữ liệu');
		expect(await alert.locator('.reason').textContent()).toBe(
			'Tệp dữ liệu facts.parquet không khớp mã kiểm tra SHA-256 ghi trong manifest.json: nội dung đã bị thay đổi, nên không được dùng.',
		);
		// The raw text is there, folded away until asked for.
		const details = alert.locator('details');
		expect(await details.getAttribute('open')).toBeNull();
		expect(await details.locator('code').isVisible()).toBe(false);
		await details.locator('summary', { hasText: 'Chi tiết' }).click();
		await details.locator('code').waitFor({ state: 'visible' });
		expect(await details.locator('code').textContent()).toMatch(
			/^facts\.parquet: SHA-256 [0-9a-f]{64}, manifest\.json says [0-9a-f]{64}$/,
		);
		expect(await alert.getByRole('button', { name: 'Tải lại' }).isVisible()).toBe(true);
		await screenshot(page, 'load-error-tampered');
		await page.close();
	});

	test('in English too', async () => {
		const page = await openFolder('en');
		const alert = page.locator('[role="alert"]');
		expect(await alert.locator('.reason').textContent()).toBe(
			'The data file facts.parquet does not match the SHA-256 checksum in manifest.json: its content was changed, so it is not used.',
		);
		expect(await alert.locator('summary').textContent()).toBe('Details');
		await page.close();
	});
});
