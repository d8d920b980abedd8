/**
 * Figures accepted from a report, as kept in the browser: after a reload they are in the charts as
 * reported figures, the unit's details name the report and link each figure to its sentence, and the
 * link opens the extract page on that report with the sentence highlighted (v=extract&rep=…&hl=…).
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { figuresToImport } from '../../src/extract/to-import.ts';
import { UnitCatalog } from '../../src/import/unit-catalog.ts';
import { UNITS } from '../helpers/import-fixtures.ts';
import { foreignRequests, launchBrowser, openApp, pageErrors } from './harness.ts';

let context: BrowserContext;

beforeAll(async () => {
	context = await launchBrowser();
});

afterAll(async () => {
	await context?.close();
});

const OVERVIEW = '/?p=2023:01&lv=district&y1=2023&m=supervisions&f=2023:276';
const TEXT =
	'Báo cáo của Thường trực HĐND huyện Thạch Thất.\nNăm 2023, Thường trực và các Ban HĐND huyện thực hiện 4321 cuộc giám sát.';
const start = TEXT.indexOf('4321');
const sentenceStart = TEXT.indexOf('Năm 2023');

const { record } = figuresToImport({
	text: TEXT,
	figures: [
		{
			id: 'f1',
			metric: 'supervisions',
			value: 4321,
			qualifier: 'exact',
			scope: 'own',
			unit: 'HĐND huyện Thạch Thất',
			unitKey: '2023:276',
			unitCandidates: [],
			period: {
				kind: 'year',
				year: 2023,
				month: null,
				quarter: null,
				term: null,
				from: null,
				to: null,
				basis: 'sentence',
			},
			evidence: '4321 cuộc giám sát',
			start,
			end: start + 18,
			sentenceStart,
			sentenceEnd: TEXT.length,
			derived: false,
			reasons: [],
		},
	],
	source: {
		title: 'Báo cáo kết quả hoạt động năm 2023',
		publisher: 'Thường trực HĐND huyện Thạch Thất',
		date: '2023-12-20',
		url: null,
		fileName: 'bao-cao-2023.pdf',
	},
	units: new UnitCatalog(UNITS),
	now: new Date('2026-11-23T07:05:12.000Z'),
});

describe('figures accepted from a report', () => {
	test('are reported figures after a reload, each linked to its sentence', async () => {
		expect(record).not.toBeNull();
		const page = await openApp(context, OVERVIEW);
		// Kept as the data page keeps it (see import-store.ts), then applied at start-up.
		await page.evaluate(async (stored) => {
			const open = indexedDB.open('hdnd-dashboard', 1);
			open.onupgradeneeded = () => {
				if (!open.result.objectStoreNames.contains('imports')) {
					open.result.createObjectStore('imports', { keyPath: 'id' });
				}
			};
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const tx = db.transaction('imports', 'readwrite');
			tx.objectStore('imports').put(stored);
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		}, record!);
		await page.evaluate(() => document.documentElement.removeAttribute('data-ready'));
		await page.reload({ waitUntil: 'domcontentloaded' });
		await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });

		await page.waitForFunction(
			() =>
				document
					.querySelector('[data-chart="ranking"] [data-unit-key="2023:276"][data-value]')
					?.getAttribute('data-value') === '4321',
			undefined,
			{ timeout: 60_000 },
		);
		const source = page.locator(`[data-chart="unit-detail"] li[data-source-id="${record!.id}"]`);
		await source.waitFor();
		expect(await source.textContent()).toContain('Báo cáo kết quả hoạt động năm 2023');
		const link = source.locator('li[data-evidence-metric="supervisions"] a');
		expect(await link.textContent()).toBe('Xem câu trong báo cáo');
		const href = new URLSearchParams((await link.getAttribute('href'))!.slice(1));
		expect([href.get('v'), href.get('rep'), href.get('hl')]).toEqual([
			'extract',
			record!.id,
			`${sentenceStart}-${TEXT.length}`,
		]);

		await link.click();
		await page.waitForURL((url) => url.searchParams.get('v') === 'extract');
		const url = new URL(page.url());
		expect(url.searchParams.get('rep')).toBe(record!.id);
		expect(url.searchParams.get('hl')).toBe(`${sentenceStart}-${TEXT.length}`);

		expect(pageErrors(page)).toEqual([]);
		expect(foreignRequests(page)).toEqual([]);
		await page.close();
	});
});
