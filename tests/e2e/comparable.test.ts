/**
 * Like for like across 1 July 2025, as a leader meets it: the first screen, a merged province's trend per
 * council, a chosen unit kept across the basis switch and its predecessors highlighted, a unit that no
 * longer exists opening where it has figures, and charts marked as updating while they wait.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BEST_OWN_YEAR_SQL } from '../helpers/native-duckdb.ts';
import { readFileSync } from 'node:fs';
import { appSession } from './app-session.ts';
import { exportFile } from './export-download.ts';
import { foreignRequests, pageErrors, screenshot, waitForRender } from './harness.ts';

const app = appSession();

/** The figures of a chart's data table, by row label and year column. */
async function tableValues(page: Page, chart: string): Promise<Record<string, (string | null)[]>> {
	await page.click(`[data-chart="${chart}"] [data-table-toggle]`);
	await page.waitForSelector(`[data-chart="${chart}"] [data-table] table`);
	return page.$$eval(`[data-chart="${chart}"] [data-table] tbody tr`, (rows) =>
		Object.fromEntries(
			rows.map((r) => [
				r.querySelector('td')?.textContent?.trim() ?? '',
				[...r.querySelectorAll('td[data-value]')].map(
					(td) => td.getAttribute('data-value') || null,
				),
			]),
		),
	);
}

/**
 * How many years of 2019–2025 no council on the territory of these 2025 provinces reported both kinds of
 * session (before 2025 the old provinces that became each, from 2025 the province itself).
 */
async function silentYears(keys: readonly string[]): Promise<number> {
	const codes = keys.map((k) => `'${k.slice(5)}'`).join(', ');
	const [row] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL}),
		reports AS (
			SELECT province_2025 AS code, year FROM b
			WHERE level = 'province' AND sessions_regular IS NOT NULL AND sessions_thematic IS NOT NULL
				AND ((scheme = '2023' AND year < 2025) OR (scheme = '2025' AND year >= 2025))),
		grid AS (SELECT code, year FROM (VALUES ${codes
			.split(', ')
			.map((c) => `(${c})`)
			.join(', ')}) c(code),
			range(2019, 2026) r(year))
		SELECT COUNT(*)::INTEGER AS n FROM grid g
		WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.code = g.code AND r.year = g.year)`);
	return Number(row!.n);
}

describe('comparable across the 2025 reorganisation', () => {
	test('the first screen: the 34 provinces, history re-aggregated per council, every chart drawn', async () => {
		const page = await app.open('/');
		expect(await page.isChecked('input[name="basis"][value="units2025"]')).toBe(true);
		expect(await page.isChecked('input[name="form"][value="perCouncil"]')).toBe(true);
		expect(await page.inputValue('#filter-year-to')).toBe('2025');
		const whose = await page.$$eval('[data-whose]', (p) => p.map((e) => e.textContent?.trim()));
		expect(whose).toHaveLength(4);
		for (const w of whose) expect(w).toBe('HĐND cấp tỉnh, toàn quốc');

		// The ranking draws all 34 provinces, each with a figure.
		const ranked = await page.$$eval('[data-chart="ranking"] g[data-unit-key]', (g) =>
			g.map((e) => [e.getAttribute('data-unit-key'), e.getAttribute('data-value')]),
		);
		expect(ranked).toHaveLength(34);
		expect(ranked.every(([key, value]) => key!.startsWith('2025:') && value !== '')).toBe(true);
		// Five lines over seven years, each drawn in every year; the heatmap's cells likewise.
		const trend = await page.$$eval('[data-chart="trend"] g[data-series]', (g) =>
			g.map((e) => e.querySelectorAll('circle').length),
		);
		expect(trend).toHaveLength(5);
		// Per council divides by the councils that reported: an old province that sent nothing one year
		// leaves the mean of the others, not a gap. A gap remains only where no council of the territory
		// reported, counted here with native DuckDB.
		const trendKeys = await page.$$eval('[data-chart="trend"] g[data-series]', (g) =>
			g.map((e) => e.getAttribute('data-series')!),
		);
		expect(trend.reduce((a, b) => a + b, 0)).toBe(5 * 7 - (await silentYears(trendKeys)));
		const cells = await page.$$eval('[data-chart="heatmap"] g.cell', (g) =>
			g.map((e) => e.getAttribute('data-cell-state')),
		);
		expect(cells.length).toBe(20 * 7);
		const heatmapKeys = await page.$$eval('[data-chart="heatmap"] g.cell[data-year="2025"]', (g) =>
			g.map((e) => e.getAttribute('data-unit-key')!),
		);
		expect(cells.filter((c) => c !== 'value').length).toBe(await silentYears(heatmapKeys));
		expect(cells.filter((c) => c !== 'value').length).toBeLessThanOrEqual(2);
		// The totals: a figure for every year, per council, and the notes say so and why.
		const totals = Object.values(await tableValues(page, 'totals'));
		expect(totals).toHaveLength(7);
		for (const [value] of totals) expect(value).not.toBeNull();
		expect(await page.textContent('[data-chart="totals"]')).toContain('Bình quân mỗi HĐND');
		await page.click('[data-chart="totals"] [data-table-toggle]');
		await screenshot(page, 'first-screen', { fullPage: true });
		expect(foreignRequests(page)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});

	test("Vĩnh Long's re-aggregated trend per council has no step at 2025; its total falls by two thirds", async () => {
		const page = await app.open('/?p=2025:86&u=2025:86&y0=2022&y1=2025');
		const perCouncil = (await tableValues(page, 'trend'))['Tỉnh Vĩnh Long']!.map(Number);
		// The simulation gives every province council the same expected sessions, merged or not: the
		// three old councils' mean in 2024 is recomputed here from the Parquet with native DuckDB.
		const [old] = await app.native.rows(`
			SELECT SUM(sessions_regular + sessions_thematic)::DOUBLE AS total, COUNT(*)::INTEGER AS councils
			FROM (${BEST_OWN_YEAR_SQL}) WHERE scheme = '2023' AND level = 'province' AND year = 2024
				AND province_2025 = '86'`);
		expect(old!.councils).toBe(3);
		expect(perCouncil[2]).toBeCloseTo(Number(old!.total) / 3, 6);
		const step = perCouncil[3]! / perCouncil[2]!;
		expect(step).toBeGreaterThan(0.6);
		expect(step).toBeLessThan(1.67);
		await page.click('[data-chart="trend"] [data-table-toggle]');
		const tip = await page.textContent(
			'[data-chart="trend"] g[data-series] circle:nth-of-type(3) title',
		);
		expect(tip).toContain('trước 01/7/2025: trung bình của 3 HĐND tỉnh cũ');
		await screenshot(page, 'vinh-long-per-council');

		await waitForRender(page, 'trend', () => page.check('input[name="form"][value="total"]'));
		expect(page.url()).toContain('fm=total');
		const total = (await tableValues(page, 'trend'))['Tỉnh Vĩnh Long']!.map(Number);
		expect(total[2]).toBe(Number(old!.total));
		expect(total[3]! / total[2]!).toBeLessThan(0.6);
		expect(await page.textContent('[data-chart="trend"]')).toContain('Tổng trên địa bàn');
	});

	test('switching the basis keeps a chosen old province as its successor, and back', async () => {
		const page = await app.open('/?b=reported&u=2023:24&f=2023:24');
		expect(await page.getAttribute('[data-selected-unit]', 'data-selected-unit')).toBe('2023:24');
		await waitForRender(page, 'ranking', () =>
			page.check('input[name="basis"][value="units2025"]'),
		);
		await page.waitForSelector('[data-selected-unit="2025:24"]');
		expect(page.url()).toContain(`u=${encodeURIComponent('2025:24')}`);
		expect(await page.textContent('[data-selected-unit]')).toContain('Bắc Ninh');
		expect(
			await page.getAttribute('[data-chart="ranking"] g[data-unit-key="2025:24"]', 'aria-pressed'),
		).toBe('true');
		// Back as reported: the range ends in 2025, where Bắc Ninh of the new list is itself.
		await page.check('input[name="basis"][value="reported"]');
		await page.waitForFunction(() => document.querySelector('[data-selected-unit="2025:24"]'));
		expect(page.url()).toContain('b=reported');
	});

	test('a brush before 2025 highlights the predecessors of a chosen 2025 province', async () => {
		const page = await app.open('/?b=reported&m=petitions_received&u=2025:86&yb=2020-2022');
		expect(await page.textContent('[data-chart="ranking"] h2')).toContain('2020–2022');
		const pressed = await page.$$eval(
			'[data-chart="ranking"] g[data-unit-key][aria-pressed="true"]',
			(g) => g.map((e) => e.getAttribute('data-unit-key')).sort(),
		);
		const drawn = await page.$$eval('[data-chart="ranking"] g[data-unit-key]', (g) =>
			g.map((e) => e.getAttribute('data-unit-key')),
		);
		const predecessors = ['2023:83', '2023:84', '2023:86'].filter((k) => drawn.includes(k));
		expect(predecessors.length).toBeGreaterThan(0);
		expect(pressed).toEqual(predecessors);
	});

	test('"thach that" opens the district at 2022, its year with the seed report figures, and says so', async () => {
		const page = await app.open('/');
		await page.fill('#unit-search', 'thach that');
		await waitForRender(page, 'unit-detail', () =>
			page.click('#unit-search-results [data-unit-key="2023:276"]'),
		);
		await page.waitForSelector('[data-opening-year="2022"]');
		// The opening year is known before its figures arrive: wait until the detail shows them.
		await page.waitForSelector('[data-chart="unit-detail"]:not([data-pending])');
		expect(await page.textContent('#detail-title')).toContain('2022');
		const detail = (await page.textContent('[data-chart="unit-detail"]'))!;
		expect(detail).toContain('không còn từ 01/7/2025');
		expect(detail).toContain('Số liệu báo cáo');
		expect(detail).toMatch(/Cuộc giám sát\s*13\s*177/);
		await screenshot(page, 'detail-thach-that');
	});

	test('the comparison of an old district opens at its last year with figures, as reported, and says so', async () => {
		const page = await app.open('/?v=compare&f=2023:276');
		await page.waitForSelector('[data-chart="peers"][data-render-id]:not([data-render-id="0"])');
		const [expected] = await app.native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT MAX(year)::INTEGER AS year FROM b WHERE scheme = '2023' AND unit_code = '276'
				AND year BETWEEN 2019 AND 2025 AND sessions_regular IS NOT NULL AND sessions_thematic IS NOT NULL`);
		const last = Number(expected!.year);
		await page.waitForFunction(
			(year) =>
				document.querySelector('[data-chart="peers"] h2')?.textContent?.includes(String(year)),
			last,
		);
		expect(await page.textContent('[data-chart="peers"]')).toContain(
			`Huyện Thạch Thất không có số liệu năm 2025; so sánh năm ${last}`,
		);
		expect(
			await page.$$eval('[data-chart="peers"] g[data-unit-key]', (g) => g.length),
		).toBeGreaterThan(1);
	});

	test('the comparison of a merged province shows per-council values, as the overview, and says so', async () => {
		const page = await app.open('/?v=compare&f=2025:86&y0=2022&y1=2025');
		await page.waitForSelector('[data-chart="medians"][data-render-id]:not([data-render-id="0"])');
		expect(await page.isChecked('input[name="form"][value="perCouncil"]')).toBe(true);
		const [old] = await app.native.rows(`
			SELECT SUM(sessions_regular + sessions_thematic)::DOUBLE AS total, COUNT(*)::INTEGER AS councils
			FROM (${BEST_OWN_YEAR_SQL}) WHERE scheme = '2023' AND level = 'province' AND year = 2024
				AND province_2025 = '86'`);
		expect(old!.councils).toBe(3);
		// The subject's line in the medians chart: 2024 is the mean of the three old councils, not their sum.
		const medians = await tableValues(page, 'medians');
		expect(Number(medians['2024']![0])).toBeCloseTo(Number(old!.total) / 3, 6);
		const step = Number(medians['2025']![0]) / Number(medians['2024']![0]);
		expect(step).toBeGreaterThan(0.6);
		expect(step).toBeLessThan(1.67);
		await page.click('[data-chart="medians"] [data-table-toggle]');
		const tip = await page.textContent(
			'[data-chart="medians"] g[data-series="2025:86"] circle:nth-of-type(3) title',
		);
		expect(tip).toContain('trước 01/7/2025: trung bình của 3 HĐND tỉnh cũ');
		for (const chart of ['peers', 'medians', 'bump', 'multiples']) {
			expect(await page.textContent(`[data-chart="${chart}"]`)).toContain('Bình quân mỗi HĐND');
		}
		await screenshot(page, 'compare-per-council', { fullPage: true });
		// The CSV of the peers names the form and why, and gives each figure's councils.
		const csv = readFileSync((await exportFile(page, 'peers', 'csv')).path, 'utf8');
		expect(csv).toMatch(/^\uFEFF?# Bình quân mỗi HĐND/m);
		expect(csv).toContain('Số HĐND (bình quân trên)');

		// As territory totals, the same line falls at the merger.
		await waitForRender(page, 'medians', () => page.check('input[name="form"][value="total"]'));
		expect(page.url()).toContain('fm=total');
		const totals = await tableValues(page, 'medians');
		expect(Number(totals['2024']![0])).toBe(Number(old!.total));
		expect(await page.textContent('[data-chart="medians"]')).toContain('Tổng trên địa bàn');
		expect(pageErrors(page)).toEqual([]);
	});

	/**
	 * Record every change of the panels' data-pending and data-render-id from now on, so the test sees
	 * the order of what happened rather than a moment sampled after it.
	 */
	async function watchPending(page: Page, charts: string[]): Promise<void> {
		await page.evaluate((names) => {
			const seen: Record<string, string[]> = {};
			for (const name of names) {
				const panel = document.querySelector(`[data-chart="${name}"]`)!;
				const log: string[] = (seen[name] = []);
				new MutationObserver(() =>
					log.push(`${panel.getAttribute('data-pending')}|${panel.getAttribute('data-render-id')}`),
				).observe(panel, { attributes: true });
			}
			(window as unknown as { pendingSeen: Record<string, string[]> }).pendingSeen = seen;
		}, charts);
	}

	async function pendingSeen(page: Page, chart: string): Promise<string[]> {
		return page.evaluate(
			(name) => (window as unknown as { pendingSeen: Record<string, string[]> }).pendingSeen[name]!,
			chart,
		);
	}

	test('a chart is marked as updating from the moment the filter changes until its new figures arrive', async () => {
		const page = await app.open('/');
		await watchPending(page, ['ranking', 'tiles']);
		const before = await page.getAttribute('[data-chart="ranking"]', 'data-render-id');
		const tilesBefore = await page.getAttribute('[data-chart="tiles"]', 'data-render-id');
		await waitForRender(page, 'ranking', () =>
			page.selectOption('#filter-measure', 'supervisions'),
		);
		// The first change marks the old figures as pending, before any new render.
		expect((await pendingSeen(page, 'ranking'))[0]).toBe(`true|${before}`);
		expect(await page.getAttribute('[data-chart="ranking"]', 'data-pending')).toBeNull();
		// The headline tiles follow the area and years, not the measure: a new measure leaves them alone
		// (neither dimmed nor redrawn), and a new end year redraws them at once from the answer they hold
		// (every year), with nothing to wait for.
		expect(await pendingSeen(page, 'tiles')).toEqual([]);
		expect(await page.getAttribute('[data-chart="tiles"]', 'data-render-id')).toBe(tilesBefore);
		await waitForRender(page, 'tiles', () => page.selectOption('#filter-year-to', '2024'));
		expect((await pendingSeen(page, 'tiles'))[0]).toBe(`null|${Number(tilesBefore) + 1}`);
		expect(await page.getAttribute('[data-chart="tiles"]', 'data-pending')).toBeNull();
	});

	test('the charts of the comparison are marked as updating too', async () => {
		const page = await app.open('/?v=compare&f=2023:276');
		await page.waitForSelector('[data-chart="peers"][data-render-id]:not([data-render-id="0"])');
		await watchPending(page, ['peers']);
		const before = await page.getAttribute('[data-chart="peers"]', 'data-render-id');
		await waitForRender(page, 'peers', () => page.selectOption('#filter-measure', 'supervisions'));
		expect((await pendingSeen(page, 'peers'))[0]).toBe(`true|${before}`);
		expect(await page.getAttribute('[data-chart="peers"]', 'data-pending')).toBeNull();
	});
});
