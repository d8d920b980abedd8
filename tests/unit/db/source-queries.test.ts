import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import type { ViewFilters } from '../../../src/db/queries.ts';
import {
	areaScope,
	figureSourcesSql,
	mapScope,
	rankingScope,
	seriesScope,
} from '../../../src/db/source-queries.ts';
import { loadedConnector, nodeConnector, rows } from '../../helpers/node-connector.ts';
import { BEST_OWN_YEAR_SQL, nativeDuckDB, type NativeDb } from '../../helpers/native-duckdb.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

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

const counts = (result: Record<string, unknown>[]) =>
	Object.fromEntries(result.map((r) => [r.id as string, r.figures as number]));

describe('the sources of a chart’s figures', () => {
	test('the ranking of Hà Nội’s districts in 2022: Thạch Thất’s report and the simulation, nothing else', async () => {
		const result = await rows(db, figureSourcesSql(rankingScope(HANOI_2022)));
		const expected = await native.rows(`
			WITH b AS (${BEST_OWN_YEAR_SQL})
			SELECT source_id, COUNT(*)::INTEGER AS n FROM b
			WHERE scheme = '2023' AND level = 'district' AND province_2025 = '01' AND year = 2022
				AND sessions_regular + sessions_thematic IS NOT NULL
			GROUP BY source_id`);
		expect(counts(result)).toEqual(
			Object.fromEntries(expected.map((r) => [r.source_id, Number(r.n)])),
		);
		expect(Object.keys(counts(result)).sort()).toEqual(['seed-000', 'simulated-v1']);
		expect(counts(result)['seed-000']).toBe(1);
		// Most figures first, each with its sources row.
		expect(result[0]).toMatchObject({ id: 'simulated-v1', kind: 'simulated' });
		expect(result[1]).toMatchObject({
			id: 'seed-000',
			kind: 'reported',
			date: expect.stringMatching(/^2023-/),
		});
	});

	test('a measure the report does not give leaves the report out', async () => {
		const result = await rows(
			db,
			figureSourcesSql(rankingScope({ ...HANOI_2022, measure: 'petitions_received' })),
		);
		expect(Object.keys(counts(result))).toEqual(['simulated-v1']);
	});

	test('the trend of chosen units counts one figure per unit-year shown', async () => {
		const result = await rows(
			db,
			figureSourcesSql(seriesScope({ ...HANOI_2022, yearFrom: 2019, yearTo: 2022 }, ['2023:276'])),
		);
		const total = Object.values(counts(result)).reduce((a, b) => a + b, 0);
		expect(total).toBeLessThanOrEqual(4);
		expect(counts(result)['seed-000']).toBe(1);
		expect(await rows(db, figureSourcesSql(seriesScope(HANOI_2022, [])))).toEqual([]);
	});

	test('the totals and the map cover every unit of the level', async () => {
		const totals = counts(await rows(db, figureSourcesSql(areaScope(HANOI_2022))));
		// Đống Đa 2019 and Thạch Thất 2022 are Hà Nội districts within 2016–2022.
		expect(Object.keys(totals).sort()).toEqual(['seed-000', 'simulated-v1']);
		const map = counts(
			await rows(
				db,
				figureSourcesSql(mapScope({ ...HANOI_2022, province: null, level: 'province' })),
			),
		);
		expect(Object.keys(map)).toEqual(['simulated-v1']);
		expect(map['simulated-v1']).toBeLessThanOrEqual(63);
	});
});

describe('several charts on one sheet', () => {
	test('a unit-year two charts draw counts once', async () => {
		const ranking = rankingScope(HANOI_2022);
		const area = areaScope(HANOI_2022);
		const once = counts(await rows(db, figureSourcesSql([ranking, ranking])));
		expect(once).toEqual(counts(await rows(db, figureSourcesSql(ranking))));
		// The ranking's unit-years are among the totals': together they are the totals'.
		expect(counts(await rows(db, figureSourcesSql([ranking, area])))).toEqual(
			counts(await rows(db, figureSourcesSql(area))),
		);
		expect(await rows(db, figureSourcesSql([]))).toEqual([]);
	});
});

describe('re-aggregated figures name every source they draw on', () => {
	test('a 2025 commune built from a reported and a simulated old commune counts for both', async () => {
		const small = await nodeConnector();
		try {
			await createSmallDataset(small, [
				{ unit: '00101', year: 2024, source: 'rep', values: { supervisions: 4 } },
				{ unit: '00102', year: 2024, values: { supervisions: 6 } },
				{ unit: '00103', year: 2024, values: { supervisions: 1 } },
				{ unit: '00001', scheme: '2025', year: 2025, values: { supervisions: 9 } },
			]);
			expect(
				await rows(
					small,
					`SELECT code, year, array_to_string(source_ids, ',') AS source_ids FROM yearly_2025 WHERE level = 'commune' ORDER BY year, code`,
				),
			).toEqual([
				{ code: '00001', year: 2024, source_ids: 'rep,sim' },
				{ code: '00002', year: 2024, source_ids: 'sim' },
				{ code: '00001', year: 2025, source_ids: 'sim' },
			]);
			const scope = {
				basis: 'units2025',
				measure: 'supervisions',
				from: 2024,
				to: 2025,
				units: { level: 'commune', province: null, scheme: null },
			} as const;
			expect(await rows(small, figureSourcesSql(scope))).toEqual([
				{
					id: 'sim',
					kind: 'simulated',
					title: 'Mô phỏng',
					publisher: null,
					date: null,
					url: null,
					figures: 3,
				},
				{
					id: 'rep',
					kind: 'reported',
					title: 'Bản tin',
					publisher: 'Báo',
					date: '2023-01-11',
					url: null,
					figures: 1,
				},
			]);
		} finally {
			await small.close();
		}
	});
});
