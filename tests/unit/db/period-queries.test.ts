import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import type { Period } from '../../../src/model/periods.ts';
import {
	areaPeriodSql,
	periodFactsSql,
	periodsAvailableSql,
	subunitPeriodSql,
	unitPeriodSql,
	unitsPeriodSql,
} from '../../../src/db/period-queries.ts';
import { factsInYear } from '../../../src/model/unit-facts.ts';
import { loadedConnector, ownTables, rows, unitFacts } from '../../helpers/node-connector.ts';

let db: Connector;

/**
 * A term total for Thạch Thất (2016–2021, stated "cả nhiệm kỳ") and a unit that reported only its first
 * half of 2022, both from a source of the test's own, beside the bundled data.
 */
beforeAll(async () => {
	db = (await loadedConnector()).db;
	await ownTables(db);
	await db.exec(
		`INSERT INTO sources (id, title, kind) VALUES ('test-term', 'Báo cáo tổng kết nhiệm kỳ', 'reported')`,
	);
	await db.exec(`INSERT INTO facts (unit_code, scheme, year, period, term, scope, supervisions, explanatory_hearings, source_id)
		VALUES ('276', '2023', NULL, 'term', '2016-2021', 'own', 61, 7, 'test-term'),
			('79', '2023', 2022, 'h1', NULL, 'own', 5, NULL, 'test-term')`);
});
afterAll(async () => {
	await db.close();
});

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

describe('periods as reported', () => {
	test('a term total is shown for its term and never under one of its years', async () => {
		const term = await rows(db, unitPeriodSql('2023:276', { kind: 'term', term: '2016-2021' }));
		const own = term.find((r) => r.which === 'current' && r.scope === 'own')!;
		expect(n(own.supervisions)).toBe(61);
		expect(own.source_id).toBe('test-term');
		for (let year = 2016; year <= 2021; year++) {
			const yearRows = await rows(db, unitPeriodSql('2023:276', { kind: 'year', year }));
			expect(
				yearRows.some((r) => r.source_id === 'test-term'),
				String(year),
			).toBe(false);
			expect(yearRows.some((r) => n(r.supervisions) === 61)).toBe(false);
		}
		// Nor does any year-level table pick it up.
		const yearly = await rows(db, `SELECT * FROM yearly WHERE source_id = 'test-term'`);
		expect(yearly).toEqual([]);
	});

	test('a half-year query returns only half-year rows; a year is never halved', async () => {
		const h1 = await rows(db, periodFactsSql({ kind: 'h1', year: 2022 }));
		expect(h1.length).toBeGreaterThan(500);
		// 2022 has no monthly rows: every figure is a row filed as the first half.
		const filed = await rows(
			db,
			`SELECT COUNT(*) AS n FROM facts WHERE period = 'h1' AND year = 2022 AND scope = 'own'`,
		);
		expect(h1.length).toBe(n(filed[0]!.n));
		expect(h1.every((r) => r.from_months === false)).toBe(true);
		// Hồ Chí Minh City is outside the sample: its year is not halved into a first half…
		const hcm = h1.filter((r) => r.scheme === '2023' && r.unit_code === '79');
		expect(hcm.map((r) => n(r.supervisions))).toEqual([5]);
		// …and its first half is not doubled into a year.
		const year = await rows(db, unitPeriodSql('2023:79', { kind: 'year', year: 2022 }));
		expect(year.some((r) => r.source_id === 'test-term')).toBe(false);
	});

	test('a half year equals its own row, not half of the year', async () => {
		const code = await rows(
			db,
			`SELECT h.unit_code, h.supervisions AS h1, y.supervisions AS year FROM facts h
			JOIN facts y ON y.unit_code = h.unit_code AND y.scheme = h.scheme AND y.year = h.year AND y.period = 'year'
			WHERE h.period = 'h1' AND h.year = 2023 AND h.scheme = '2023' AND h.unit_code LIKE '0%' AND length(h.unit_code) = 3
			ORDER BY h.unit_code LIMIT 1`,
		);
		const unit = `2023:${String(code[0]!.unit_code)}`;
		const got = await rows(db, unitPeriodSql(unit, { kind: 'h1', year: 2023 }));
		const current = got.find((r) => r.which === 'current')!;
		expect(n(current.supervisions)).toBe(n(code[0]!.h1));
		expect(n(current.supervisions)).toBeLessThanOrEqual(n(code[0]!.year)!);
	});

	test('the same period last year: a first half with last year first half, a term with the term before', async () => {
		const got = await rows(db, unitPeriodSql('2023:001', { kind: 'h1', year: 2023 }));
		const previous = got.find((r) => r.which === 'previous')!;
		const want = await rows(
			db,
			`SELECT supervisions FROM facts WHERE unit_code = '001' AND scheme = '2023' AND period = 'h1' AND year = 2022`,
		);
		expect(n(previous.supervisions)).toBe(n(want[0]!.supervisions));
		// Nine months compare with nine months, not with the year.
		const m9 = await rows(db, unitPeriodSql('2023:001', { kind: 'm9', year: 2023 }));
		const m9Prev = m9.find((r) => r.which === 'previous')!;
		const wantM9 = await rows(
			db,
			`SELECT supervisions FROM facts WHERE unit_code = '001' AND scheme = '2023' AND period = 'm9' AND year = 2022`,
		);
		expect(n(m9Prev.supervisions)).toBe(n(wantM9[0]!.supervisions));
		const term = await rows(db, unitPeriodSql('2023:276', { kind: 'term', term: '2021-2026' }));
		expect(term.filter((r) => r.which === 'previous').map((r) => n(r.supervisions))).toEqual([61]);
	});

	test('a quarter is its three months from one source, and nothing where the months are not there', async () => {
		const q1 = await rows(
			db,
			unitPeriodSql('2023:001', { kind: 'quarter', year: 2024, quarter: 1 }),
		);
		const current = q1.find((r) => r.which === 'current')!;
		const months = await rows(
			db,
			`SELECT SUM(supervisions) AS s FROM facts WHERE unit_code = '001' AND scheme = '2023' AND period = 'month' AND year = 2024 AND month <= 3`,
		);
		expect(current.from_months).toBe(true);
		expect(n(current.supervisions)).toBe(n(months[0]!.s));
		// 2023 has no months: no Q1 2023 to compare with.
		expect(q1.filter((r) => r.which === 'previous')).toEqual([]);
		// A year with no monthly rows is never cut into a quarter.
		const q2022 = await rows(db, periodFactsSql({ kind: 'quarter', year: 2022, quarter: 2 }));
		expect(q2022).toEqual([]);
	});

	test('Thạch Thất 2022: the reported own figures, the stated communes sum, and the communes one by one', async () => {
		const got = await rows(db, unitPeriodSql('2023:276', { kind: 'year', year: 2022 }));
		const own = got.find((r) => r.which === 'current' && r.scope === 'own')!;
		const stated = got.find((r) => r.which === 'current' && r.scope === 'subunits')!;
		expect([own.sessions_regular, own.sessions_thematic, own.supervisions].map(n)).toEqual([
			2, 3, 13,
		]);
		expect(own.source_kind).toBe('reported');
		expect([stated.sessions_regular, stated.sessions_thematic, stated.supervisions].map(n)).toEqual(
			[46, 7, 177],
		);
		const communes = await rows(db, subunitPeriodSql('2023:276', { kind: 'year', year: 2022 }));
		expect(communes.length).toBeGreaterThan(20);
		const sum = (id: string) => communes.reduce((a, r) => a + (n(r[`m_${id}`]) ?? 0), 0);
		expect([sum('sessions_regular'), sum('sessions_thematic'), sum('supervisions')]).toEqual([
			46, 7, 177,
		]);
		// Last year's figures are there beside them.
		expect(communes.some((r) => r.p_supervisions !== null)).toBe(true);
	});

	test('the unit detail shows a term total under its term, in the years the term covers only', async () => {
		const all = await unitFacts(db, '2023:276');
		const in2019 = factsInYear(all, 2019);
		expect(in2019.map((r) => r.period)).toEqual(['year', 'h1', 'm9', 'term']);
		expect(n(in2019.at(-1)!.supervisions)).toBe(61);
		const in2022 = factsInYear(all, 2022);
		expect(in2022.some((r) => r.period === 'term')).toBe(false);
	});

	test('the periods a unit has figures for', async () => {
		const got = await rows(db, periodsAvailableSql('2023:276'));
		const kinds = new Set(got.map((r) => r.period));
		expect([...kinds].sort()).toEqual(['h1', 'm9', 'month', 'term', 'year']);
	});
});

describe('areaPeriodSql', () => {
	const hanoi = (alias: string) => `${alias}province_code = '01'`;
	const scheme = (p: Period) => ('year' in p && p.year >= 2025 ? '2025' : '2023');

	test("the districts of Hà Nội, first half of 2023: the sum of their first-half rows, with last year's", async () => {
		const got = await rows(
			db,
			areaPeriodSql({ kind: 'h1', year: 2023 }, 'district', hanoi, scheme),
		);
		const want = await rows(
			db,
			`SELECT f.year, SUM(f.supervisions) AS s, COUNT(*) AS n FROM facts f
			JOIN units u ON u.scheme = f.scheme AND u.code = f.unit_code
			WHERE f.period = 'h1' AND f.scope = 'own' AND u.level = 'district' AND u.province_code = '01'
				AND f.scheme = '2023' AND f.year IN (2022, 2023)
			GROUP BY f.year ORDER BY f.year DESC`,
		);
		expect(got.map((r) => [r.which, n(r.v_supervisions), n(r.reporting)])).toEqual([
			['current', n(want[0]!.s), n(want[0]!.n)],
			['previous', n(want[1]!.s), n(want[1]!.n)],
		]);
		expect(n(got[0]!.units)).toBe(30);
		expect(got[0]!.any_simulated).toBe(true);
	});

	test('outside the sample, a first half has no figures rather than half a year', async () => {
		const got = await rows(
			db,
			areaPeriodSql(
				{ kind: 'h1', year: 2023 },
				'district',
				(a) => `${a}province_code = '79'`,
				scheme,
			),
		);
		expect(got.map((r) => [n(r.reporting), n(r.v_supervisions)])).toEqual([
			[0, null],
			[0, null],
		]);
	});
});

describe('unitsPeriodSql', () => {
	test('chosen units in their order, first-half figures only, NULL where a unit has no such row', async () => {
		const got = await rows(
			db,
			unitsPeriodSql(['2023:276', '2023:760', '2023:001'], { kind: 'h1', year: 2023 }),
		);
		expect(got.map((r) => r.unit_key)).toEqual(['2023:276', '2023:760', '2023:001']);
		const want = await rows(
			db,
			`SELECT unit_code, supervisions FROM facts WHERE period = 'h1' AND year IN (2023) AND scheme = '2023' AND unit_code IN ('276', '001') ORDER BY unit_code DESC`,
		);
		expect(n(got[0]!.m_supervisions)).toBe(n(want[0]!.supervisions));
		expect(n(got[2]!.m_supervisions)).toBe(n(want[1]!.supervisions));
		// Quận 1 of Hồ Chí Minh City is outside the sample: no first half, not half of its year.
		expect(got[1]!.m_supervisions).toBeNull();
		expect(got[1]!.source_kind).toBeNull();
	});
});
