/**
 * The whole import path in Node, as the panel drives it: bytes → read → columns → check → commit into
 * DuckDB (the app's Coordinator, ImportLibrary and SQL), with words a plain object inherits in every text
 * field. The session never stays on "reading", and whatever is committed is plain text in the tables.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Connector } from '../../../../src/db/connector.ts';
import { Coordinator } from '../../../../src/db/coordinator.ts';
import { IMPORT_COLUMNS } from '../../../../src/import/columns.ts';
import { formatCsv } from '../../../../src/import/csv.ts';
import type { DataStore } from '../../../../src/state/data.svelte.ts';
import { ImportLibrary } from '../../../../src/state/imports.svelte.ts';
import { ImportSession } from '../../../../src/views/data/import-session.svelte.ts';
import { INHERITED_KEYS } from '../../../helpers/hostile.ts';
import { nodeConnector, rows } from '../../../helpers/node-connector.ts';
import { createSmallDataset } from '../../../helpers/small-dataset.ts';

// The browser's parquet-wasm build cannot load in Node; these files are CSV.
vi.mock('../../../../src/db/parquet-browser.ts', () => ({
	parquetToIPC: () => Promise.reject(new Error('no Parquet in this test')),
}));

let db: Connector;
beforeAll(async () => {
	db = await nodeConnector();
});
afterAll(() => db.close());
beforeEach(() =>
	createSmallDataset(db, [{ unit: '001', year: 2022, source: 'sim', values: { supervisions: 9 } }]),
);

async function store(coordinator: Coordinator): Promise<DataStore> {
	const imports = new ImportLibrary(async () => {});
	await imports.restore(coordinator, { optimised: true, showSimulated: true });
	return { coordinator, imports } as unknown as DataStore;
}

const GOOD: Record<string, string> = {
	unit_code: '002',
	unit_name: 'Huyện Bốn',
	scheme: '2023',
	year: '2022',
	period: 'Cả năm',
	scope: 'Của chính HĐND cấp này',
	note: 'theo báo cáo năm',
	sessions_regular: '2',
};

/** A CSV with the template's headers: one row per column, that column holding `word`. */
function csvWith(word: string): Uint8Array {
	const headers = IMPORT_COLUMNS.map((c) => c.header.vi);
	const body = IMPORT_COLUMNS.map((target, i) =>
		IMPORT_COLUMNS.map((c) => {
			if (c.id === target.id) return word;
			// Each row a different year so that the accepted rows are not duplicates of each other.
			if (c.id === 'year') return String(2000 + i);
			return GOOD[c.id] ?? '';
		}),
	);
	return new TextEncoder().encode(formatCsv([headers, ...body]));
}

describe.each(INHERITED_KEYS)('a file with "%s" in every field', (word) => {
	test('is checked, its valid rows committed as plain text, the rest refused', async () => {
		const coordinator = new Coordinator(db);
		const session = new ImportSession(await store(coordinator));
		await session.open({ name: `${word}.csv`, bytes: csvWith(word) });
		expect(session.status).toBe('checked');
		expect(session.readError).toBeNull();
		const result = session.result!;
		// Name and note take any text; every other field refuses the word (a count too).
		const accepted = result.accepted.map((f) => f.row);
		const column = (row: number) => IMPORT_COLUMNS[row - 2]!.id;
		expect(accepted.map(column).sort()).toEqual(['note', 'unit_name']);
		expect(result.rejectedRows).toHaveLength(IMPORT_COLUMNS.length - 2);

		expect(await session.commit()).toBe(true);
		expect(session.status).toBe('done');
		const stored = await rows(
			db,
			`SELECT f.unit_code, f.period, f.scope, f.qualifier, f.note FROM facts f JOIN sources s ON s.id = f.source_id
			 WHERE s.kind = 'imported' ORDER BY f.year`,
		);
		expect(stored).toEqual([
			...[...accepted]
				.sort((a, b) => a - b)
				.map((row) => ({
					unit_code: '002',
					period: 'year',
					scope: 'own',
					qualifier: null,
					note: column(row) === 'note' ? `Dòng ${row}: ${word}` : `Dòng ${row}: theo báo cáo năm`,
				})),
		]);
	});
});

describe('the session never stays on "reading"', () => {
	test('a checker that fails refuses the file with its reason', async () => {
		// A fresh module: the unit list the other tests read is cached there.
		vi.resetModules();
		const { ImportSession: FreshSession } =
			await import('../../../../src/views/data/import-session.svelte.ts');
		const coordinator = new Coordinator(db);
		const data = await store(coordinator);
		// The unit list cannot be read: checking throws.
		const broken = {
			...data,
			coordinator: {
				query: (sql: string) =>
					sql.includes('FROM units')
						? Promise.reject(new Error('the engine stopped'))
						: coordinator.query(sql),
			},
		} as unknown as DataStore;
		const session = new FreshSession(broken);
		await session.open({ name: 'so-lieu.csv', bytes: csvWith('2') });
		expect(session.status).toBe('read-failed');
		expect(session.read).toEqual({
			ok: false,
			error: {
				code: 'unreadable',
				message: {
					vi: 'Không đọc được tệp (the engine stopped).',
					en: 'The file could not be read (the engine stopped).',
				},
			},
		});
		// The panel shows this reason, by its code, in its alert.
		expect(session.readError?.code).toBe('unreadable');
	});
});
