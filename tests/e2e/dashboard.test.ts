/**
 * The dashboard as a person uses it, in Debian's Chromium against the built app: numbers checked against
 * native DuckDB reading the same Parquet, filters, the URL, the seed figures, and the offline promise.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BEST_OWN_YEAR_SQL } from '../helpers/native-duckdb.ts';
import { appSession } from './app-session.ts';
import {
	foreignRequests,
	pageErrors,
	screenshot,
	waitForRender,
	waitForRenders,
} from './harness.ts';

const app = appSession();
const { open, pages } = app;

/** The number a tile shows, as the app wrote it in data-value. */
async function tileValue(page: Page, measure: string): Promise<number | null> {
	const text = await page.getAttribute(
		`[data-chart="tiles"] [data-measure="${measure}"] .value`,
		'data-value',
	);
	return text === '' || text === null ? null : Number(text);
}

async function tileText(page: Page, measure: string): Promise<string> {
	return (await page.textContent(
		`[data-chart="tiles"] [data-measure="${measure}"] .value`,
	))!.trim();
}

/** Headline figures computed by native DuckDB for a level, an area condition and a year. */
async function expectedHeadline(level: string, area: string, year: number) {
	const [row] = await app.native.rows(`
		WITH b AS (${BEST_OWN_YEAR_SQL})
		SELECT SUM(sessions_regular + sessions_thematic) AS sessions_total, SUM(supervisions) AS supervisions,
			SUM(petitions_resolved) AS petitions_resolved, SUM(explanatory_hearings) AS explanatory_hearings,
			SUM(petitions_resolved) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL)
			/ SUM(petitions_received) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL) AS rate
		FROM b WHERE level = '${level}' AND ${area} AND year = ${year}`);
	return Object.fromEntries(
		Object.entries(row!).map(([k, v]) => [k, v === null ? null : Number(v)]),
	);
}

/**
 * The screen as reported by the units of their time up to the current year, in territory totals: the
 * first screen before it became the current units per council (tests/e2e/comparable.test.ts).
 */
const AS_REPORTED = '/?b=reported&fm=total&y1=2026';

describe('headline tiles', () => {
	test('show the same numbers as native DuckDB over the same Parquet, in vi-VN form', async () => {
		const page = await open(AS_REPORTED);
		const expected = await expectedHeadline('province', 'TRUE', 2026);
		for (const measure of [
			'sessions_total',
			'supervisions',
			'petitions_resolved',
			'explanatory_hearings',
		]) {
			expect(await tileValue(page, measure), measure).toBe(expected[measure]);
		}
		// 90.344 style: a dot for thousands.
		const resolved = expected.petitions_resolved!;
		expect(await tileText(page, 'petitions_resolved')).toBe(
			new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(resolved),
		);
		const rate = await page.getAttribute('[data-measure="petitions_resolved"] .rate', 'data-rate');
		expect(Number(rate)).toBeCloseTo(expected.rate!, 10);
		expect(await page.textContent('[data-measure="petitions_resolved"] .rate')).toMatch(/\d+,\d%/);
	});

	test('follow the filters: Hà Nội, district level, 2022', async () => {
		const page = await open('/?p=2025:01&lv=district&y1=2022');
		const expected = await expectedHeadline('district', "province_2025 = '01'", 2022);
		for (const measure of [
			'sessions_total',
			'supervisions',
			'petitions_resolved',
			'explanatory_hearings',
		]) {
			expect(await tileValue(page, measure), measure).toBe(expected[measure]);
		}
	});
});

describe('filters', () => {
	test('changing the measure, the year and the area redraws the charts with new data', async () => {
		const page = await open(AS_REPORTED);
		const firstBar = () =>
			page.getAttribute('[data-chart="ranking"] g[data-unit-key]', 'data-value');
		const before = { bar: await firstBar(), tile: await tileValue(page, 'supervisions') };

		// Each step waits for every chart it touches, so that no late result of one step is taken for the next.
		const all = ['tiles', 'ranking', 'trend', 'heatmap'];
		await waitForRenders(page, ['ranking', 'trend', 'heatmap'], () =>
			page.selectOption('#filter-measure', 'supervisions'),
		);
		const [top] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT MAX(supervisions) AS m FROM b WHERE level = 'province' AND year = 2026`);
		expect(Number(await firstBar())).toBe(Number(top!.m));
		expect(await firstBar()).not.toBe(before.bar);
		expect(await page.textContent('[data-chart="ranking"] h2')).toContain('Cuộc giám sát');

		await waitForRenders(page, all, () => page.selectOption('#filter-year-to', '2025'));
		expect(await tileValue(page, 'supervisions')).toBe(
			(await expectedHeadline('province', 'TRUE', 2025)).supervisions,
		);
		expect(await tileValue(page, 'supervisions')).not.toBe(before.tile);

		await waitForRenders(page, all, () => page.selectOption('#filter-province', '2025:79'));
		// Picking a province goes one level down: the communes of Hồ Chí Minh City.
		expect(await page.inputValue('#filter-level')).toBe('commune');
		const keys = await page.$$eval('[data-chart="ranking"] g[data-unit-key]', (gs) =>
			gs.map((g) => g.getAttribute('data-unit-key')),
		);
		const [{ n }] = (await app.native.rows(
			"SELECT COUNT(*) AS n FROM units WHERE scheme = '2025' AND level = 'commune' AND parent_code = '79'",
		)) as [{ n: unknown }];
		expect(keys.length).toBe(Math.min(40, Number(n)));
		expect(keys.every((k) => k?.startsWith('2025:'))).toBe(true);
	});

	test('the district level is offered only for years that had districts', async () => {
		const page = await open('/?b=reported&y1=2026');
		expect(
			await page.$eval(
				'#filter-level option[value="district"]',
				(o) => (o as HTMLOptionElement).disabled,
			),
		).toBe(true);
		await page.selectOption('#filter-year-to', '2024');
		expect(
			await page.$eval(
				'#filter-level option[value="district"]',
				(o) => (o as HTMLOptionElement).disabled,
			),
		).toBe(false);
	});
});

describe('the URL', () => {
	test('holds the view: reloading restores filters, selected units and the open detail', async () => {
		const page = await open(AS_REPORTED);
		await waitForRender(page, 'ranking', () => page.selectOption('#filter-year-to', '2023'));
		await waitForRender(page, 'ranking', () =>
			page.selectOption('#filter-measure', 'explanatory_hearings'),
		);
		await waitForRender(page, 'ranking', () => page.selectOption('#filter-province', '2023:01'));
		const unit = (await page.getAttribute(
			'[data-chart="ranking"] g[data-unit-key]:nth-of-type(2)',
			'data-unit-key',
		))!;
		await waitForRender(page, 'trend', () =>
			page.click(`[data-chart="ranking"] g[data-unit-key="${unit}"]`),
		);
		const url = page.url();
		expect(url).toContain('p=2023%3A01');
		expect(url).toContain('m=explanatory_hearings');
		const legend = await page.textContent('[data-chart="trend"] .legend');

		const reopened = await open(url.slice(url.indexOf('/', 8)));
		expect(await reopened.inputValue('#filter-province')).toBe('2023:01');
		expect(await reopened.inputValue('#filter-level')).toBe('district');
		expect(await reopened.inputValue('#filter-year-to')).toBe('2023');
		expect(await reopened.inputValue('#filter-measure')).toBe('explanatory_hearings');
		expect(await reopened.textContent('[data-chart="trend"] .legend')).toBe(legend);
		expect(
			await reopened.getAttribute(
				`[data-chart="ranking"] g[data-unit-key="${unit}"]`,
				'aria-pressed',
			),
		).toBe('true');
		await reopened.waitForSelector('[data-chart="unit-detail"] tbody');
	});
});

describe('the seed figures', () => {
	test('Thạch Thất 2022: reported sessions in the ranking, own and commune figures with their source', async () => {
		const page = await open(AS_REPORTED);
		await waitForRender(page, 'tiles', () => page.selectOption('#filter-year-to', '2022'));
		await waitForRender(page, 'ranking', () => page.selectOption('#filter-province', '2025:01'));
		expect(await page.inputValue('#filter-level')).toBe('district');

		const bar = page.locator('[data-chart="ranking"] g[data-unit-key="2023:276"]');
		expect(await bar.getAttribute('data-value')).toBe('5');
		expect(await bar.getAttribute('aria-label')).toContain('Huyện Thạch Thất: 5');
		expect(await bar.locator('[data-reported="true"]').count()).toBe(1);

		await waitForRender(page, 'unit-detail', () => bar.click());
		const cell = (metric: string, scope: string) =>
			page.textContent(
				`[data-chart="unit-detail"] td[data-metric="${metric}"][data-scope="${scope}"]`,
			);
		expect(await cell('sessions_regular', 'own')).toContain('2');
		expect(await cell('sessions_thematic', 'own')).toContain('3');
		expect(await cell('supervisions', 'own')).toContain('13');
		expect(await cell('surveys', 'own')).toContain('3');
		expect((await cell('sessions_regular', 'subunits'))!.trim()).toBe('46');
		expect((await cell('sessions_thematic', 'subunits'))!.trim()).toBe('7');
		expect((await cell('supervisions', 'subunits'))!.trim()).toBe('177');
		expect((await cell('petitions_received', 'own'))!.trim()).toBe('—');
		const detail = await page.textContent('[data-chart="unit-detail"]');
		expect(detail).toContain('Chi tiết Huyện Thạch Thất, năm 2022');
		expect(detail).toContain('11/01/2023');
		expect(detail).toContain('Số liệu báo cáo');
		await screenshot(page, 'thach-that-2022', { fullPage: true });
	});
});

describe('not reported is not zero', () => {
	test('missing figures are hatched cells, dashes and labelled rows, never zero bars', async () => {
		const page = await open('/?p=2025:01&lv=district&y0=2016&y1=2022');
		const missingCells = await page.$$('[data-chart="heatmap"] [data-cell-state="missing"]');
		const [{ n }] = (await app.native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL}), top AS (
				SELECT u.code FROM units u JOIN b ON b.unit_code = u.code AND b.scheme = u.scheme AND b.year = 2022
				WHERE u.scheme = '2023' AND u.level = 'district' AND u.province_2025 = '01'
					AND b.sessions_regular + b.sessions_thematic IS NOT NULL)
			SELECT COUNT(*) AS n FROM top t CROSS JOIN range(2016, 2023) y(year)
			WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.unit_code = t.code AND b.scheme = '2023' AND b.year = y.year
				AND b.sessions_regular + b.sessions_thematic IS NOT NULL)`)) as [{ n: unknown }];
		// The heatmap shows the top 20 of Hà Nội's 30 districts; every gap among them is hatched.
		expect(missingCells.length).toBeGreaterThan(0);
		expect(missingCells.length).toBeLessThanOrEqual(Number(n));

		const missingRows = page.locator('[data-chart="ranking"] g[data-unit-key][data-value=""]');
		const count = await missingRows.count();
		expect(count).toBeGreaterThan(0);
		expect(await missingRows.first().textContent()).toContain('Chưa báo cáo');
		expect(await missingRows.first().getAttribute('aria-label')).toMatch(/—\. .*: Chưa báo cáo/);
	});
});

describe('language', () => {
	test('Vietnamese by default, English at a click, and the choice kept in the URL', async () => {
		const page = await open();
		expect(await page.textContent('h1')).toBe('Hoạt động của Hội đồng nhân dân các cấp');
		await page.click('button.lang');
		expect(await page.textContent('h1')).toBe("People's Council activity");
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		expect(page.url()).toContain('lang=en');
		expect(await tileText(page, 'petitions_resolved')).toMatch(/^\d{1,3}(,\d{3})*$/);
		await screenshot(page, 'dashboard-en');
	});
});

describe('bad input', () => {
	test('a dataset that cannot be loaded gets a clear message instead of a blank page', async () => {
		const page = await pages[0]!.context().newPage();
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(new URL('?data=no-such-folder', pages[0]!.url()).href);
		await page.waitForSelector('html[data-load-error]');
		expect(await page.textContent('[role="alert"] h2')).toBe('Không tải được dữ liệu');
		expect(await page.textContent('[role="alert"] code')).toContain('manifest.json: not found');
		await screenshot(page, 'load-error');
		await page.close();
	});
});

describe('offline', () => {
	test('no request of any page left the origin, and no page raised an error', () => {
		expect(pages.length).toBeGreaterThan(5);
		for (const page of pages) {
			expect(foreignRequests(page)).toEqual([]);
			expect(pageErrors(page)).toEqual([]);
		}
	});
});
