import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { Coordinator } from '../../../src/db/coordinator.ts';
import { rowKeysSql, rowValuesSql } from '../../../src/db/unit-year-rows.ts';
import { UnitYearStore } from '../../../src/state/unit-year-store.ts';
import { loadedConnector } from '../../helpers/node-connector.ts';

let db: Connector;
beforeAll(async () => {
	db = (await loadedConnector()).db;
});
afterAll(async () => {
	await db.close();
});

/** Wait until `check` holds, polling between the store's idle-time reads. */
async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

describe('UnitYearStore', () => {
	test('reads the rows and a measure once wanted; another version of the data forgets them', async () => {
		const store = new UnitYearStore(new Coordinator(db));
		expect(store.values(0, 'supervisions', 'total', 'reported')).toBeNull();
		store.want(0, 'supervisions', 'total', 'reported');
		await until(() => store.values(0, 'supervisions', 'total', 'reported') !== null);
		const values = store.values(0, 'supervisions', 'total', 'reported')!;
		const row = values.rows.rowOf('2025:01', 2026);
		expect(row).toBeGreaterThanOrEqual(0);
		expect(values.value(row)).toEqual(expect.any(Number));
		expect(store.hasKeys(0, 'reported')).toBe(true);
		expect(store.hasKeys(0, 'units2025')).toBe(false);
		// A new version (an import, the simulated figures hidden): nothing held is trusted.
		expect(store.values(1, 'supervisions', 'total', 'reported')).toBeNull();
		expect(store.hasKeys(1, 'reported')).toBe(false);
	});

	test("a measure's values prefetched into the coordinator's cache are taken from it", async () => {
		const coordinator = new Coordinator(db);
		const store = new UnitYearStore(coordinator);
		store.want(0, 'supervisions', 'total', 'reported');
		await until(() => store.hasKeys(0, 'reported'));
		expect(store.hasValues(0, 'surveys', 'total', 'reported')).toBe(false);
		await coordinator.query(rowValuesSql('surveys', 'total', 'reported'));
		expect(store.hasValues(0, 'surveys', 'total', 'reported')).toBe(true);
		expect(store.values(0, 'surveys', 'total', 'reported')).not.toBeNull();
	});

	test('two measures wanted at once read the keys of their basis once', async () => {
		// The engine answers nothing until both reads have asked for the keys (as when it is busy).
		const asked: string[] = [];
		let open!: () => void;
		const gate = new Promise<void>((resolve) => (open = resolve));
		const gated: Connector = {
			...db,
			query: async (sql) => {
				asked.push(sql);
				await gate;
				return db.query(sql);
			},
		};
		const store = new UnitYearStore(new Coordinator(gated));
		store.want(0, 'supervisions', 'total', 'reported');
		store.want(0, 'surveys', 'total', 'reported');
		await new Promise((r) => setTimeout(r, 50));
		open();
		await until(
			() =>
				store.values(0, 'supervisions', 'total', 'reported') !== null &&
				store.values(0, 'surveys', 'total', 'reported') !== null,
		);
		expect(asked.filter((sql) => sql === rowKeysSql('reported'))).toHaveLength(1);
		expect(
			asked.filter((sql) => sql.startsWith('SELECT') && sql !== rowKeysSql('reported')),
		).toEqual([
			rowValuesSql('supervisions', 'total', 'reported'),
			rowValuesSql('surveys', 'total', 'reported'),
		]);
	});

	test('without a cache (the benchmark baseline) nothing is read', async () => {
		const store = new UnitYearStore(new Coordinator(db, { cache: false }));
		store.want(0, 'supervisions', 'total', 'reported');
		await new Promise((r) => setTimeout(r, 50));
		expect(store.hasKeys(0, 'reported')).toBe(false);
	});
});
