import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { localRankingWithTop, localSeries, rankedLocally } from '../../../src/db/local-ranking.ts';
import { rankingWithTopSql, seriesSql, type ViewFilters } from '../../../src/db/queries.ts';
import { tableRows } from '../../../src/db/table-rows.ts';
import {
	rowKeysSql,
	rowValuesSql,
	UnitYearRows,
	UnitYearValues,
} from '../../../src/db/unit-year-rows.ts';
import type { Basis } from '../../../src/model/basis.ts';
import type { UnitIndex } from '../../../src/model/unit-index.ts';
import { loadedConnector, unitIndexOf } from '../../helpers/node-connector.ts';

let db: Connector;
let units: UnitIndex;
const keys = new Map<Basis, UnitYearRows>();

beforeAll(async () => {
	db = (await loadedConnector()).db;
	units = await unitIndexOf(db);
	for (const basis of ['reported', 'units2025'] as const) {
		keys.set(basis, new UnitYearRows(await db.query(rowKeysSql(basis))));
	}
});
afterAll(async () => {
	await db.close();
});

const BASE: ViewFilters = {
	province: '2025:01',
	level: 'district',
	yearFrom: 2016,
	yearTo: 2022,
	measure: 'sessions_total',
	basis: 'reported',
	brush: null,
};

async function valuesFor(f: ViewFilters): Promise<UnitYearValues> {
	const form = f.form ?? 'total';
	return new UnitYearValues(
		keys.get(f.basis)!,
		await db.query(rowValuesSql(f.measure, form, f.basis)),
	);
}

/** The fields the overview reads from each row, in the answer's order. */
function fields(rows: readonly Record<string, unknown>[]) {
	return rows.map((r) =>
		r.part === 'rank'
			? [r.part, r.unit_key, r.value, r.source_kind, r.approx, r.previous]
			: [r.part, r.unit_key, r.year, r.value, r.source_kind, r.approx, r.councils],
	);
}

describe('localRankingWithTop', () => {
	const cases: ViewFilters[] = [
		BASE,
		{ ...BASE, province: null, level: 'province', yearTo: 2026, measure: 'supervisions' },
		{ ...BASE, province: '2023:01', level: 'commune', yearTo: 2024, measure: 'resolution_rate' },
		{ ...BASE, province: '2025:01', level: 'commune', yearTo: 2025, measure: 'petitions_received' },
		{ ...BASE, province: '2025:79', level: 'commune', yearTo: 2019, basis: 'units2025' },
		{
			...BASE,
			province: '2025:01',
			level: 'commune',
			yearTo: 2020,
			basis: 'units2025',
			form: 'perCouncil',
			measure: 'supervisions',
		},
		{ ...BASE, province: null, level: 'district', yearTo: 2016, measure: 'explanatory_hearings' },
		// A brush of one year ranks that year.
		{ ...BASE, province: '2023:79', level: 'commune', brush: [2018, 2018] },
		// A level the area's list has no units of in that year: an empty ranking.
		{ ...BASE, province: '2025:01', level: 'district', yearTo: 2026 },
	];

	for (const f of cases) {
		test(`the engine's rows for ${JSON.stringify(f)}`, async () => {
			const years = [2016, 2026] as const;
			const engine = tableRows<Record<string, unknown>>(
				await db.query(rankingWithTopSql(f, 20, years)),
			);
			const local = localRankingWithTop(await valuesFor(f), units, f, 20, years);
			expect(local).not.toBeNull();
			expect(fields(local as unknown as Record<string, unknown>[])).toEqual(fields(engine));
			if (f.yearTo !== 2026 || f.level !== 'district' || f.province !== '2025:01') {
				// A case that ranks something: the test compares figures, not two empty answers.
				expect(engine.some((r) => r.part === 'series' && r.value !== null)).toBe(true);
			}
		});
	}

	test('a span of several brushed years is left to the engine', async () => {
		const f: ViewFilters = { ...BASE, brush: [2018, 2020] };
		expect(rankedLocally(f)).toBe(false);
		expect(localRankingWithTop(await valuesFor(f), units, f, 20, [2016, 2026])).toBeNull();
	});

	test('values of another table (another row count) are refused', async () => {
		const other = await db.query('SELECT 1.0::DOUBLE AS value, 1 AS councils');
		expect(() => new UnitYearValues(keys.get('reported')!, other)).toThrow(/table changed/);
	});
});

describe('localSeries', () => {
	const cases: [ViewFilters, string[]][] = [
		// Units of both lists, one twice, and one that is no unit at all.
		[
			{ ...BASE, yearFrom: 2016, yearTo: 2026 },
			['2023:276', '2025:01', '2023:001', '2023:276', '2023:999'],
		],
		[{ ...BASE, yearFrom: 2019, yearTo: 2023, measure: 'resolution_rate' }, ['2023:01', '2023:79']],
		[
			{ ...BASE, yearFrom: 2016, yearTo: 2026, basis: 'units2025', form: 'perCouncil' },
			['2025:01', '2025:79', '2025:00004'],
		],
	];
	for (const [f, keys] of cases) {
		test(`the engine's rows for ${keys.join(', ')} (${f.basis}, ${f.measure})`, async () => {
			const engine = tableRows<Record<string, unknown>>(
				await db.query(seriesSql(f, [...new Set(keys)].sort())),
			);
			expect(engine.some((r) => r.value !== null)).toBe(true);
			const local = localSeries(await valuesFor(f), keys, [f.yearFrom, f.yearTo]);
			const fields = (rows: readonly object[]) =>
				rows.map((r) => {
					const { unit_key, year, value, councils, source_kind, approx } = r as Record<
						string,
						unknown
					>;
					return [unit_key, year, value, councils, source_kind, approx];
				});
			expect(fields(local)).toEqual(fields(engine));
		});
	}
});
