/**
 * A data folder whose files were changed after the build: the app refuses it with a message naming the
 * file, in plain words, with the engine's or checker's raw text behind "Chi tiết / Details", and a
 * Reload button. The folders are copies of the built one, served beside it and chosen with `?data=`:
 * one loads from its Parquet files, the other from its prepared database file.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READY_TIMEOUT_MS, VIEWPORT, baseURL, launchBrowser, screenshot } from './harness.ts';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
/** A copy of the built data whose prepared database file has one byte changed (the file the app reads). */
const DATABASE_FOLDER = `e2e-tampered-db-${process.pid}`;
/** A copy without the database file in its manifest (the Parquet path) and a changed facts.parquet. */
const PARQUET_FOLDER = `e2e-tampered-${process.pid}`;

/** Flip one byte in the middle: every value ×100 would need a writer; one byte is the same breach. */
function tamper(folder: string, file: string): void {
	const path = join(DIST, folder, file);
	const bytes = readFileSync(path);
	bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
	writeFileSync(path, bytes);
}

let context: BrowserContext;
beforeAll(async () => {
	cpSync(join(DIST, 'data'), join(DIST, DATABASE_FOLDER), { recursive: true });
	tamper(DATABASE_FOLDER, 'dataset.duckdb');
	cpSync(join(DIST, 'data'), join(DIST, PARQUET_FOLDER), { recursive: true });
	const manifestPath = join(DIST, PARQUET_FOLDER, 'manifest.json');
	const { database: _database, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
	writeFileSync(manifestPath, JSON.stringify(manifest));
	tamper(PARQUET_FOLDER, 'facts.parquet');
	context = await launchBrowser();
});
afterAll(async () => {
	await context?.close();
	for (const folder of [DATABASE_FOLDER, PARQUET_FOLDER]) {
		rmSync(join(DIST, folder), { recursive: true, force: true });
	}
});

async function openFolder(lang: 'vi' | 'en', folder = PARQUET_FOLDER): Promise<Page> {
	const page = await context.newPage();
	await page.setViewportSize(VIEWPORT);
	await page.goto(new URL(`?data=${folder}&lang=${lang}`, baseURL()).href);
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

	test('a changed prepared database file is refused the same way, and nothing is shown from it', async () => {
		const page = await openFolder('vi', DATABASE_FOLDER);
		const html = page.locator('html');
		expect(await html.getAttribute('data-load-error')).toBe('checksum_mismatch');
		expect(await html.getAttribute('data-load-error-file')).toBe('dataset.duckdb');
		expect(await page.locator('[role="alert"] .reason').textContent()).toContain(
			'Tệp dữ liệu dataset.duckdb không khớp mã kiểm tra SHA-256',
		);
		expect(await page.locator('[data-chart]').count()).toBe(0);
		await page.close();
	});
});
