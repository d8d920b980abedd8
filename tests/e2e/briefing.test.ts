/**
 * The giao ban page as a standing committee's secretary uses it: Thạch Thất, 2022, the district's own
 * figures from the report and its communes' sums; a target for commune hearings and who met it; the
 * briefing pack as PDF and DOCX, decoded here and its pages drawn to PNG to be looked at.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { nodePdfReader } from '../../src/extract/read/pdf-node.ts';
import { targetsFromXlsx } from '../../src/targets/xlsx.ts';
import { ROOT } from '../helpers/node-connector.ts';
import { appSession } from './app-session.ts';
import { SCREENSHOT_DIR, foreignRequests, pageErrors, screenshot } from './harness.ts';

const app = appSession();
const READY = '[data-briefing][data-pack-key="2023:276|2022"]';

async function download(page: Page, kind: 'pdf' | 'docx'): Promise<Uint8Array> {
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 120_000 }),
		page.locator(`[data-pack-export="${kind}"]`).click(),
	]);
	expect(file.suggestedFilename()).toBe(`giao-ban-2023-276-2022.${kind}`);
	return new Uint8Array(readFileSync(await file.path()));
}

/** Draws each page of a PDF to PNG with pdf.js in a page of its own (served from node_modules). */
async function pdfPagesToPng(page: Page, bytes: Uint8Array): Promise<string[]> {
	const viewer = await page.context().newPage();
	const files: Record<string, string> = {
		'/pdf.mjs': join(ROOT, 'node_modules/pdfjs-dist/build/pdf.mjs'),
		'/pdf.worker.mjs': join(ROOT, 'node_modules/pdfjs-dist/build/pdf.worker.mjs'),
	};
	// pdf.js is loaded by the page itself (a module script), so the test's code stays plain JavaScript.
	const index = `<!doctype html><body><script type="module">
		import * as pdfjs from '/pdf.mjs';
		pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
		window.pdfjs = pdfjs;
	</script></body>`;
	await viewer.route('http://pdf.test/**', (route) => {
		const file = files[new URL(route.request().url()).pathname];
		return file
			? route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) })
			: route.fulfill({ status: 200, contentType: 'text/html', body: index });
	});
	await viewer.goto('http://pdf.test/index.html');
	await viewer.waitForFunction(() => 'pdfjs' in window);
	const images = await viewer.evaluate(async (data: number[]) => {
		interface PdfDoc {
			numPages: number;
			getPage(n: number): Promise<{
				getViewport(o: { scale: number }): { width: number; height: number };
				render(o: unknown): { promise: Promise<void> };
			}>;
		}
		const pdfjs = (
			window as unknown as {
				pdfjs: { getDocument(o: { data: Uint8Array }): { promise: Promise<PdfDoc> } };
			}
		).pdfjs;
		const doc = await pdfjs.getDocument({ data: new Uint8Array(data) }).promise;
		const out: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const p = await doc.getPage(n);
			const viewport = p.getViewport({ scale: 1.4 });
			const canvas = document.createElement('canvas');
			canvas.width = viewport.width;
			canvas.height = viewport.height;
			await p.render({ canvasContext: canvas.getContext('2d'), canvas, viewport }).promise;
			out.push(canvas.toDataURL('image/png'));
		}
		return out;
	}, Array.from(bytes));
	await viewer.close();
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	return images.map((url, i) => {
		const path = join(SCREENSHOT_DIR, `briefing-pdf-page-${i + 1}.png`);
		writeFileSync(path, Buffer.from(url.split(',')[1]!, 'base64'));
		return path;
	});
}

describe('the giao ban page', () => {
	let page: Page;

	test("Thạch Thất, 2022: the district's own figures as reported, and its communes' sums", async () => {
		page = await app.open('/?v=briefing');
		await page.locator('#unit-search').fill('Thach That');
		await page
			.locator('#unit-search-results [role="option"]', { hasText: 'Huyện Thạch Thất' })
			.first()
			.click();
		await page.locator('[data-period-kind]').selectOption('year');
		await page.locator('[data-period-year]').selectOption('2022');
		await page.waitForSelector(READY, { timeout: 120_000 });
		expect(page.url()).toContain('gu=2023%3A276');
		expect(page.url()).toContain('gp=2022');

		const row = (table: string, label: string) =>
			page
				.locator(`[data-pack-table="${table}"] tbody tr`, { hasText: label })
				.first()
				.locator('td')
				.allInnerTexts();
		// The report's own figures: 2 regular and 3 thematic sessions, 13 supervisions.
		expect((await row('own', 'Kỳ họp thường lệ')).slice(0, 2)).toEqual(['Kỳ họp thường lệ', '2']);
		expect((await row('own', 'Kỳ họp chuyên đề')).slice(0, 2)).toEqual(['Kỳ họp chuyên đề', '3']);
		expect((await row('own', 'Cuộc giám sát')).slice(0, 2)).toEqual(['Cuộc giám sát', '13']);
		// The communes: as the report stated the sum, and summed over the communes that reported.
		const communes = await app.native.rows(
			`SELECT COUNT(*) AS n FROM units WHERE scheme = '2023' AND parent_code = '276'`,
		);
		const n = Number(communes[0]!.n);
		expect((await row('subunits', 'Cuộc giám sát')).slice(0, 4)).toEqual([
			'Cuộc giám sát',
			'177',
			'177',
			`${n}/${n}`,
		]);
		expect((await row('subunits', 'Kỳ họp thường lệ')).slice(0, 3)).toEqual([
			'Kỳ họp thường lệ',
			'46',
			'46',
		]);
		// The seed report is named among the sources, and the simulated figures are badged.
		await expect.poll(() => page.locator('[data-pack]').innerText()).toContain('Dữ liệu mô phỏng');
		await screenshot(page, 'briefing-thach-that-2022', { fullPage: true });
	}, 240_000);

	test('a target for commune hearings: who met it, who did not, who did not report', async () => {
		await page.locator('[data-target-add]').click();
		const form = page.locator('[data-target-form]');
		await form
			.locator('input[name="label"]')
			.fill('Mỗi HĐND xã tổ chức ít nhất 1 phiên giải trình trong năm');
		await form.locator('select[name="metric"]').selectOption('explanatory_hearings');
		await form.locator('select[name="level"]').selectOption('commune');
		await form.locator('input[name="type-xa"]').check();
		await form.locator('select[name="period"]').selectOption('year');
		await form.locator('input[name="threshold"]').fill('1');
		await form.locator('[data-target-save]').click();
		const sentence = page.locator('[data-pack] p[data-tone="sentence"]', {
			hasText: 'phiên giải trình',
		});
		await sentence.waitFor();
		const want = await app.native.rows(`SELECT
				COUNT(*) FILTER (WHERE f.explanatory_hearings >= 1) AS met,
				COUNT(*) FILTER (WHERE f.explanatory_hearings < 1) AS missed,
				COUNT(*) FILTER (WHERE f.explanatory_hearings IS NULL) AS unreported
			FROM units u LEFT JOIN facts f ON f.scheme = u.scheme AND f.unit_code = u.code AND f.year = 2022
				AND f.period = 'year' AND f.scope = 'own'
			WHERE u.scheme = '2023' AND u.parent_code = '276' AND u.type = 'xa'`);
		const met = Number(want[0]!.met);
		const missed = Number(want[0]!.missed);
		const text = await sentence.innerText();
		expect(text).toContain(
			`HĐND xã đã tổ chức phiên giải trình (${met}/${met + missed} đơn vị đã báo cáo`,
		);
		const list = await page.locator('[data-pack] ul', { hasText: 'Chưa đạt' }).last().innerText();
		expect(list).toContain(`Chưa đạt (${missed})`);
		await screenshot(page, 'briefing-target', { fullPage: true });
	}, 120_000);

	test('targets export as CSV and come back from one, bad rows refused with their line', async () => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-target-export]').click(),
		]);
		const csv = readFileSync(await file.path(), 'utf8');
		expect(csv).toContain('phiên giải trình trong năm,explanatory_hearings,commune,xa,,year,1');
		const upload = [
			'label,metric,level,unit_types,period,threshold',
			'Mỗi HĐND xã giám sát ít nhất 3 cuộc trong năm,supervisions,commune,xa,year,3',
			'Chỉ tiêu sai,kien_nghi,commune,,year,1',
		].join('\n');
		await page.locator('[data-target-import]').setInputFiles({
			name: 'chi-tieu.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(upload),
		});
		await page.getByText('Đã nhập 1 chỉ tiêu.').waitFor();
		await page.getByText('Dòng 3: Chỉ tiêu cần một số liệu hợp lệ.').waitFor();
		await page
			.locator('[data-pack] p', { hasText: 'Mỗi HĐND xã giám sát ít nhất 3 cuộc trong năm' })
			.waitFor();
		// Removing it takes it out of the pack; the hearings target stays.
		await page
			.locator('[data-target-id]', { hasText: 'giám sát ít nhất 3 cuộc' })
			.locator('[data-target-remove]')
			.click();
		await expect
			.poll(() => page.locator('[data-pack]').innerText())
			.not.toContain('giám sát ít nhất 3 cuộc');
		expect(await page.locator('[data-pack]').innerText()).toContain('phiên giải trình trong năm');
	}, 120_000);

	test('targets export as XLSX and come back from it: removed, imported, the same sentence', async () => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-target-export-xlsx]').click(),
		]);
		expect(file.suggestedFilename()).toBe('chi-tieu.xlsx');
		const bytes = readFileSync(await file.path());
		// The workbook read here by the same reader the app uses: the hearings target, its columns intact.
		const read = targetsFromXlsx(new Uint8Array(bytes));
		expect(read.problems).toEqual([]);
		expect(read.targets).toEqual([
			expect.objectContaining({
				label: 'Mỗi HĐND xã tổ chức ít nhất 1 phiên giải trình trong năm',
				metric: 'explanatory_hearings',
				level: 'commune',
				unitTypes: ['xa'],
				period: 'year',
				threshold: 1,
			}),
		]);
		const sentence = page.locator('[data-pack] p[data-tone="sentence"]', {
			hasText: 'phiên giải trình',
		});
		const before = await sentence.innerText();
		// Take the target away, then bring it back from the downloaded workbook.
		await page
			.locator('[data-target-id]', { hasText: 'phiên giải trình trong năm' })
			.locator('[data-target-remove]')
			.click();
		await sentence.waitFor({ state: 'detached' });
		await page.locator('[data-target-import]').setInputFiles({
			name: 'chi-tieu.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: bytes,
		});
		await sentence.waitFor();
		expect(await sentence.innerText()).toBe(before);
		// The message is this import's: one target, and the CSV's refused row is no longer shown.
		await page.getByText('Đã nhập 1 chỉ tiêu.').waitFor();
		expect(await page.getByText('Dòng 3:').count()).toBe(0);
		await page.locator('[data-targets]').scrollIntoViewIfNeeded();
		await screenshot(page, 'briefing-targets-xlsx');
	}, 120_000);

	test('the pack as PDF and DOCX: the unit, the period and a figure, read back', async () => {
		const pdf = await download(page, 'pdf');
		const read = await nodePdfReader().read(pdf, { maxPages: 50 });
		if (!read.ok) throw new Error(`PDF not readable: ${read.reason}`);
		const text = read.pages
			.map((lines) => lines.join('\n'))
			.join('\n')
			.normalize('NFC');
		expect(text).toContain('Huyện Thạch Thất');
		expect(text).toContain('Năm 2022');
		expect(text).toContain('177');
		expect(text).toMatch(/Trang 1\/\d+/);
		expect(text).toMatch(/Lập ngày \d{2}\/\d{2}\/\d{4}/);
		expect(read.pageCount).toBeGreaterThan(1);
		const pngs = await pdfPagesToPng(page, pdf);
		expect(pngs.length).toBe(read.pageCount);

		const docx = await download(page, 'docx');
		const files = unzipSync(docx);
		const xml = strFromU8(files['word/document.xml']!);
		expect(xml).toContain('Huyện Thạch Thất');
		expect(xml).toContain('Năm 2022');
		expect(xml).toContain('>177<');
		expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(true);

		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	}, 240_000);

	test('the overview by reporting period: first-half rows only, beside last year first half', async () => {
		const overview = await app.open('/?p=2023:01&lv=district&y1=2024');
		await overview.locator('[data-period-panel-open]').click();
		await overview.locator('[data-period-kind]').selectOption('h1');
		await overview.locator('[data-period-year]').selectOption('2023');
		await overview.waitForURL((url) => url.searchParams.get('kp') === '2023-h1');
		const tile = overview.locator('[data-period-measure="supervisions"]');
		const want = await app.native
			.rows(`SELECT f.year, SUM(f.supervisions) AS s, COUNT(f.supervisions) AS n
			FROM facts f JOIN units u ON u.scheme = f.scheme AND u.code = f.unit_code
			WHERE f.period = 'h1' AND f.scope = 'own' AND f.scheme = '2023' AND u.level = 'district'
				AND u.province_code = '01' AND f.year IN (2022, 2023)
			GROUP BY f.year ORDER BY f.year DESC`);
		const vi = (v: unknown) => new Intl.NumberFormat('vi-VN').format(Number(v));
		await expect.poll(() => tile.locator('.value').innerText()).toBe(vi(want[0]!.s));
		const text = await tile.innerText();
		expect(text).toContain(`${Number(want[0]!.n)}/30 đơn vị báo cáo`);
		expect(text).toContain(`Cùng kỳ 6 tháng đầu năm 2022: ${vi(want[1]!.s)}`);
		await screenshot(overview, 'overview-period-panel');
		// A term: no term total is in the bundled data, and no year is summed into one.
		await overview.locator('[data-period-kind]').selectOption('term');
		await overview.locator('[data-period-term]').selectOption('2016-2021');
		await overview.waitForURL((url) => url.searchParams.get('kp') === '2016-2021');
		await expect.poll(() => tile.locator('.value').innerText()).toBe('—');
		expect(pageErrors(overview)).toEqual([]);
	}, 240_000);

	test('the comparison by reporting period: the chosen units side by side for a first half', async () => {
		const compare = await app.open('/?v=compare&f=2023:276&u=2023:276,2023:277&kp=2024-h1');
		const cell = compare.locator(
			'[data-chart="period-units-panel"] tr[data-unit="2023:276"] td[data-measure="supervisions"]',
		);
		const want = await app.native.rows(`SELECT year, supervisions FROM facts
			WHERE period = 'h1' AND scope = 'own' AND scheme = '2023' AND unit_code = '276' AND year IN (2023, 2024)
			ORDER BY year DESC`);
		await expect
			.poll(() => cell.innerText())
			.toBe(`${Number(want[0]!.supervisions)} (${Number(want[1]!.supervisions)})`);
		expect(await compare.locator('[data-chart="period-units-panel"] tbody tr').count()).toBe(2);
		await screenshot(compare, 'compare-period-panel');
		expect(pageErrors(compare)).toEqual([]);
	}, 240_000);
});
