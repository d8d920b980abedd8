import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import {
	rankingWithTopSql,
	rankingSql,
	seriesSql,
	unitAllFactsSql,
	yearsShown,
	type ViewFilters,
} from '../../../src/db/queries.ts';
import {
	areaHeadlineSql,
	areaMeasureSql,
	areaYears,
	areaYearsSql,
	mergeAreaYears,
	type AreaHeadlineYear,
	type AreaMeasureYear,
} from '../../../src/db/area-queries.ts';
import { factsInYear, unitYearsOf } from '../../../src/model/unit-facts.ts';
import { loadedConnector, rows, unitFacts } from '../../helpers/node-connector.ts';
import { BEST_OWN_YEAR_SQL, nativeDuckDB, type NativeDb } from '../../helpers/native-duckdb.ts';

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

const HANOI_2022: ViewFilters = {
	province: '2025:01',
	level: 'district',
	yearFrom: 2016,
	yearTo: 2022,
	measure: 'sessions_total',
	basis: 'reported',
	brush: null,
};

const n = (value: unknown) => (value === null ? null : Number(value));

describe('areaYearsSql', () => {
	test('national province-level figures equal native DuckDB over the Parquet', async () => {
		const filters: ViewFilters = {
			...HANOI_2022,
			province: null,
			level: 'province',
			yearFrom: 2026,
			yearTo: 2026,
		};
		// A range of one year still brings the year before, for the tiles' change.
		const app = await rows(db, areaYearsSql(filters));
		const expected = await native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT year, SUM(supervisions) AS sup, SUM(sessions_regular + sessions_thematic) AS sessions,
				SUM(petitions_resolved) AS resolved,
				SUM(petitions_resolved) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL)
				/ SUM(petitions_received) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL) AS rate,
				COUNT(supervisions) AS n_sup
			FROM b WHERE level = 'province' AND year IN (2025, 2026) GROUP BY year ORDER BY year`);
		expect(app.map((r) => r.year)).toEqual([2025, 2026]);
		for (const [i, row] of app.entries()) {
			const want = expected[i]!;
			expect(row.units).toBe(34);
			expect(row.v_supervisions).toBe(n(want.sup));
			expect(row.n_supervisions).toBe(n(want.n_sup));
			expect(row.v_sessions_total).toBe(n(want.sessions));
			expect(row.v_petitions_resolved).toBe(n(want.resolved));
			expect(row.v_resolution_rate).toBeCloseTo(n(want.rate)!, 12);
			expect(row.any_simulated).toBe(true);
		}
	});

	test('a 2025 province covers its old districts, with the reported Thạch Thất figure in place', async () => {
		const app = (await rows(db, areaYearsSql(HANOI_2022))).filter((r) => Number(r.year) >= 2021);
		const expected = await native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT year, SUM(sessions_regular + sessions_thematic) AS sessions, COUNT(*) AS reporting
			FROM b WHERE level = 'district' AND province_2025 = '01' AND year IN (2021, 2022)
			GROUP BY year ORDER BY year`);
		expect(app.map((r) => [r.year, r.units, r.v_sessions_total, r.reporting_units])).toEqual(
			expected.map((r) => [r.year, 30, n(r.sessions), n(r.reporting)]),
		);
	});

	test('a year with no units of the level (districts after 2025) has no figures', async () => {
		const app = await rows(db, areaYearsSql({ ...HANOI_2022, yearFrom: 2023, yearTo: 2026 }));
		expect(app.map((r) => [r.year, r.units])).toEqual([
			[2023, 30],
			[2024, 30],
			[2025, 0],
			[2026, 0],
		]);
		for (const row of app.slice(2)) {
			expect([row.v_supervisions, row.value, row.reporting, row.any_simulated]).toEqual([
				null,
				null,
				0,
				false,
			]);
		}
	});
});

describe('the area in two parts (areaHeadlineSql, areaMeasureSql)', () => {
	test('joined, they equal areaYearsSql row for row, whatever the measure, form, basis, area and years', async () => {
		const cases: ViewFilters[] = [
			HANOI_2022,
			{ ...HANOI_2022, yearFrom: 2023, yearTo: 2026 },
			{ ...HANOI_2022, measure: 'resolution_rate', province: null, level: 'province' },
			{ ...HANOI_2022, basis: 'units2025', form: 'perCouncil', level: 'commune', yearTo: 2026 },
			{
				...HANOI_2022,
				basis: 'units2025',
				form: 'total',
				level: 'commune',
				measure: 'supervisions',
			},
			{ ...HANOI_2022, province: '2023:01', measure: 'explanatory_hearings', yearFrom: 2016 },
		];
		for (const filters of cases) {
			const whole = await rows(db, areaYearsSql(filters));
			const headline = (await rows(db, areaHeadlineSql(filters))) as unknown as AreaHeadlineYear[];
			const own = (await rows(db, areaMeasureSql(filters))) as unknown as AreaMeasureYear[];
			// Years where the level has no rows are absent from the measure's part, and filled in.
			expect(own.length).toBeLessThanOrEqual(headline.length);
			const joined = mergeAreaYears(headline, own);
			expect(joined.map((r) => ({ ...r }))).toEqual(whole.map((r) => ({ ...r })));
			expect(
				joined.some((r) => r.value !== null),
				JSON.stringify(filters),
			).toBe(true);
		}
	});
});

describe('yearsShown', () => {
	test('every year of the range, the last included; one year when the range is one year', () => {
		expect(yearsShown({ yearFrom: 2019, yearTo: 2022 })).toEqual([2019, 2020, 2021, 2022]);
		expect(yearsShown({ yearFrom: 2024, yearTo: 2024 })).toEqual([2024]);
	});
});

describe('areaYearsSql: the totals chart', () => {
	test('the chosen measure over the range: totals of counts and ratios of sums, as native DuckDB has them', async () => {
		for (const measure of ['supervisions', 'resolution_rate'] as const) {
			const filters: ViewFilters = { ...HANOI_2022, measure, yearFrom: 2018, yearTo: 2022 };
			expect(areaYears(filters)).toEqual([2018, 2019, 2020, 2021, 2022]);
			const app = await rows(db, areaYearsSql(filters));
			const expected = await native.rows(`
				WITH b AS (${BEST_OWN_YEAR_SQL})
				SELECT year, SUM(supervisions) AS sup, COUNT(supervisions) AS n_sup,
					SUM(petitions_resolved) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL)
					/ SUM(petitions_received) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL) AS rate,
					COUNT(*) FILTER (WHERE petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL) AS n_rate,
					BOOL_OR(kind = 'reported') AS any_reported
				FROM b WHERE level = 'district' AND province_2025 = '01' AND year BETWEEN 2018 AND 2022
				GROUP BY year ORDER BY year`);
			expect(app.map((r) => r.year)).toEqual(expected.map((r) => Number(r.year)));
			for (const [i, row] of app.entries()) {
				const want = expected[i]!;
				if (measure === 'supervisions') {
					expect(row.value).toBe(n(want.sup));
					expect(row.reporting).toBe(n(want.n_sup));
				} else {
					expect(row.value).toBeCloseTo(n(want.rate)!, 12);
					expect(row.reporting).toBe(n(want.n_rate));
				}
				expect(row.any_reported).toBe(want.any_reported);
			}
		}
	});
});

describe('rankingSql', () => {
	test('lists every unit of the level and area, unreported ones with NULL, reported figures first-hand', async () => {
		const ranking = await rows(db, rankingSql(HANOI_2022));
		expect(ranking).toHaveLength(30); // Hà Nội's districts in the 2023 list
		const thachThat = ranking.find((r) => r.unit_key === '2023:276');
		expect(thachThat).toMatchObject({
			unit_key: '2023:276',
			value: 5,
			source_kind: 'reported',
			approx: false,
		});
		const [previous] = await native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT sessions_regular + sessions_thematic AS v FROM b
			WHERE unit_code = '276' AND scheme = '2023' AND year = 2021`);
		expect(thachThat!.previous).toBe(previous ? Number(previous.v) : null);
		const unreported = ranking.filter((r) => r.value === null);
		const [{ missing }] = (await native.rows(`
			SELECT COUNT(*) AS missing FROM units u
			WHERE u.scheme = '2023' AND u.level = 'district' AND u.province_2025 = '01'
			AND NOT EXISTS (SELECT 1 FROM (${BEST_OWN_YEAR_SQL}) b WHERE b.unit_code = u.code AND b.scheme = '2023'
				AND b.year = 2022 AND b.sessions_regular IS NOT NULL AND b.sessions_thematic IS NOT NULL)`)) as [
			{ missing: unknown },
		];
		expect(unreported).toHaveLength(Number(missing));
	});

	test('code 24 is Bắc Giang in the old list and Bắc Ninh (with Bắc Giang) in the new one', async () => {
		const old = await rows(db, rankingSql({ ...HANOI_2022, province: '2023:24' }));
		const merged = await rows(db, rankingSql({ ...HANOI_2022, province: '2025:24' }));
		const bacNinhDistricts = await native.rows(
			"SELECT COUNT(*) AS n FROM units WHERE scheme = '2023' AND level = 'district' AND parent_code = '27'",
		);
		expect(old.length).toBe(10);
		expect(merged.length).toBe(old.length + Number(bacNinhDistricts[0]!.n));
	});

	test('the district level after 2025 is empty', async () => {
		expect(await rows(db, rankingSql({ ...HANOI_2022, yearTo: 2025 }))).toEqual([]);
	});
});

describe('the 2025 units basis', () => {
	test('old provinces re-aggregated onto the 34 provinces: a new province sums its old ones when all reported', async () => {
		const filters: ViewFilters = {
			...HANOI_2022,
			province: null,
			level: 'province',
			basis: 'units2025',
			yearTo: 2024,
		};
		const y2024 = (await rows(db, areaYearsSql(filters))).find((r) => r.year === 2024);
		const [expected] = await native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL}),
			old AS (
				SELECT u.province_2025, b.supervisions FROM units u
				LEFT JOIN b ON b.unit_code = u.code AND b.scheme = '2023' AND b.year = 2024
				WHERE u.scheme = '2023' AND u.level = 'province'
			)
			SELECT SUM(v) AS total, COUNT(v) AS reporting FROM (
				SELECT CASE WHEN COUNT(supervisions) = COUNT(*) THEN SUM(supervisions) END AS v
				FROM old GROUP BY province_2025)`);
		expect(y2024!.units).toBe(34);
		expect(y2024!.v_supervisions).toBe(Number(expected!.total));
		expect(y2024!.n_supervisions).toBe(Number(expected!.reporting));
	});

	test('the ranking over a brushed span needs every year of the span', async () => {
		const span: ViewFilters = { ...HANOI_2022, measure: 'supervisions', brush: [2020, 2022] };
		const ranking = await rows(db, rankingSql(span));
		const expected = await native.rows(`WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT scheme || ':' || unit_code AS unit_key,
				CASE WHEN COUNT(supervisions) = 3 THEN SUM(supervisions) END AS value
			FROM b WHERE level = 'district' AND province_2025 = '01' AND year BETWEEN 2020 AND 2022
			GROUP BY ALL`);
		const byKey = new Map(
			expected.map((r) => [r.unit_key, r.value === null ? null : Number(r.value)]),
		);
		expect(ranking).toHaveLength(30);
		for (const row of ranking)
			expect(row.value, String(row.unit_key)).toBe(byKey.get(row.unit_key) ?? null);
	});
});

describe('seriesSql and unitAllFactsSql', () => {
	test('a unit over the years, with the reported year marked', async () => {
		const series = await rows(db, seriesSql(HANOI_2022, ['2023:276']));
		expect(series.length).toBeGreaterThan(0);
		expect(series.every((p) => (p.year as number) >= 2016 && (p.year as number) <= 2022)).toBe(
			true,
		);
		expect(series.at(-1)).toEqual({
			unit_key: '2023:276',
			year: 2022,
			value: 5,
			councils: 1,
			source_kind: 'reported',
			approx: false,
		});
	});

	test('the ranking with its top: the rows of rankingSql, and the series seriesSql gives for the top units, ties included', async () => {
		const numbers = (row: Record<string, unknown>) =>
			Object.fromEntries(
				Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
			);
		for (const brush of [null, [2019, 2021]] as const) {
			const f: ViewFilters = { ...HANOI_2022, province: null, brush: brush && [...brush] };
			const ranking = await rows(db, rankingSql(f));
			const ranked = ranking
				.filter((r) => r.value !== null)
				.map((r) => ({ key: String(r.unit_key), value: Number(r.value) }))
				.sort((a, b) => b.value - a.value);
			const tenth = ranked[9]!.value;
			const top = ranked.filter((r) => r.value >= tenth).map((r) => r.key);
			expect(top.length).toBeGreaterThanOrEqual(10);
			for (const years of [undefined, [2016, 2026] as const]) {
				const got = await rows(db, rankingWithTopSql(f, 10, years));
				const rankPart = got.filter((r) => r.part === 'rank');
				const seriesPart = got.filter((r) => r.part === 'series');
				const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
					String(a.unit_key).localeCompare(String(b.unit_key));
				expect(
					rankPart
						.map(({ unit_key, value, source_kind, approx, previous }) =>
							numbers({ unit_key, value, source_kind, approx, previous }),
						)
						.sort(byKey),
				).toEqual([...ranking].map(numbers).sort(byKey));
				const range = years ?? [f.yearFrom, f.yearTo];
				const expected = await rows(
					db,
					seriesSql({ ...f, brush: null, yearFrom: range[0], yearTo: range[1] }, [...top].sort()),
				);
				expect(
					seriesPart.map(({ unit_key, year, value, councils, source_kind, approx }) =>
						numbers({ unit_key, year, value, councils, source_kind, approx }),
					),
				).toEqual(expected.map(numbers));
				if (years) expect(seriesPart.some((r) => Number(r.year) > 2022)).toBe(true);
			}
		}
	});

	test('Thạch Thất has first-hand figures in 2022 only, and none from 2025', async () => {
		const years = unitYearsOf(await unitFacts(db, '2023:276'));
		expect(years.length).toBeGreaterThan(5);
		expect(years.filter((y) => y.firstHand).map((y) => y.year)).toEqual([2022]);
		expect(years.every((y) => Number(y.year) <= 2024)).toBe(true);
	});

	test("Thạch Thất 2022: the district's own figures and the communes' sum, both from the seed report", async () => {
		const facts = factsInYear(await unitFacts(db, '2023:276'), 2022);
		expect(
			facts.map((f) => [
				f.scope,
				f.sessions_regular,
				f.sessions_thematic,
				f.supervisions,
				f.surveys,
				f.source_id,
			]),
		).toEqual([
			['own', 2, 3, 13, 3, 'seed-000'],
			['subunits', 46, 7, 177, null, 'seed-000'],
		]);
		expect(facts[0]!.source_date).toBe('2023-01-11');
	});

	test('malformed unit keys never reach SQL', () => {
		expect(() => unitAllFactsSql("2023:276' OR 1=1")).toThrow(/Not a unit key/);
	});
});
