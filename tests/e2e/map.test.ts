/**
 * The map as a person uses it: the provinces of the year shown, values checked against native DuckDB over
 * the same Parquet, the legend, clicking and keyboard selection, the drill-down list, and the offline promise.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { BEST_OWN_YEAR_SQL } from '../helpers/native-duckdb.ts';
import { appSession } from './app-session.ts';
import {
	foreignRequests,
	pageErrors,
	screenshot,
	waitForRender,
	waitForRenderChange,
} from './harness.ts';

const app = appSession();

const PROVINCES = '[data-chart="map"] path[data-unit-key]';

async function provinceValues(page: Page): Promise<Map<string, number | null>> {
	const pairs = await page.$$eval(PROVINCES, (paths) =>
		paths.map((p) => [p.getAttribute('data-unit-key')!, p.getAttribute('data-value')!] as const),
	);
	return new Map(pairs.map(([key, value]) => [key, value === '' ? null : Number(value)]));
}

test('2026: the 34 provinces of the 2025 list with native DuckDB values, a legend, no foreign request', async () => {
	const page = await app.open('/?v=map&y1=2026');
	await waitForRender(page, 'map');
	const values = await provinceValues(page);
	expect(values.size).toBe(34);
	expect([...values.keys()].every((key) => key.startsWith('2025:'))).toBe(true);

	const expected = await app.native.rows(`
		WITH b AS (${BEST_OWN_YEAR_SQL})
		SELECT u.code, b.sessions_regular + b.sessions_thematic AS value
		FROM units u LEFT JOIN b ON b.scheme = u.scheme AND b.unit_code = u.code AND b.year = 2026
		WHERE u.scheme = '2025' AND u.level = 'province'`);
	expect(
		Object.fromEntries(
			expected.map((r) => [`2025:${r.code}`, r.value === null ? null : Number(r.value)]),
		),
	).toEqual(Object.fromEntries(values));

	// A province that did not report is hatched and counted in the legend, never drawn as zero.
	const missing = [...values].filter(([, v]) => v === null).map(([key]) => key);
	for (const key of missing) {
		const path = page.locator(`${PROVINCES}[data-unit-key="${key}"]`);
		expect(await path.getAttribute('fill')).toBe('url(#map-hatch)');
		expect(await path.getAttribute('data-state')).toBe('missing');
	}
	const legendMissing = page.locator('[data-chart="map"] [data-legend-missing]');
	expect(await legendMissing.textContent()).toContain('Chưa báo cáo');
	expect((await legendMissing.textContent())!.trim().endsWith(String(missing.length))).toBe(true);
	expect(await page.locator('[data-chart="map"] [data-legend-class]').count()).toBeGreaterThan(1);
	expect(await page.textContent('[data-chart="map"] h2')).toBe(
		'Tổng số kỳ họp theo tỉnh, thành phố: HĐND cấp tỉnh, năm 2026',
	);
	// A group (not an image) that may hold the focusable provinces, announced as a map.
	expect(await page.getAttribute('[data-chart="map"] svg', 'role')).toBe('group');
	expect(await page.getAttribute('[data-chart="map"] svg', 'aria-roledescription')).toBe('bản đồ');
	expect(await page.locator('[data-chart="map"] [data-inset]').count()).toBe(2);
	expect(await page.locator('[data-chart="map"] [data-badge="simulated"]').count()).toBe(1);
	await screenshot(page, 'map-2026');
	expect(foreignRequests(page)).toEqual([]);
	expect(pageErrors(page)).toEqual([]);
});

test('2022: 63 provinces; clicking Hà Nội selects it and lists its districts; Enter selects too', async () => {
	const page = await app.open('/?v=map&y1=2022');
	await waitForRender(page, 'map');
	expect(await page.locator(PROVINCES).count()).toBe(63);

	const hanoi = page.locator(`${PROVINCES}[data-unit-key="2023:01"]`);
	await hanoi.click();
	await waitForRenderChange(page, 'map-units', '0');
	const [districts] = await app.native.rows(`
		SELECT COUNT(*) AS n FROM units WHERE scheme = '2023' AND level = 'district' AND parent_code = '01'`);
	const listed = page.locator('[data-chart="map-units"] tbody tr');
	expect(await listed.count()).toBe(Number(districts!.n));
	expect(await listed.count()).toBe(30);
	expect(await page.textContent('[data-chart="map-units"] h2')).toContain('Thành phố Hà Nội');
	expect(new URL(page.url()).searchParams.get('u')).toBe('2023:01');
	expect(await hanoi.getAttribute('aria-pressed')).toBe('true');
	// The other provinces are dimmed, not removed.
	expect(await page.locator(`${PROVINCES}.dim`).count()).toBe(62);

	// Reported values first, high to low; units that did not report last, with "—" and "Chưa báo cáo".
	const rows = await listed.evaluateAll((trs) =>
		trs.map((tr) => ({
			value: tr.getAttribute('data-value'),
			text: tr.textContent ?? '',
		})),
	);
	const values = rows.map((r) => (r.value === '' ? null : Number(r.value)));
	const firstMissing = values.indexOf(null);
	const reported = firstMissing === -1 ? values : values.slice(0, firstMissing);
	expect(reported).toEqual([...reported].sort((a, b) => b! - a!));
	if (firstMissing !== -1) {
		expect(values.slice(firstMissing).every((v) => v === null)).toBe(true);
		expect(rows[firstMissing]!.text).toContain('—');
		expect(rows[firstMissing]!.text).toContain('Chưa báo cáo');
	}
	await screenshot(page, 'map-2022-hanoi');

	// Keyboard: focus Hồ Chí Minh, see its tooltip, press Enter.
	const hcmc = page.locator(`${PROVINCES}[data-unit-key="2023:79"]`);
	await hcmc.focus();
	expect(await page.textContent('[data-chart="map"] [role="tooltip"]')).toContain('Hồ Chí Minh');
	const before = await page.getAttribute('[data-chart="map-units"]', 'data-render-id');
	await hcmc.press('Enter');
	await waitForRenderChange(page, 'map-units', before);
	expect(new URL(page.url()).searchParams.get('u')).toBe('2023:01,2023:79');
	expect(await page.textContent('[data-chart="map-units"] h2')).toContain('Hồ Chí Minh');
	await screenshot(page, 'map-2022-keyboard');

	// Open the province in the overview.
	await page.getByRole('button', { name: 'Xem ở trang Tổng quan' }).click();
	await page.waitForFunction(() => !location.search.includes('v=map'));
	expect(new URL(page.url()).searchParams.get('p')).toBe('2023:79');
	expect(foreignRequests(page)).toEqual([]);
});
