/**
 * The console's copy follows the dashboard's data on a real DuckDB: imports (a term total among them)
 * land in `facts`, `figures` and `yearly` with their `source_kind`; removing one and hiding the simulated
 * figures are followed too; a copy the user broke keeps what it held when the change cannot apply.
 */
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import type { ImportBatch } from '../../../src/db/imports.ts';
import {
	BUNDLED,
	changeSql,
	DatasetFollower,
	type DatasetState,
} from '../../../src/db/workspace-data.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

let db: Connector;
afterAll(() => db?.close());
beforeEach(async () => {
	db ??= await nodeConnector();
	await db.exec('DROP TABLE IF EXISTS facts_simulated_hidden');
	await createSmallDataset(db, [
		{ unit: '001', year: 2022, values: { supervisions: 9 } },
		{ unit: '002', year: 2022, source: 'rep', values: { supervisions: 13 } },
	]);
});

const batch = (id: string, facts: Partial<ImportBatch['facts'][number]>[]): ImportBatch => ({
	id,
	fileName: `${id}.csv`,
	importedAt: '2026-11-23T14:05:12+07:00',
	facts: facts.map((f, i) => ({
		row: i + 2,
		unit_code: '001',
		scheme: '2023',
		year: 2023,
		period: 'year',
		month: null,
		term: null,
		scope: 'own',
		values: { supervisions: 5 },
		qualifier: null,
		note: null,
		...f,
	})),
});

const YEAR = batch('import-20261123T070512000Z-a', [{ values: { supervisions: 21 } }]);
const TERM = batch('import-20261123T080512000Z-b', [
	{ year: null, period: 'term', term: '2021-2026', values: { supervisions: 140 } },
]);

describe('the console follows the dashboard', () => {
	test('nothing to do when the states agree', () => {
		expect(changeSql(BUNDLED, { batches: [], showSimulated: true })).toEqual([]);
	});

	test('imports land with their source kind; a term total is in figures, not in yearly', async () => {
		const follower = new DatasetFollower();
		follower.set({ batches: [YEAR, TERM], showSimulated: true });
		await follower.load(db);
		expect(
			await rows(
				db,
				`SELECT code, year, supervisions, source_kind FROM yearly WHERE source_kind = 'imported'`,
			),
		).toEqual([{ code: '001', year: 2023, supervisions: 21, source_kind: 'imported' }]);
		expect(
			await rows(
				db,
				`SELECT period, term, supervisions FROM figures WHERE source_kind = 'imported' ORDER BY period`,
			),
		).toEqual([
			{ period: 'term', term: '2021-2026', supervisions: 140 },
			{ period: 'year', term: null, supervisions: 21 },
		]);
		expect(await rows(db, `SELECT DISTINCT source_kind FROM figures ORDER BY 1`)).toEqual([
			{ source_kind: 'imported' },
			{ source_kind: 'reported' },
			{ source_kind: 'simulated' },
		]);
	});

	test('a removed import and the simulated switch are followed on a started copy', async () => {
		const follower = new DatasetFollower();
		follower.set({ batches: [YEAR, TERM], showSimulated: true });
		await follower.load(db);
		const next: DatasetState = { batches: [TERM], showSimulated: false };
		follower.set(next);
		expect(await follower.follow(db)).toBe(true);
		expect(
			await rows(
				db,
				`SELECT source_kind, COUNT(*)::INTEGER AS n FROM figures GROUP BY 1 ORDER BY 1`,
			),
		).toEqual([
			{ source_kind: 'imported', n: 1 },
			{ source_kind: 'reported', n: 1 },
		]);
		expect(await rows(db, `SELECT COUNT(*)::INTEGER AS n FROM facts_simulated_hidden`)).toEqual([
			{ n: 1 },
		]);
		// Already there: nothing more to apply.
		expect(await follower.follow(db)).toBe(false);
	});

	test('a copy the user broke keeps what it held, and says so by throwing', async () => {
		const follower = new DatasetFollower();
		follower.set({ batches: [], showSimulated: true });
		await follower.load(db);
		await db.exec('DROP TABLE sources');
		follower.set({ batches: [YEAR], showSimulated: true });
		await expect(follower.follow(db)).rejects.toThrow();
		expect(await rows(db, `SELECT COUNT(*)::INTEGER AS n FROM facts`)).toEqual([{ n: 2 }]);
	});
});
