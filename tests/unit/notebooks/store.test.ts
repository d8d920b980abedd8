/** The own-notebooks store: records kept, replaced and deleted in IndexedDB, or in memory. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import {
	NOTEBOOK_RECORD_VERSION,
	memoryNotebooks,
	notebookId,
	openIndexedDbNotebooks,
	type StoredNotebook,
} from '../../../src/notebooks/store.ts';

const record = (id: string, name = 'Sổ tay'): StoredNotebook => ({
	version: NOTEBOOK_RECORD_VERSION,
	id,
	name,
	markdown: '```sql\nSELECT 1\n```\n',
	origin: 'new',
	approved: true,
	created: '2026-12-02T04:00:00.000Z',
	updated: '2026-12-02T04:00:00.000Z',
});

describe('notebook stores', () => {
	test.each([
		['IndexedDB', () => openIndexedDbNotebooks(new IDBFactory())],
		['memory', async () => memoryNotebooks()],
	])('%s keeps, replaces and deletes records, in id order', async (_, make) => {
		const store = await make();
		await store.put(record('mine-b'));
		await store.put(record('mine-a'));
		await store.put(record('mine-b', 'Đổi tên'));
		expect((await store.list()).map((r) => [r.id, r.name])).toEqual([
			['mine-a', 'Sổ tay'],
			['mine-b', 'Đổi tên'],
		]);
		await store.delete('mine-a');
		expect((await store.list()).map((r) => r.id)).toEqual(['mine-b']);
	});

	test('records survive reopening the database; records of a newer version are left alone', async () => {
		const factory = new IDBFactory();
		const first = await openIndexedDbNotebooks(factory, 'nb');
		await first.put(record('mine-a'));
		await first.put({ ...record('mine-z'), version: NOTEBOOK_RECORD_VERSION + 1 });
		const again = await openIndexedDbNotebooks(factory, 'nb');
		expect((await again.list()).map((r) => r.id)).toEqual(['mine-a']);
	});

	test('ids sort by time', () => {
		const a = notebookId(new Date('2026-12-02T04:00:00Z'), 'x');
		const c = notebookId(new Date('2026-12-02T05:00:00Z'), 'x');
		expect(a).toMatch(/^mine-20261202T040000000Z-[0-9a-z]{7,}$/);
		expect([c, a].sort()[0]).toBe(a);
	});
});
