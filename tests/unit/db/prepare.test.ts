import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';
import { createSmallDataset, type SmallFact } from '../../helpers/small-dataset.ts';

let db: Connector;
beforeAll(async () => {
	db = await nodeConnector();
});
afterAll(() => db.close());

const months = (
	unit: string,
	year: number,
	count: number,
	supervisions: (m: number) => number | null,
): SmallFact[] =>
	Array.from({ length: count }, (_, i) => ({
		unit,
		year,
		period: 'month' as const,
		month: i + 1,
		values: { supervisions: supervisions(i + 1), surveys: 1 },
	}));

describe('the prepared yearly table', () => {
	test('a reported figure beats a simulated one for the same unit-year', async () => {
		await createSmallDataset(db, [
			{ unit: '001', year: 2022, source: 'sim', values: { supervisions: 9, surveys: 4 } },
			{ unit: '001', year: 2022, source: 'rep', values: { supervisions: 13 } },
		]);
		expect(
			await rows(db, 'SELECT unit_key, year, supervisions, surveys, source_kind FROM yearly'),
		).toEqual([
			{
				unit_key: '2023:001',
				year: 2022,
				supervisions: 13,
				surveys: null,
				source_kind: 'reported',
			},
		]);
	});

	test("only the unit's own full-year figures count: sums over sub-units and terms stay out", async () => {
		await createSmallDataset(db, [
			{ unit: '001', year: 2022, scope: 'subunits', values: { supervisions: 177 } },
			{ unit: '002', year: 2021, period: 'term', values: { supervisions: 60 } },
			{ unit: '003', year: 2022, period: 'h1', values: { supervisions: 4 } },
		]);
		expect(await rows(db, 'SELECT * FROM yearly')).toEqual([]);
	});

	test('twelve months make a year; a metric missing in any month is missing for the year', async () => {
		await createSmallDataset(db, [
			...months('001', 2023, 12, (m) => m),
			...months('002', 2023, 12, (m) => (m === 7 ? null : 1)),
			...months('003', 2023, 11, () => 1),
		]);
		expect(await rows(db, 'SELECT code, supervisions, surveys FROM yearly ORDER BY code')).toEqual([
			{ code: '001', supervisions: 78, surveys: 12 },
			{ code: '002', supervisions: null, surveys: 12 },
			// 003 reported only eleven months: no year at all.
		]);
	});

	test('twelve rows are not a year when a month is repeated and another missing', async () => {
		const twelve = months('001', 2023, 12, () => 1);
		twelve[11] = { ...twelve[11]!, month: 1 };
		await createSmallDataset(db, [...twelve, ...months('002', 2023, 12, () => 2)]);
		expect(await rows(db, 'SELECT code, supervisions FROM yearly ORDER BY code')).toEqual([
			{ code: '002', supervisions: 24 },
		]);
	});

	test('a full-year row wins over the roll-up of months from the same source', async () => {
		await createSmallDataset(db, [
			...months('001', 2023, 12, () => 1),
			{ unit: '001', year: 2023, values: { supervisions: 20 } },
		]);
		expect(await rows(db, 'SELECT supervisions FROM yearly')).toEqual([{ supervisions: 20 }]);
	});

	test('unoptimised, yearly is a view over facts with the same rows', async () => {
		const { prepareSql } = await import('../../../src/db/prepare.ts');
		await createSmallDataset(db, [{ unit: '001', year: 2022, values: { supervisions: 9 } }]);
		for (const sql of prepareSql(false)) await db.exec(sql);
		expect(
			await rows(
				db,
				"SELECT table_type FROM information_schema.tables WHERE table_name = 'yearly'",
			),
		).toEqual([{ table_type: 'VIEW' }]);
		expect(await rows(db, 'SELECT supervisions FROM yearly')).toEqual([{ supervisions: 9 }]);
	});
});
