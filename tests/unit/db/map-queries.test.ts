import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import {
	drillFilters,
	drillLevel,
	mapScheme,
	provinceMapSql,
} from '../../../src/db/map-queries.ts';
import { rankingSql, type ViewFilters } from '../../../src/db/queries.ts';
import { loadedConnector, nodeConnector, rows } from '../../helpers/node-connector.ts';
import { BEST_OWN_YEAR_SQL, nativeDuckDB, type NativeDb } from '../../helpers/native-duckdb.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

const BASE: ViewFilters = {
	province: null,
	level: 'province',
	yearFrom: 2019,
	yearTo: 2022,
	measure: 'sessions_total',
	basis: 'reported',
	brush: null,
};

const n = (value: unknown) => (value === null ? null : Number(value));

describe('the scheme drawn and the drill level', () => {
	test('the scheme of the end of the span, or 2025 on the 2025 basis', () => {
		expect(mapScheme(BASE)).toBe('2023');
		expect(mapScheme({ ...BASE, yearTo: 2025 })).toBe('2025');
		expect(mapScheme({ ...BASE, yearTo: 2026, brush: [2023, 2024] })).toBe('2023');
		expect(mapScheme({ ...BASE, basis: 'units2025' })).toBe('2025');
	});

	test('a province drills into its districts before 2025 and its communes after', () => {
		expect(drillLevel('province', '2023')).toBe('district');
		expect(drillLevel('district', '2023')).toBe('district');
		expect(drillLevel('commune', '2023')).toBe('commune');
		expect(drillLevel('province', '2025')).toBe('commune');
		expect(drillLevel('district', '2025')).toBe('commune');
		expect(drillFilters(BASE, '2023:01')).toEqual({
			...BASE,
			province: '2023:01',
			level: 'district',
		});
	});
});

describe('provinceMapSql on a small dataset', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await nodeConnector();
		// Old list: province 01 (districts 001, 002; communes 00101–00103), province 02 (district 003).
		// New list: province 01 (both old provinces) with communes 00001 and 00002.
		await createSmallDataset(db, [
			{ unit: '01', year: 2022, values: { sessions_regular: 5, sessions_thematic: 1 } },
			// Province 02 sent nothing for 2022.
			{
				unit: '001',
				year: 2022,
				values: { sessions_regular: 2, sessions_thematic: 1, explanatory_hearings: 0 },
			},
			{ unit: '002', year: 2022, values: { sessions_regular: 3, sessions_thematic: null } },
			{ unit: '003', year: 2022, values: { sessions_regular: 4, sessions_thematic: 2 } },
			{ unit: '00101', year: 2022, values: { petitions_received: 10, petitions_resolved: 8 } },
			{ unit: '00102', year: 2022, values: { petitions_received: 20, petitions_resolved: null } },
			{ unit: '00103', year: 2022, values: { petitions_received: 30, petitions_resolved: 27 } },
			{
				unit: '01',
				scheme: '2025',
				year: 2025,
				values: { sessions_regular: 3, sessions_thematic: 0 },
			},
			{
				unit: '00001',
				scheme: '2025',
				year: 2025,
				values: { sessions_regular: 2, sessions_thematic: 1 },
			},
			{ unit: '00002', scheme: '2025', year: 2025, source: 'rep', values: { supervisions: 4 } },
		]);
	});
	afterAll(() => db.close());

	const map = (f: ViewFilters) =>
		rows(db, provinceMapSql(f)).then((list) =>
			list.map((r) => [r.unit_key, r.value, r.reporting_units, r.units]),
		);

	test("province level: the council's own figure; a province that did not report is NULL, not 0", async () => {
		expect(await map(BASE)).toEqual([
			['2023:01', 6, 1, 1],
			['2023:02', null, 0, 1],
		]);
	});

	test('district level: the sum over the districts that reported, out of those that exist', async () => {
		expect(await map({ ...BASE, level: 'district' })).toEqual([
			['2023:01', 3, 1, 2], // 002 reported no thematic sessions, so no total
			['2023:02', 6, 1, 1],
		]);
		// A reported zero is a value.
		expect(await map({ ...BASE, level: 'district', measure: 'explanatory_hearings' })).toEqual([
			['2023:01', 0, 1, 2],
			['2023:02', null, 0, 1],
		]);
	});

	test('a rate is the ratio of sums over the units reporting both parts', async () => {
		const result = await rows(
			db,
			provinceMapSql({ ...BASE, level: 'commune', measure: 'resolution_rate' }),
		);
		expect(result.map((r) => [r.unit_key, r.value, r.reporting_units, r.units])).toEqual([
			['2023:01', (8 + 27) / (10 + 30), 2, 3],
			['2023:02', null, 0, 0], // no communes in the small list
		]);
		expect(result[0]!.any_simulated).toBe(true);
	});

	test('from 2025: the new provinces, with the source kinds of what they sum', async () => {
		const result = await rows(db, provinceMapSql({ ...BASE, level: 'commune', yearTo: 2025 }));
		expect(result).toEqual([
			{
				unit_key: '2025:01',
				province_code: '01',
				value: 3,
				reporting_units: 1,
				units: 2,
				any_simulated: true,
				any_reported: true,
				any_approx: false,
			},
		]);
	});

	test('a brushed span across 1 July 2025: old provinces count toward the new one they joined', async () => {
		const span = await map({ ...BASE, yearTo: 2025, brush: [2022, 2025] });
		// 2022: old 01 (6) and old 02 (not reported); 2023–2024: nothing; 2025: new 01 (3).
		// Unit-years that existed: two old provinces in 2022, 2023 and 2024, one new one in 2025.
		expect(span).toEqual([['2025:01', 9, 2, 7]]);
	});

	test('on the 2025 basis, old communes are re-aggregated onto the new ones first', async () => {
		const result = await rows(
			db,
			provinceMapSql({
				...BASE,
				level: 'commune',
				basis: 'units2025',
				measure: 'petitions_received',
			}),
		);
		expect(
			result.map((r) => [r.unit_key, r.value, r.reporting_units, r.units, r.any_approx]),
		).toEqual([['2025:01', 10 + 20 + 30, 2, 2, true]]);
	});
});

describe('provinceMapSql and the drill-down on the bundled data, against native DuckDB', () => {
	let db: Connector;
	let native: NativeDb;
	beforeAll(async () => {
		db = (await loadedConnector()).db;
		native = await nativeDuckDB();
	});
	afterAll(async () => {
		await db.close();
		native.close();
	});

	test('2022, district level: 63 provinces, each the sum over its districts that reported', async () => {
		const f: ViewFilters = { ...BASE, level: 'district' };
		const app = await rows(db, provinceMapSql(f));
		const expected = await native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL}),
			figures AS (
				SELECT province_code, SUM(sessions_regular + sessions_thematic) AS value,
					COUNT(sessions_regular + sessions_thematic) AS reporting
				FROM b WHERE scheme = '2023' AND level = 'district' AND year = 2022 GROUP BY ALL
			),
			existing AS (
				SELECT province_code, COUNT(*) AS units FROM units
				WHERE scheme = '2023' AND level = 'district' GROUP BY ALL
			)
			SELECT p.code, f.value, COALESCE(f.reporting, 0) AS reporting, e.units
			FROM units p LEFT JOIN figures f ON f.province_code = p.code
			LEFT JOIN existing e ON e.province_code = p.code
			WHERE p.scheme = '2023' AND p.level = 'province' ORDER BY p.code`);
		expect(app).toHaveLength(63);
		expect(app.map((r) => [r.province_code, r.value, r.reporting_units, r.units])).toEqual(
			expected.map((r) => [
				r.code,
				n(r.reporting) === 0 ? null : n(r.value),
				n(r.reporting),
				n(r.units),
			]),
		);
		const hanoi = app.find((r) => r.unit_key === '2023:01')!;
		expect(hanoi.units).toBe(30);
		expect(hanoi.any_reported).toBe(true); // Thạch Thất's reported 2022 figures
	});

	test('2026, commune level, resolution rate: 34 provinces, ratio of sums over their communes', async () => {
		const f: ViewFilters = { ...BASE, level: 'commune', yearTo: 2026, measure: 'resolution_rate' };
		const app = await rows(db, provinceMapSql(f));
		const expected = await native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT province_2025 AS code,
				SUM(petitions_resolved) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL)
				/ SUM(petitions_received) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL) AS rate
			FROM b WHERE scheme = '2025' AND level = 'commune' AND year = 2026
			GROUP BY ALL ORDER BY code`);
		expect(app).toHaveLength(34);
		expect(app.map((r) => r.province_code)).toEqual(expected.map((r) => r.code));
		for (const [i, row] of app.entries()) {
			expect(row.value as number).toBeCloseTo(n(expected[i]!.rate)!, 12);
		}
	});

	test('no province is ever 0 for lack of reports: NULL exactly where nothing was reported', async () => {
		for (const f of [
			BASE,
			{ ...BASE, yearTo: 2026 },
			{ ...BASE, level: 'commune' as const, measure: 'explanatory_hearings' as const },
		]) {
			const app = await rows(db, provinceMapSql(f));
			for (const row of app) expect(row.value === null).toBe(row.reporting_units === 0);
		}
	});

	test('the drill-down lists every district of Hà Nội in 2022, with NULL for those that did not report', async () => {
		const app = await rows(db, rankingSql(drillFilters(BASE, '2023:01')));
		const [expected] = await native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT (SELECT COUNT(*) FROM units WHERE scheme = '2023' AND level = 'district' AND parent_code = '01') AS units,
				COUNT(sessions_regular + sessions_thematic) AS reporting
			FROM b WHERE scheme = '2023' AND level = 'district' AND province_code = '01' AND year = 2022`);
		expect(app).toHaveLength(Number(expected!.units));
		expect(app).toHaveLength(30);
		expect(app.filter((r) => r.value !== null)).toHaveLength(Number(expected!.reporting));
		expect(app.every((r) => String(r.unit_key).startsWith('2023:'))).toBe(true);
	});
});
