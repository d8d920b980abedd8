import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import {
	memoryStore,
	openIndexedDbStore,
	type StoredImport,
} from '../../../src/state/import-store.ts';
import { importId, localTimestamp } from '../../../src/state/imports.svelte.ts';

const record = (id: string): StoredImport => ({
	version: 1,
	id,
	fileName: 'thach-that.csv',
	importedAt: '2026-11-23T14:05:12+07:00',
	format: 'csv',
	totalRows: 3,
	rejectedRows: 1,
	mapping: [{ header: 'Mã đơn vị', column: 'unit_code' }],
	facts: [
		{
			row: 2,
			unit_code: '276',
			scheme: '2023',
			year: 2023,
			period: 'year',
			month: null,
			term: null,
			scope: 'own',
			values: { supervisions: 21, surveys: null },
			qualifier: null,
			note: null,
		},
	],
});

describe('the import store', () => {
	test('IndexedDB keeps records across openings until they are deleted', async () => {
		const factory = new IDBFactory();
		const first = await openIndexedDbStore(factory);
		expect(first.persistent).toBe(true);
		await first.put(record('import-b'));
		await first.put(record('import-a'));
		// A new page load opens the database again.
		const second = await openIndexedDbStore(factory);
		expect((await second.list()).map((r) => r.id)).toEqual(['import-a', 'import-b']);
		expect((await second.list())[0]).toEqual(record('import-a'));
		await second.delete('import-a');
		expect((await (await openIndexedDbStore(factory)).list()).map((r) => r.id)).toEqual([
			'import-b',
		]);
	});

	test('memory store (storage refused): same interface, not persistent', async () => {
		const store = memoryStore();
		expect(store.persistent).toBe(false);
		await store.put(record('import-a'));
		expect(await store.list()).toEqual([record('import-a')]);
		await store.delete('import-a');
		expect(await store.list()).toEqual([]);
	});

	test('import ids sort by time; timestamps carry the local offset', () => {
		const a = importId(new Date('2026-11-23T07:05:12.000Z'), 'x');
		const b = importId(new Date('2026-11-23T07:05:13.000Z'), 'x');
		expect(a).toMatch(/^import-20261123T070512000Z-[0-9a-z]{7}$/);
		expect(a < b).toBe(true);
		// The unit tests run with TZ=Asia/Ho_Chi_Minh.
		expect(localTimestamp(new Date('2026-11-23T07:05:12.000Z'))).toBe('2026-11-23T14:05:12+07:00');
	});
});
