import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { mediansSql, peersSql } from '../../../src/db/peer-queries.ts';
import type { ViewFilters } from '../../../src/db/queries.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

let db: Connector;
const filters: ViewFilters = {
	province: null,
	level: 'commune',
	yearFrom: 2023,
	yearTo: 2024,
	measure: 'supervisions',
	basis: 'reported',
	brush: null,
};

beforeAll(async () => {
	db = await nodeConnector();
	// District 002 has communes 00102 and 00103; district 001 has 00101. Peers of 00102: 00102, 00103.
	await createSmallDataset(db, [
		{
			unit: '00101',
			year: 2023,
			values: { supervisions: 9, petitions_received: 10, petitions_resolved: 5 },
		},
		{
			unit: '00102',
			year: 2023,
			values: { supervisions: 4, petitions_received: 10, petitions_resolved: null },
		},
		{
			unit: '00103',
			year: 2023,
			values: { supervisions: 4, petitions_received: 20, petitions_resolved: 15 },
		},
		{ unit: '00102', year: 2024, values: { supervisions: 6 } },
		{ unit: '001', year: 2024, values: { supervisions: 12 } },
		{ unit: '002', year: 2024, values: { supervisions: 8 } },
		{ unit: '003', year: 2024, values: { supervisions: 3 } },
	]);
});
afterAll(() => db.close());

describe('peersSql', () => {
	test('peers share level and parent; ties share a rank; an unreported year has no rank', async () => {
		const peers = (await rows(db, peersSql(filters, '2023:00102'))).map(
			({ source_kind, approx, councils, ...rest }) => {
				expect(source_kind).toBe(rest.value === null ? null : 'simulated');
				// As reported, every figure is one council's own, never an estimate.
				expect([approx, councils]).toEqual([false, rest.value === null ? null : 1]);
				return rest;
			},
		);
		expect(peers).toEqual([
			{ unit_key: '2023:00102', year: 2023, value: 4, rank: 1, reporting: 2 },
			{ unit_key: '2023:00103', year: 2023, value: 4, rank: 1, reporting: 2 },
			{ unit_key: '2023:00102', year: 2024, value: 6, rank: 1, reporting: 1 },
			{ unit_key: '2023:00103', year: 2024, value: null, rank: null, reporting: 1 },
		]);
	});

	test('districts of different provinces are not peers', async () => {
		const districts = { ...filters, level: 'district' as const, yearFrom: 2024 };
		const peers = await rows(
			db,
			`SELECT * EXCLUDE (source_kind, approx, councils) FROM (${peersSql(districts, '2023:001')})`,
		);
		expect(peers).toEqual([
			{ unit_key: '2023:001', year: 2024, value: 12, rank: 1, reporting: 2 },
			{ unit_key: '2023:002', year: 2024, value: 8, rank: 2, reporting: 2 },
		]);
	});

	test('a rate with a missing part is missing, so the unit is not ranked that year', async () => {
		const sql = peersSql({ ...filters, measure: 'resolution_rate', yearTo: 2023 }, '2023:00102');
		const rates = await rows(
			db,
			`SELECT * EXCLUDE (source_kind, approx, councils) FROM (${sql}) ORDER BY unit_key`,
		);
		expect(rates).toEqual([
			{ unit_key: '2023:00102', year: 2023, value: null, rank: null, reporting: 1 },
			{ unit_key: '2023:00103', year: 2023, value: 0.75, rank: 1, reporting: 1 },
		]);
	});
});

describe('mediansSql', () => {
	test("the parent's median over its units and the national median of the level, over reporting units", async () => {
		expect(await rows(db, mediansSql(filters, '2023:00102'))).toEqual([
			{ year: 2023, parent_median: 4, national_median: 4, national_reporting: 3 },
			{ year: 2024, parent_median: 6, national_median: 6, national_reporting: 1 },
		]);
		const districts = { ...filters, level: 'district' as const, yearFrom: 2024 };
		expect(await rows(db, mediansSql(districts, '2023:003'))).toEqual([
			// Province 02 has one district (003); nationally the median of 12, 8 and 3 is 8.
			{ year: 2024, parent_median: 3, national_median: 8, national_reporting: 3 },
		]);
	});
});
