import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { aggregateSql, reportedCountSql, unitValueSql } from '../../../src/db/measure-sql.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

let db: Connector;
beforeAll(async () => {
	db = await nodeConnector();
	await createSmallDataset(db, [
		{
			unit: '001',
			year: 2022,
			values: {
				sessions_regular: 2,
				sessions_thematic: 3,
				petitions_received: 100,
				petitions_resolved: 90,
			},
		},
		{
			unit: '002',
			year: 2022,
			values: {
				sessions_regular: 2,
				sessions_thematic: null,
				petitions_received: 50,
				petitions_resolved: null,
			},
		},
		{
			unit: '003',
			year: 2022,
			values: {
				sessions_regular: 3,
				sessions_thematic: 0,
				petitions_received: 0,
				petitions_resolved: 0,
			},
		},
	]);
});
afterAll(() => db.close());

const perUnit = (measure: Parameters<typeof unitValueSql>[0]) =>
	rows(db, `SELECT code, ${unitValueSql(measure)} AS v FROM yearly ORDER BY code`);

describe('a measure of one unit', () => {
	test('total sessions is missing when either part is missing, and zero only when both are zero-sum', async () => {
		expect(await perUnit('sessions_total')).toEqual([
			{ code: '001', v: 5 },
			{ code: '002', v: null },
			{ code: '003', v: 3 },
		]);
	});

	test('a rate with a missing part or a zero denominator is missing, not zero', async () => {
		expect(await perUnit('resolution_rate')).toEqual([
			{ code: '001', v: 0.9 },
			{ code: '002', v: null },
			{ code: '003', v: null },
		]);
		expect(await perUnit('thematic_share')).toEqual([
			{ code: '001', v: 0.6 },
			{ code: '002', v: null },
			{ code: '003', v: 0 },
		]);
	});
});

describe('a measure over units', () => {
	test('counts add up over the units that reported; a rate is a ratio of sums over units reporting both', async () => {
		const sql = `SELECT ${aggregateSql('sessions_regular')} AS regular, ${aggregateSql('sessions_total')} AS total,
			${aggregateSql('resolution_rate')} AS rate, ${reportedCountSql('resolution_rate')} AS rate_units,
			${aggregateSql('petitions_received')} AS received FROM yearly`;
		// Unit 002's 50 received petitions are left out of the rate: its resolved figure is missing.
		expect(await rows(db, sql)).toEqual([
			{ regular: 7, total: 8, rate: 90 / 100, rate_units: 1, received: 150 },
		]);
	});

	test('a group where nobody reported gives NULL, not zero', async () => {
		const sql = `SELECT ${aggregateSql('supervisions')} AS s, ${aggregateSql('resolution_rate')} AS r
			FROM yearly WHERE code = '002'`;
		expect(await rows(db, sql)).toEqual([{ s: null, r: null }]);
	});
});
