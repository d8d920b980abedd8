import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { factsInYear, unitYearsOf, type UnitFactRow } from '../../../src/model/unit-facts.ts';
import { loadedConnector, ownTables, rows, unitFacts } from '../../helpers/node-connector.ts';

const fact = (over: Partial<UnitFactRow>): UnitFactRow => ({
	year: 2022,
	period: 'year',
	month: null,
	term: null,
	scope: 'own',
	source_id: 'sim',
	source_kind: 'simulated',
	...over,
});

describe('factsInYear', () => {
	test('the year, its parts and months in order, then the terms it falls in', () => {
		const rows = [
			fact({ period: 'month', month: 11 }),
			fact({ period: 'term', year: null, term: '2021-2026' }),
			fact({ period: 'month', month: 2 }),
			fact({ period: 'm9' }),
			fact({ period: 'year', scope: 'subunits' }),
			fact({ period: 'h1' }),
			fact({ period: 'year' }),
			fact({ period: 'year', year: 2021 }),
			fact({ period: 'term', year: null, term: '2016-2021' }),
		];
		expect(factsInYear(rows, 2022).map((r) => `${r.period}${r.month ?? ''}${r.scope}`)).toEqual([
			'yearown',
			'yearsubunits',
			'h1own',
			'm9own',
			'month2own',
			'month11own',
			'termown',
		]);
		expect(factsInYear(rows, 2021).map((r) => r.term ?? r.period)).toEqual([
			'year',
			'2016-2021',
			'2021-2026',
		]);
	});

	test('a term that does not read as two years is never shown', () => {
		const rows = [
			fact({ period: 'term', year: null, term: 'khóa XVI' }),
			fact({ period: 'term', year: null, term: '2021-' }),
			fact({ period: 'term', year: null, term: null }),
			fact({ period: 'term', year: null, term: ' 2021 - 2026 ' }),
		];
		expect(factsInYear(rows, 2023).map((r) => r.term)).toEqual([' 2021 - 2026 ']);
	});

	test('the same period from several sources keeps one order, by source', () => {
		const rows = [fact({ source_id: 'b' }), fact({ source_id: 'a' }), fact({ source_id: 'c' })];
		expect(factsInYear(rows, 2022).map((r) => r.source_id)).toEqual(['a', 'b', 'c']);
		expect(factsInYear([...rows].reverse(), 2022).map((r) => r.source_id)).toEqual(['a', 'b', 'c']);
	});
});

describe('unitYearsOf', () => {
	test('each year once, in order, first-hand when any figure that year is not simulated', () => {
		const rows = [
			fact({ year: 2023 }),
			fact({ year: 2019, source_kind: 'reported', period: 'h1' }),
			fact({ year: 2019 }),
			fact({ year: null, period: 'term', term: '2016-2021', source_kind: 'reported' }),
			fact({ year: 2020, period: 'month', month: 3, source_kind: 'imported' }),
		];
		expect(unitYearsOf(rows)).toEqual([
			{ year: 2019, firstHand: true },
			{ year: 2020, firstHand: true },
			{ year: 2023, firstHand: false },
		]);
	});
});

/** What the detail asked the engine for before it picked in the page: the reference. */
const yearFactsSql = (scheme: string, code: string, year: number) =>
	`SELECT f.*, s.kind AS source_kind FROM facts f JOIN sources s ON s.id = f.source_id
	WHERE f.scheme = '${scheme}' AND f.unit_code = '${code}'
		AND (f.year = ${year} OR (f.period = 'term' AND ${year} BETWEEN
			TRY_CAST(split_part(f.term, '-', 1) AS INTEGER) AND TRY_CAST(split_part(f.term, '-', 2) AS INTEGER)))
	ORDER BY CASE f.period WHEN 'year' THEN 0 WHEN 'h1' THEN 1 WHEN 'm9' THEN 2 WHEN 'month' THEN 3 ELSE 4 END,
		f.month, f.term, f.scope, f.source_id`;
const yearsSql = (scheme: string, code: string) =>
	`SELECT f.year::INTEGER AS year, BOOL_OR(s.kind <> 'simulated') AS first_hand
	FROM facts f JOIN sources s ON s.id = f.source_id
	WHERE f.scheme = '${scheme}' AND f.unit_code = '${code}' AND f.year IS NOT NULL
	GROUP BY f.year ORDER BY f.year`;

describe('picked in the page = asked of the engine, on the bundled data', () => {
	let db: Connector;
	// Term totals (one that does not read as years), and a second source for months a unit already has.
	beforeAll(async () => {
		({ db } = await loadedConnector());
		await ownTables(db);
		await db.exec(`INSERT INTO sources (id, title, kind) VALUES ('test-terms', 'Báo cáo nhiệm kỳ', 'reported'),
			('test-months', 'Số liệu tháng nhập tay', 'imported')`);
		await db.exec(`INSERT INTO facts (unit_code, scheme, year, period, month, term, scope, supervisions, source_id)
			VALUES ('276', '2023', NULL, 'term', NULL, '2016-2021', 'own', 61, 'test-terms'),
				('276', '2023', NULL, 'term', NULL, '2016-2021', 'subunits', 640, 'test-terms'),
				('276', '2023', NULL, 'term', NULL, '2021-2026', 'own', 70, 'test-terms'),
				('276', '2023', NULL, 'term', NULL, 'khóa XVI', 'own', 12, 'test-terms'),
				('01', '2023', 2021, 'month', 3, NULL, 'own', 4, 'test-months'),
				('01', '2023', 2021, 'month', 1, NULL, 'own', 2, 'test-months'),
				('01', '2023', 2021, 'h1', NULL, NULL, 'subunits', 90, 'test-months')`);
	}, 120_000);
	afterAll(async () => {
		await db?.close();
	});

	// A district with reported figures and term totals, a province before and after 2025, communes.
	const units = ['2023:276', '2023:01', '2025:01', '2025:00004', '2023:00004', '2023:79'];
	test.each(units)('%s: every year, its facts and the years with figures', async (key) => {
		const [scheme, code] = key.split(':') as [string, string];
		const all = await unitFacts(db, key);
		expect(all.length).toBeGreaterThan(0);
		const years = await rows(db, yearsSql(scheme, code));
		expect(unitYearsOf(all)).toEqual(
			years.map((y) => ({ year: Number(y.year), firstHand: y.first_hand })),
		);
		const id = (r: Record<string, unknown>) =>
			`${String(r.period)}|${String(r.month)}|${String(r.term)}|${String(r.scope)}|${String(r.source_id)}|${String(r.supervisions)}`;
		let compared = 0;
		for (let year = 2015; year <= 2027; year++) {
			const expected = await rows(db, yearFactsSql(scheme, code, year));
			expect(factsInYear(all, year).map(id)).toEqual(expected.map(id));
			compared += expected.length;
		}
		expect(compared).toBeGreaterThan(0);
	});

	test('the inserted terms and months are among what was compared', async () => {
		const terms = factsInYear(await unitFacts(db, '2023:276'), 2021).filter(
			(r) => r.period === 'term',
		);
		expect(terms.map((r) => `${r.term} ${r.scope}`)).toEqual([
			'2016-2021 own',
			'2016-2021 subunits',
			'2021-2026 own',
		]);
		const months = factsInYear(await unitFacts(db, '2023:01'), 2021).filter(
			(r) => r.source_id === 'test-months',
		);
		expect(months.map((r) => `${r.period}${r.month ?? ''}`)).toEqual(['h1', 'month1', 'month3']);
	});
});
