import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { applyMenu, initialFilters, type BenchFilters } from '../../../src/bench/mosaic-filters.ts';
import { chartPredicate, mosaicPrepareSql, ROWS } from '../../../src/bench/mosaic-sql.ts';
import { METRIC_IDS } from '../../../src/model/metrics.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';

describe('the Mosaic page filters', () => {
	const start = initialFilters();

	it('start as the app does, on the 2025 units across the reorganisation', () => {
		expect(start).toMatchObject({ province: null, level: 'province', basis: 'units2025' });
		expect(start.yearFrom).toBeLessThan(2025);
	});

	it('read a range within the 2025 list as reported, and keep it so (as the app does)', () => {
		const within = applyMenu(start, 'year-from', '2025');
		expect(within.basis).toBe('reported');
		expect(applyMenu(within, 'year-from', '2019').basis).toBe('reported');
	});

	it('go one level down on picking a province, and off districts once they are gone', () => {
		const old: BenchFilters = { ...start, basis: 'reported', yearFrom: 2018, yearTo: 2022 };
		expect(applyMenu(old, 'province', '2023:24').level).toBe('district');
		expect(applyMenu(start, 'province', '2025:01').level).toBe('commune');
		const districts = { ...old, level: 'district' as const };
		expect(applyMenu(districts, 'year-to', '2026').level).toBe('commune');
		expect(applyMenu(districts, 'province', '').province).toBeNull();
	});

	it('swap a first year after the last one, as the app does', () => {
		expect(applyMenu(start, 'year-from', String(start.yearTo + 1))).toMatchObject({
			yearFrom: start.yearTo,
			yearTo: start.yearTo + 1,
		});
	});
});

describe('the Mosaic page SQL', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await nodeConnector();
		// Three provinces' units over two years, metric i of unit k worth k * 10 + i; the 2025 table empty.
		const metrics = METRIC_IDS.map((id, i) => `(k * 10 + ${i})::INTEGER AS "${id}"`).join(', ');
		await db.exec(`CREATE TABLE units AS SELECT '2023' AS scheme, lpad(k::VARCHAR, 2, '0') AS code,
			'P' || k AS name, 'province' AS level FROM range(1, 4) t(k)`);
		await db.exec(`CREATE TABLE yearly AS SELECT '2023:' || lpad(k::VARCHAR, 2, '0') AS unit_key,
			'2023' AS scheme, lpad(k::VARCHAR, 2, '0') AS code, y::INTEGER AS year, 'province' AS level,
			lpad(k::VARCHAR, 2, '0') AS province_code, '01' AS province_2025, ${metrics}
			FROM range(1, 4) t(k), range(2020, 2022) s(y)`);
		await db.exec(`CREATE TABLE yearly_2025 AS SELECT * FROM yearly WHERE FALSE`);
		for (const sql of mosaicPrepareSql()) await db.exec(sql);
	});
	afterAll(() => db.close());

	const filters: BenchFilters = {
		province: null,
		level: 'province',
		yearFrom: 2020,
		yearTo: 2021,
		measure: 'sessions_total',
		basis: 'reported',
	};
	const where = async (chart: 'ranking' | 'trend' | 'heatmap', f = filters) =>
		rows(
			db,
			`SELECT unit_key, year, value, label FROM ${ROWS} WHERE ${chartPredicate(chart, f)}
			ORDER BY value DESC, year`,
		);

	it('gives each row the chosen measure as `value`, with a label that names the unit', async () => {
		const ranking = await where('ranking');
		// sessions_total = sessions_regular + sessions_thematic: two metrics of the same unit.
		const parts = ['sessions_regular', 'sessions_thematic'].map((id) =>
			METRIC_IDS.indexOf(id as never),
		);
		expect(ranking.map((r) => r.unit_key)).toEqual(['2023:03', '2023:02', '2023:01']);
		expect(ranking[0]).toMatchObject({
			year: 2021,
			value: 60 + parts[0]! + parts[1]!,
			label: 'P3 03',
		});
	});

	it('keeps the trend and the heatmap to the range, and the area to the province', async () => {
		expect(await where('trend')).toHaveLength(6);
		const one = await where('heatmap', { ...filters, province: '2023:02', yearFrom: 2021 });
		expect(one.map((r) => [r.unit_key, r.year])).toEqual([['2023:02', 2021]]);
		expect(await where('ranking', { ...filters, basis: 'units2025' })).toEqual([]);
	});
});
