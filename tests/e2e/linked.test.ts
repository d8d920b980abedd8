/**
 * Comparing units as leadership does: linked selection, brushing years, the 2025 reorganisation switch
 * checked against native DuckDB, finding a unit by name without diacritics, and a unit against its peers.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BEST_OWN_YEAR_SQL } from '../helpers/native-duckdb.ts';
import { appSession } from './app-session.ts';
import { foreignRequests, pageErrors, screenshot, waitForRender } from './harness.ts';

const app = appSession();
const { open, pages } = app;

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

describe('linked views', () => {
	test('a unit chosen in the ranking is highlighted in the trend and the heatmap, and cleared with one click', async () => {
		const page = await open('/');
		const key = (await page.getAttribute(
			'[data-chart="ranking"] g[data-unit-key]:nth-of-type(3)',
			'data-unit-key',
		))!;
		await waitForRender(page, 'trend', () =>
			page.click(`[data-chart="ranking"] g[data-unit-key="${key}"]`),
		);

		expect(
			await page.getAttribute(`[data-chart="ranking"] g[data-unit-key="${key}"]`, 'aria-pressed'),
		).toBe('true');
		expect(await page.$$eval('[data-chart="ranking"] g.row.dim', (g) => g.length)).toBeGreaterThan(
			0,
		);
		expect(
			await page.$$eval('[data-chart="trend"] g[data-series]', (g) =>
				g.map((e) => e.getAttribute('data-series')),
			),
		).toEqual([key]);
		const heatmapCells = await page.$$eval('[data-chart="heatmap"] g.cell', (cells) =>
			cells.map((c) => ({
				key: c.getAttribute('data-unit-key'),
				dim: c.classList.contains('dim'),
			})),
		);
		expect(heatmapCells.filter((c) => c.key === key).every((c) => !c.dim)).toBe(true);
		expect(heatmapCells.filter((c) => c.key !== key).every((c) => c.dim)).toBe(true);
		expect(page.url()).toContain(`u=${encodeURIComponent(key)}`);
		await screenshot(page, 'linked-selection');

		await page.click('[data-clear-selection]');
		await page.waitForFunction(() => !document.querySelector('[data-chart="ranking"] g.row.dim'));
		expect(page.url()).not.toContain('u=');
		expect(await page.$$eval('[data-chart="heatmap"] g.cell.dim', (c) => c.length)).toBe(0);
	});

	test('brushing years on the trend ranks units over those years and dims the others in the heatmap', async () => {
		const page = await open('/?y0=2016&y1=2024&m=supervisions');
		const box = (await page.locator('[data-chart="trend"] svg').boundingBox())!;
		const xOf = async (year: string) => {
			const label = page.locator('[data-chart="trend"] svg > text', { hasText: year });
			const b = (await label.boundingBox())!;
			return b.x + b.width / 2;
		};
		const [x0, x1] = [(await xOf('2018')) - 12, (await xOf('2020')) + 12];
		await waitForRender(page, 'ranking', async () => {
			await page.mouse.move(x0, box.y + 16);
			await page.mouse.down();
			await page.mouse.move(x1, box.y + 16, { steps: 8 });
			await page.mouse.up();
		});
		expect(page.url()).toContain('yb=2018-2020');
		expect(await page.textContent('[data-chart="ranking"] h2')).toContain('2018–2020');
		const dims = await page.$$eval('[data-chart="heatmap"] g.cell', (cells) =>
			cells.map((c) => [c.getAttribute('data-year'), c.classList.contains('dim')]),
		);
		expect(dims.filter(([y]) => y === '2017').every(([, d]) => d)).toBe(true);
		expect(dims.filter(([y]) => y === '2019').some(([, d]) => !d)).toBe(true);

		const top = await page.$eval('[data-chart="ranking"] g[data-unit-key]', (g) => [
			g.getAttribute('data-unit-key'),
			g.getAttribute('data-value'),
		]);
		const [expected] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT MAX(total) AS top FROM (
				SELECT unit_code, CASE WHEN COUNT(supervisions) = 3 THEN SUM(supervisions) END AS total
				FROM b WHERE level = 'province' AND year BETWEEN 2018 AND 2020 GROUP BY unit_code)`);
		expect(number(top[1])).toBe(number(expected!.top));
	});
});

describe('the 2025 reorganisation', () => {
	// Territory totals as reported, then re-aggregated (the default across 2025 is per council on the
	// 2025 units; tests/e2e/comparable.test.ts checks that form).
	const hanoiCommunes = '/?b=reported&fm=total&p=2025:01&lv=commune&y0=2024&y1=2026&m=supervisions';
	const column = (page: Page, year: number) =>
		page.getAttribute(`[data-chart="totals"] g[data-year="${year}"]`, 'data-value');

	test('as reported and on the 2025 units, the totals agree with DuckDB computed here', async () => {
		const page = await open(hanoiCommunes);
		const [reported] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT year, SUM(supervisions) AS total FROM b
			WHERE level = 'commune' AND province_2025 = '01' AND year = 2024 GROUP BY year`);
		expect(number(await column(page, 2024))).toBe(number(reported!.total));

		await waitForRender(page, 'totals', () => page.check('input[name="basis"][value="units2025"]'));
		// The 2025 units are the default basis of a range across 2025: the URL no longer names one.
		expect(page.url()).not.toContain('b=');
		expect(page.url()).toContain('fm=total');
		const [regrouped] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL}),
			links AS (SELECT old_code, new_code, 1.0 / COUNT(*) OVER (PARTITION BY old_code) AS share FROM crosswalk),
			targets AS (
				SELECT l.* FROM links l JOIN units n ON n.scheme = '2025' AND n.code = l.new_code
				WHERE n.level = 'commune' AND n.province_2025 = '01'),
			per_new AS (
				SELECT t.new_code,
					CASE WHEN COUNT(b.supervisions) = COUNT(*) THEN SUM(b.supervisions * t.share) END AS v
				FROM targets t LEFT JOIN b ON b.scheme = '2023' AND b.unit_code = t.old_code AND b.year = 2024
				GROUP BY t.new_code HAVING COUNT(b.unit_code) > 0)
			SELECT SUM(v) AS total, COUNT(v) AS reporting FROM per_new`);
		expect(number(await column(page, 2024))).toBeCloseTo(number(regrouped!.total)!, 6);
		expect(await page.textContent('[data-chart="totals"] g[data-year="2024"]')).toContain(
			`${regrouped!.reporting}/`,
		);
		// From 2025 on both bases show the same units and the same figures.
		const [y2025] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT SUM(supervisions) AS total FROM b WHERE level = 'commune' AND province_2025 = '01' AND year = 2025`);
		expect(number(await column(page, 2025))).toBe(number(y2025!.total));
		expect(await page.textContent('[data-chart="totals"]')).toContain('bảng chuyển đổi');
		await screenshot(page, 'reorganisation-units2025', { fullPage: true });
	});

	test('the district level is not offered on the 2025 units', async () => {
		const page = await open('/?lv=district&y0=2019&y1=2024');
		// The range ends before 2025: the choice is offered only once the range crosses 2025.
		expect(await page.locator('input[name="basis"]').count()).toBe(0);
		await page.selectOption('#filter-year-to', '2026');
		expect(await page.inputValue('#filter-level')).toBe('commune');
		await page.check('input[name="basis"][value="units2025"]');
		await page.selectOption('#filter-year-to', '2024');
		expect(
			await page.$eval(
				'#filter-level option[value="district"]',
				(o) => (o as HTMLOptionElement).disabled,
			),
		).toBe(true);
	});
});

describe('finding units', () => {
	test('"thach that" finds Huyện Thạch Thất, with its type, and selects it', async () => {
		const page = await open('/');
		await page.fill('#unit-search', 'thach that');
		const results = page.locator('#unit-search-results [role="option"]');
		await results.first().waitFor();
		const texts = await results.allTextContents();
		expect(texts.some((t) => t.includes('Huyện') && t.includes('Thạch Thất'))).toBe(true);
		const names = await results.locator('strong').allTextContents();
		expect([...names].sort(new Intl.Collator('vi').compare)).toEqual(names);
		await page.click('#unit-search-results [data-unit-key="2023:276"]');
		await page.waitForSelector('[data-selected-unit="2023:276"]');
		expect(page.url()).toContain('f=2023%3A276');
	});
});

describe('a unit against its peers', () => {
	test('Thạch Thất among the 30 districts of Hà Nội: rank and medians as DuckDB computes them', async () => {
		const page = await open('/?v=compare&f=2023:276&y0=2016&y1=2024&m=supervisions');
		expect(await page.$$eval('[data-chart="peers"] g[data-unit-key]', (g) => g.length)).toBe(30);
		expect(await page.$$eval('[data-chart="peers"] line.reference', (l) => l.length)).toBe(2);
		const [expected] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL}),
			peers AS (SELECT unit_code, supervisions FROM b WHERE level = 'district' AND province_code = '01' AND year = 2024 AND supervisions IS NOT NULL)
			SELECT (SELECT 1 + COUNT(*) FROM peers WHERE supervisions > (SELECT supervisions FROM peers WHERE unit_code = '276')) AS rank,
				(SELECT COUNT(*) FROM peers) AS reporting`);
		await page.click('[data-chart="bump"] button.toggle');
		const cell = await page.textContent('[data-rank-table] tr[data-year="2024"] td:nth-child(2)');
		expect(cell).toBe(`${expected!.rank}/${expected!.reporting}`);
		expect(await page.$$eval('[data-chart="multiples"] [data-panel]', (p) => p.length)).toBe(30);
		await page.click('[data-chart="bump"] button.toggle');
		await screenshot(page, 'compare-thach-that', { fullPage: true });
	});
});

describe('offline', () => {
	test('no request left the origin and no page raised an error', () => {
		for (const page of pages) {
			expect(foreignRequests(page)).toEqual([]);
			expect(pageErrors(page)).toEqual([]);
		}
	});
});
