import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { mediansSql, peersSql } from '../../../src/db/peer-queries.ts';
import { rankingSql, seriesSql, type ViewFilters } from '../../../src/db/queries.ts';
import { areaYearsSql } from '../../../src/db/area-queries.ts';
import { createMergeDataset } from '../../helpers/merge-dataset.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';

let db: Connector;
beforeAll(async () => {
	db = await nodeConnector();
	await createMergeDataset(db);
});
afterAll(() => db.close());

const COMMUNES: ViewFilters = {
	province: '2025:01',
	level: 'commune',
	yearFrom: 2024,
	yearTo: 2025,
	measure: 'supervisions',
	basis: 'units2025',
	brush: null,
	form: 'perCouncil',
};

const series = async (f: ViewFilters, keys: string[]) =>
	(await rows(db, seriesSql(f, keys))).map((r) => ({
		key: r.unit_key,
		year: r.year,
		value: r.value === null ? null : Number(r.value),
		councils: r.councils,
		approx: r.approx,
	}));

describe('the councils behind each re-aggregated figure', () => {
	test('a full merge counts its three councils, a split commune its share, a province merge two', async () => {
		expect(
			await rows(
				db,
				`SELECT code, contributors, council_weight, supervisions, approx FROM yearly_2025
				WHERE year = 2024 ORDER BY level, code`,
			),
		).toEqual([
			{ code: '00001', contributors: 3, council_weight: 3, supervisions: 12, approx: false },
			{ code: '00002', contributors: 2, council_weight: 1.5, supervisions: 6, approx: true },
			{ code: '00003', contributors: 2, council_weight: 1.5, supervisions: 6, approx: true },
			{ code: '01', contributors: 2, council_weight: 2, supervisions: 24, approx: false },
			{ code: '03', contributors: 1, council_weight: 1, supervisions: 12, approx: false },
		]);
	});
});

describe('per council across 2025', () => {
	test('flat councils give a flat per-council trend, with the councils and the ≈ of a split', async () => {
		expect(await series(COMMUNES, ['2025:00001', '2025:00002'])).toEqual([
			{ key: '2025:00001', year: 2024, value: 4, councils: 3, approx: false },
			{ key: '2025:00001', year: 2025, value: 4, councils: 1, approx: false },
			{ key: '2025:00002', year: 2024, value: 4, councils: 2, approx: true },
			{ key: '2025:00002', year: 2025, value: 4, councils: 1, approx: false },
		]);
	});

	test('the territory total of the same figures falls at the merger', async () => {
		const totals = await series({ ...COMMUNES, form: 'total' }, ['2025:00001']);
		expect(totals.map((p) => p.value)).toEqual([12, 4]);
	});

	test('a province merge divides by the two old provinces', async () => {
		const f = { ...COMMUNES, province: null, level: 'province' as const };
		expect((await series(f, ['2025:01'])).map((p) => [p.value, p.councils])).toEqual([
			[12, 2],
			[12, 1],
		]);
	});

	test('an area averages over its councils, counting a split commune once', async () => {
		const area = await rows(db, areaYearsSql(COMMUNES));
		expect(area.map((a) => [a.year, Number(a.value), a.councils, a.units])).toEqual([
			[2024, 4, 6, 3],
			[2025, 4, 3, 3],
		]);
		const total = await rows(db, areaYearsSql({ ...COMMUNES, form: 'total' }));
		expect(total.map((a) => Number(a.value))).toEqual([24, 12]);
	});

	test('as reported, per council is the mean over the councils that reported', async () => {
		const area = await rows(db, areaYearsSql({ ...COMMUNES, basis: 'reported' }));
		expect(area.map((a) => [a.year, Number(a.value), a.councils])).toEqual([
			[2024, 4, 6],
			[2025, 4, 3],
		]);
	});

	test('a rate stays a rate in either form', async () => {
		const f = { ...COMMUNES, measure: 'resolution_rate' as const };
		const perCouncil = await series(f, ['2025:00001']);
		const total = await series({ ...f, form: 'total' }, ['2025:00001']);
		expect(perCouncil.map((p) => p.value)).toEqual([0.8, 0.8]);
		expect(total).toEqual(perCouncil);
	});

	test('the ranking ranks per council, and over a brushed span adds the years up', async () => {
		const year = await rows(db, rankingSql(COMMUNES));
		expect(year.map((r) => [r.unit_key, Number(r.value), Number(r.previous)])).toEqual([
			['2025:00001', 4, 4],
			['2025:00002', 4, 4],
			['2025:00003', 4, 4],
		]);
		const span = await rows(db, rankingSql({ ...COMMUNES, brush: [2024, 2025] }));
		expect(span.map((r) => Number(r.value))).toEqual([8, 8, 8]);
	});
});

describe('the comparison page in the same form', () => {
	const peers = async (f: ViewFilters, key: string) =>
		(await rows(db, peersSql(f, key))).map((r) => [
			r.unit_key,
			r.year,
			r.value === null ? null : Number(r.value),
			r.councils,
			r.approx,
			r.rank,
		]);

	test('per council, a merged commune and its peers keep their figure across 2025, with their councils and ≈', async () => {
		expect(await peers(COMMUNES, '2025:00001')).toEqual([
			['2025:00001', 2024, 4, 3, false, 1],
			['2025:00002', 2024, 4, 2, true, 1],
			['2025:00003', 2024, 4, 2, true, 1],
			['2025:00001', 2025, 4, 1, false, 1],
			['2025:00002', 2025, 4, 1, false, 1],
			['2025:00003', 2025, 4, 1, false, 1],
		]);
	});

	test('as territory totals the merged commune ranks first before 2025, by its size alone', async () => {
		const totals = await peers({ ...COMMUNES, form: 'total' }, '2025:00001');
		expect(totals.filter((p) => p[1] === 2024).map((p) => [p[0], p[2], p[3], p[5]])).toEqual([
			['2025:00001', 12, 3, 1],
			['2025:00002', 6, 2, 2],
			['2025:00003', 6, 2, 2],
		]);
	});

	test('a merged province per council, and the medians over per-council values', async () => {
		const provinces = { ...COMMUNES, province: null, level: 'province' as const };
		const own = (await peers(provinces, '2025:01')).filter((p) => p[0] === '2025:01');
		expect(own.map((p) => [p[1], p[2], p[3]])).toEqual([
			[2024, 12, 2],
			[2025, 12, 1],
		]);
		const medians = await rows(db, mediansSql(COMMUNES, '2025:00001'));
		expect(medians.map((m) => [m.year, Number(m.national_median)])).toEqual([
			[2024, 4],
			[2025, 4],
		]);
		const totals = await rows(db, mediansSql({ ...COMMUNES, form: 'total' }, '2025:00001'));
		expect(totals.map((m) => Number(m.national_median))).toEqual([6, 4]);
	});

	test('a rate stays a rate on the comparison page', async () => {
		const f = { ...COMMUNES, measure: 'resolution_rate' as const };
		const rates = await peers(f, '2025:00001');
		expect(rates.map((p) => p[2])).toEqual([0.8, 0.8, 0.8, 0.8, 0.8, 0.8]);
		expect(await peers({ ...f, form: 'total' }, '2025:00001')).toEqual(rates);
	});
});

describe('per council when an old council sent nothing', () => {
	beforeAll(async () => {
		await createMergeDataset(db, ['00103']);
	});

	test('the merged commune has the mean of the two that reported, and says two; its total is missing', async () => {
		expect(await series(COMMUNES, ['2025:00001'])).toEqual([
			{ key: '2025:00001', year: 2024, value: 4, councils: 2, approx: false },
			{ key: '2025:00001', year: 2025, value: 4, councils: 1, approx: false },
		]);
		const total = await series({ ...COMMUNES, form: 'total' }, ['2025:00001']);
		expect(total.map((p) => p.value)).toEqual([null, 4]);
	});

	test('a sum of metrics is the sum of its parts per council; the area counts the councils that reported', async () => {
		const sessions = { ...COMMUNES, measure: 'sessions_total' as const };
		expect((await series(sessions, ['2025:00001'])).map((p) => p.value)).toEqual([3, 3]);
		const area = await rows(db, areaYearsSql(sessions));
		expect(area.map((a) => [a.year, Number(a.value), a.councils, a.reporting])).toEqual([
			[2024, 3, 5, 3],
			[2025, 3, 3, 3],
		]);
	});
});
