import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

let db: Connector;
beforeAll(async () => {
	db = await nodeConnector();
});
afterAll(() => db.close());

const on2025Units = (year: number, columns = 'code, supervisions, approx, contributors') =>
	rows(db, `SELECT ${columns} FROM yearly_2025 WHERE year = ${year} ORDER BY level, code`);

describe('re-aggregation onto the 2025 units', () => {
	test('full merges add up; a partial merge is split evenly and flagged', async () => {
		await createSmallDataset(db, [
			{ unit: '00101', year: 2024, values: { supervisions: 4 } },
			{ unit: '00102', year: 2024, values: { supervisions: 6 } },
			{ unit: '00103', year: 2024, values: { supervisions: 1 } },
			{ unit: '01', year: 2024, values: { supervisions: 10 } },
			{ unit: '02', year: 2024, values: { supervisions: 7 } },
		]);
		expect(await on2025Units(2024)).toEqual([
			{ code: '00001', supervisions: 4 + 6 / 2, approx: true, contributors: 2 },
			{ code: '00002', supervisions: 6 / 2 + 1, approx: true, contributors: 2 },
			// The two old provinces merged whole into the new one.
			{ code: '01', supervisions: 17, approx: false, contributors: 2 },
		]);
	});

	test('a figure is missing unless every contributing old unit reported it', async () => {
		await createSmallDataset(db, [
			{ unit: '00101', year: 2024, values: { supervisions: 4, surveys: 1 } },
			{ unit: '00102', year: 2024, values: { supervisions: 6, surveys: null } },
			// 00103 sent nothing for 2024.
			{ unit: '01', year: 2024, values: { supervisions: 10 } },
		]);
		expect(await on2025Units(2024, 'code, supervisions, surveys')).toEqual([
			{ code: '00001', supervisions: 7, surveys: null },
			{ code: '00002', supervisions: null, surveys: null },
			{ code: '01', supervisions: null, surveys: null }, // old province 02 did not report
		]);
	});

	test('years from 2025 pass through unchanged; a unit-year nobody reported has no row', async () => {
		await createSmallDataset(db, [
			{ unit: '00001', scheme: '2025', year: 2025, values: { supervisions: 9 } },
			{ unit: '00101', year: 2024, values: { supervisions: 2 } },
		]);
		expect(
			await rows(
				db,
				'SELECT unit_key, year, supervisions, approx FROM yearly_2025 ORDER BY year, code',
			),
		).toEqual([
			{ unit_key: '2025:00001', year: 2024, supervisions: null, approx: true },
			// 00002's contributors (00102, 00103) sent nothing for 2024: no row at all.
			{ unit_key: '2025:00001', year: 2025, supervisions: 9, approx: false },
		]);
	});

	test('the source kind says simulated when any contributor is simulated', async () => {
		await createSmallDataset(db, [
			{ unit: '00101', year: 2024, source: 'rep', values: { supervisions: 4 } },
			{ unit: '00102', year: 2024, source: 'sim', values: { supervisions: 6 } },
			{ unit: '00103', year: 2024, source: 'rep', values: { supervisions: 1 } },
		]);
		expect(await on2025Units(2024, 'code, source_kind')).toEqual([
			{ code: '00001', source_kind: 'simulated' },
			{ code: '00002', source_kind: 'simulated' },
		]);
	});
});
