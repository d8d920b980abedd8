/**
 * Figures from a report's prose, as a council office brings them in, in Chromium: paste a giao ban report,
 * see its figures highlighted, correct one figure's unit, reject one, accept the rest; find them on the
 * overview as reported figures with the report as their source; reload and find them kept; remove the
 * source on the data page and see them gone. Then the same report as a DOCX and as a PDF made here.
 * Nothing leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { foreignRequests, launchBrowser, openApp, pageErrors, screenshot } from './harness.ts';

let context: BrowserContext;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core findings on the page as it is (rule and targets). */
async function axeSerious(page: Page): Promise<string[]> {
	// Evaluated rather than added as a <script>: the app's Content-Security-Policy forbids inline scripts.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	return page.evaluate(async () => {
		const { axe } = window as unknown as {
			axe: {
				run: (
					context: Document,
					options: object,
				) => Promise<{
					violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
				}>;
			};
		};
		const { violations } = await axe.run(document, { resultTypes: ['violations'] });
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

beforeAll(async () => {
	context = await launchBrowser();
});

afterAll(async () => {
	await context?.close();
});

/** Written for this test in the style of a district council's news item (Hà Nội, 2022). */
const TITLE =
	'HĐND huyện Phúc Thọ giao ban công tác năm 2022 với Thường trực HĐND các xã, thị trấn';
const REPORT = `Trang chủ | Tin tức | Hoạt động HĐND | Liên hệ
Lượt truy cập: 1.204.377

${TITLE}
Cập nhật: 21/12/2022

Sáng 20/12/2022, Thường trực HĐND huyện Phúc Thọ chủ trì hội nghị giao ban với Thường trực HĐND 23 xã, thị trấn nhằm đánh giá kết quả hoạt động năm 2022 và bàn nhiệm vụ năm 2023.

Báo cáo tại hội nghị cho biết, trong năm 2022 HĐND huyện Phúc Thọ đã tổ chức 05 kỳ họp, trong đó có 03 kỳ họp chuyên đề. Tại Kỳ họp thứ 16, HĐND huyện đã xem xét, thông qua nhiều nội dung quan trọng về đầu tư công. Thường trực HĐND và các Ban HĐND huyện đã tiến hành 9 cuộc giám sát và 4 cuộc khảo sát tại các cơ quan, đơn vị trên địa bàn.

Ở cấp xã, HĐND các xã, thị trấn tổ chức được 71 kỳ họp; Thường trực HĐND các xã, thị trấn thực hiện 58 cuộc giám sát.

Phát biểu kết luận hội nghị, đồng chí Chủ tịch HĐND huyện đề nghị Thường trực HĐND các xã, thị trấn tiếp tục đổi mới nội dung giám sát, nâng cao chất lượng kỳ họp cuối năm.
`;

const PHUC_THO = '2023:272';
const DAN_PHUONG = '2023:273';
/** Hà Nội's districts in 2022 on the overview. */
const overview = (measure: string, focus: string) =>
	`/?p=2023:01&lv=district&y0=2019&y1=2022&m=${measure}&f=${focus}`;

async function extractState(page: Page, state: string): Promise<void> {
	await page.waitForSelector(`html[data-extract-state="${state}"]`, {
		state: 'attached',
		timeout: 60_000,
	});
}

/** The row of the figure with this metric and value. */
function row(page: Page, metric: string, value: number) {
	return page.locator(`[data-testid="figure-row"][data-metric="${metric}"][data-value="${value}"]`);
}

async function rankingValue(page: Page, unit: string): Promise<string | null> {
	return page.evaluate(
		(key) =>
			document
				.querySelector(`[data-chart="ranking"] [data-unit-key="${key}"][data-value]`)
				?.getAttribute('data-value') ?? null,
		unit,
	);
}

async function waitForRankingValue(page: Page, unit: string, value: string): Promise<void> {
	await expect.poll(() => rankingValue(page, unit), { timeout: 60_000 }).toBe(value);
}

async function reload(page: Page): Promise<void> {
	await page.evaluate(() => document.documentElement.removeAttribute('data-ready'));
	await page.reload({ waitUntil: 'domcontentloaded' });
	await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
}

/**
 * On the open report: correct the surveys' unit to Huyện Đan Phượng, reject the communes' supervisions,
 * accept the rest. Returns how many figures were stored.
 */
async function reviewAndAccept(page: Page, title: string): Promise<number> {
	await page.fill('[data-testid="source-title"]', title);
	await page.fill(
		'[data-testid="source-publisher"]',
		'Cổng thông tin huyện Phúc Thọ (bài viết cho kiểm thử)',
	);

	const surveys = row(page, 'surveys', 4);
	await surveys.locator('[data-testid="figure-edit"]').click();
	await surveys.locator('.search input').fill('dan phuong');
	await surveys.locator(`li[data-unit-key="${DAN_PHUONG}"]`).click();
	expect(await surveys.locator('[data-testid="edit-unit"]').inputValue()).toBe(DAN_PHUONG);
	await surveys.locator('[data-testid="edit-save"]').click();
	await expect.poll(() => surveys.getAttribute('data-state')).toBe('corrected');
	expect(await surveys.getAttribute('data-unit-key')).toBe(DAN_PHUONG);
	const surveysId = await surveys.getAttribute('data-figure-id');
	expect(await page.getAttribute(`mark[data-figure-id="${surveysId}"]`, 'data-state')).toBe(
		'corrected',
	);

	const communes = row(page, 'supervisions', 58);
	await communes.locator('[data-testid="figure-reject"]').click();
	await expect.poll(() => communes.getAttribute('data-state')).toBe('rejected');

	await page.click('[data-testid="extract-accept"]');
	await extractState(page, 'accepted');
	const stored = Number(
		await page.getAttribute('[data-testid="extract-status"][data-stored]', 'data-stored'),
	);
	expect(stored).toBeGreaterThanOrEqual(4);
	// The rejected one stays rejected and is not counted.
	expect(await communes.getAttribute('data-state')).toBe('rejected');
	expect(await row(page, 'supervisions', 9).getAttribute('data-state')).toBe('accepted');
	return stored;
}

/** The overview shows the accepted figures as reported, with the report as their source. */
async function checkOverview(page: Page, title: string): Promise<void> {
	await page.goto(new URL(overview('supervisions', PHUC_THO), page.url()).href);
	await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
	await waitForRankingValue(page, PHUC_THO, '9');
	const source = page.locator('[data-chart="unit-detail"] li[data-source-id]', { hasText: title });
	await expect.poll(() => source.count(), { timeout: 60_000 }).toBeGreaterThan(0);
	// The corrected figure went to the unit chosen by hand.
	await page.goto(new URL(overview('surveys', DAN_PHUONG), page.url()).href);
	await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
	await waitForRankingValue(page, DAN_PHUONG, '4');
}

/** Remove the report's import on the data page; its figures leave the overview. */
async function removeSource(page: Page, before: string | null): Promise<void> {
	await page.click('nav [data-page="data"]');
	// The report's entry: its id starts `report-` (a file import's `import-`), the only one left.
	const entry = page.locator('[data-chart="imports"] tr[data-import-id^="report-"]');
	await entry.first().waitFor({ timeout: 60_000 });
	await entry.first().locator('button').click();
	await entry.first().waitFor({ state: 'detached', timeout: 60_000 });
	await page.goto(new URL(overview('supervisions', PHUC_THO), page.url()).href);
	await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
	await expect.poll(() => rankingValue(page, PHUC_THO), { timeout: 60_000 }).toBe(before);
}

/** A paragraph cut into lines of at most `width` characters, at spaces. */
function wrap(paragraph: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of paragraph.split(' ')) {
		if (line && `${line} ${word}`.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

describe('extracting figures from a report', () => {
	// Long flows (several reloads, a DuckDB transaction each way): generous limits for a busy 2-core machine.
	test(
		'pasted text: review, correct, reject, accept; kept on reload; gone with its source',
		{ timeout: 400_000 },
		async () => {
			const page = await openApp(context, overview('supervisions', PHUC_THO));
			await page.waitForSelector(
				`[data-chart="ranking"] [data-unit-key="${PHUC_THO}"][data-value]`,
			);
			const before = await rankingValue(page, PHUC_THO);
			expect(before).not.toBe('9');

			// From the data page, the way staff find it.
			await page.click('nav [data-page="data"]');
			await page.click('[data-testid="open-extract"]');
			await extractState(page, 'ready');

			// Nothing to find in an unrelated text.
			await page.fill(
				'[data-testid="extract-text"]',
				'Thời tiết hôm nay nắng nhẹ, nhiệt độ 31 độ C.',
			);
			await page.click('[data-testid="extract-run"]');
			await page.waitForSelector('[data-testid="extract-none"]');
			expect(await page.textContent('[data-testid="extract-none"]')).toContain(
				'Không tìm thấy số liệu nào trong văn bản này',
			);

			await page.fill('[data-testid="extract-text"]', REPORT);
			await page.click('[data-testid="extract-run"]');
			await extractState(page, 'reviewing');
			await page.waitForSelector('[data-testid="figure-row"]');
			const rows = await page.$$eval('[data-testid="figure-row"]', (els) =>
				els.map((e) => [e.getAttribute('data-metric'), e.getAttribute('data-value')]),
			);
			expect(rows).toEqual(
				expect.arrayContaining([
					['supervisions', '9'],
					['surveys', '4'],
					['sessions_thematic', '3'],
					['supervisions', '58'],
				]),
			);
			// "Kỳ họp thứ 16" is an ordinal, the 23 communes and the visit counter are not counts.
			expect(rows.some(([, v]) => v === '16' || v === '23' || v === '1204377')).toBe(false);
			// Every figure has a highlight, and the highlights keep the text's diacritics.
			for (const id of await page.$$eval('[data-testid="figure-row"]', (els) =>
				els.map((e) => e.getAttribute('data-figure-id')!),
			)) {
				expect(await page.locator(`mark[data-figure-ids~="${id}"]`).count()).toBeGreaterThan(0);
			}
			expect(
				await page.textContent(
					`mark[data-figure-id="${await row(page, 'supervisions', 58).getAttribute('data-figure-id')}"]`,
				),
			).toContain('58 cuộc giám sát');
			expect(await page.inputValue('[data-testid="source-date"]')).toMatch(/^\d{2}\/12\/2022$/);

			// A figure chosen in the list shows its sentence; a highlight chosen in the text selects its figure.
			await row(page, 'supervisions', 9).locator('button.head').click();
			expect(await page.textContent('[data-testid="figure-sentence"]')).toContain(
				'9 cuộc giám sát',
			);
			const thematicId = await row(page, 'sessions_thematic', 3).getAttribute('data-figure-id');
			await page.click(`mark[data-figure-id="${thematicId}"] [role="button"]`);
			await expect
				.poll(() => row(page, 'sessions_thematic', 3).getAttribute('class'))
				.toContain('selected');
			await screenshot(page, 'extract-review');
			await page.evaluate(() => document.fonts.ready.then(() => undefined));
			expect(await axeSerious(page)).toEqual([]);
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.waitForSelector('html[data-theme="dark"]', { state: 'attached' });
			await screenshot(page, 'extract-review-dark');
			expect(await axeSerious(page)).toEqual([]);
			await page.emulateMedia({ colorScheme: 'light' });
			await page.waitForSelector('html[data-theme="light"]', { state: 'attached' });

			await reviewAndAccept(page, TITLE);
			await screenshot(page, 'extract-accepted', { fullPage: true });

			await checkOverview(page, TITLE);
			// The unit's details link the figure to its sentence in the stored report.
			await page.goto(new URL(overview('supervisions', PHUC_THO), page.url()).href);
			await page.waitForSelector('html[data-ready="true"]', {
				state: 'attached',
				timeout: 120_000,
			});
			const link = page.locator(
				'[data-chart="unit-detail"] [data-evidence-metric="supervisions"] a',
			);
			await link.first().click({ timeout: 60_000 });
			await page.waitForSelector('[data-testid="stored-report"] mark[data-figure-ids~="hl"]');
			const marked = await page.$$eval('[data-testid="stored-report"] mark.selected', (marks) =>
				marks.map((m) => m.textContent).join(''),
			);
			expect(marked).toContain('9 cuộc giám sát và 4 cuộc khảo sát');
			expect(new URL(page.url()).searchParams.get('rep')).toMatch(/^report-/);
			await screenshot(page, 'extract-stored-report');
			// Kept in the browser: after a reload the stored report and the figures are still there.
			await reload(page);
			await page.waitForSelector('[data-testid="stored-report"] mark[data-figure-ids~="hl"]');
			await page.goto(new URL(overview('supervisions', PHUC_THO), page.url()).href);
			await page.waitForSelector('html[data-ready="true"]', {
				state: 'attached',
				timeout: 120_000,
			});
			await waitForRankingValue(page, PHUC_THO, '9');

			await removeSource(page, before);
			expect(pageErrors(page)).toEqual([]);
			expect(foreignRequests(page)).toEqual([]);
			await page.close();
		},
	);

	test(
		'a file that cannot be read says why; the queue lists every file',
		{ timeout: 300_000 },
		async () => {
			const page = await openApp(context, '/?v=extract');
			await extractState(page, 'ready');
			const files = await import('../helpers/report-files.ts');
			await page.setInputFiles('[data-testid="extract-files"]', [
				{ name: 'bao-cao.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) },
				{ name: 'trong.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
				{
					name: 'ban-scan.pdf',
					mimeType: 'application/pdf',
					buffer: Buffer.from(await files.makeScannedPdf()),
				},
			]);
			await page.waitForSelector(
				'[data-testid="queue-item"][data-file="bao-cao.txt"][data-doc-status="ready"]',
				{ timeout: 60_000 },
			);
			await page.waitForSelector(
				'[data-testid="queue-item"][data-file="trong.txt"]:is([data-doc-status="error"], [data-doc-status="ready"])',
				{ timeout: 60_000 },
			);
			expect(await page.textContent('[data-testid="queue-item"][data-file="bao-cao.txt"]')).toMatch(
				/\d+ số liệu/,
			);
			const scanned = page.locator('[data-testid="queue-item"][data-file="ban-scan.pdf"]');
			await scanned.and(page.locator('[data-doc-status="error"]')).waitFor({ timeout: 60_000 });
			expect(await scanned.locator('[data-testid="queue-error"]').textContent()).toMatch(/\S/);
			await screenshot(page, 'extract-queue');
			await extractState(page, 'reviewing');
			expect(pageErrors(page)).toEqual([]);
			expect(foreignRequests(page)).toEqual([]);
			await page.close();
		},
	);

	for (const kind of ['docx', 'pdf'] as const) {
		test(
			`a ${kind.toUpperCase()} report made here goes the same way`,
			{ timeout: 400_000 },
			async () => {
				// The readers' test helpers: loaded here so the pasted-text test runs without them.
				const files = await import('../helpers/report-files.ts');
				const title = `${TITLE} (${kind.toUpperCase()})`;
				const paragraphs = REPORT.split('\n').filter((line) => line.trim() !== '');
				// A PDF line runs off the page unless wrapped, as a word processor would.
				const bytes =
					kind === 'docx'
						? files.makeDocx(paragraphs)
						: await files.makePdf(paragraphs.flatMap((p) => [...wrap(p, 80), '']));
				const page = await openApp(context, overview('supervisions', PHUC_THO));
				await page.waitForSelector(
					`[data-chart="ranking"] [data-unit-key="${PHUC_THO}"][data-value]`,
				);
				const before = await rankingValue(page, PHUC_THO);
				await page.click('nav [data-page="extract"]');
				await extractState(page, 'ready');
				await page.setInputFiles('[data-testid="extract-files"]', {
					name: `phuc-tho-2022.${kind}`,
					mimeType:
						kind === 'docx'
							? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
							: 'application/pdf',
					buffer: Buffer.from(bytes),
				});
				await extractState(page, 'reviewing');
				await page.waitForSelector('[data-testid="figure-row"]');
				expect(await page.textContent('[data-testid="report-text"]')).toContain(
					'Thường trực HĐND huyện Phúc Thọ',
				);
				await screenshot(page, `extract-review-${kind}`);
				await reviewAndAccept(page, title);
				await checkOverview(page, title);
				await reload(page);
				await waitForRankingValue(page, DAN_PHUONG, '4');
				await removeSource(page, before);
				expect(pageErrors(page)).toEqual([]);
				expect(foreignRequests(page)).toEqual([]);
				await page.close();
			},
		);
	}
});
