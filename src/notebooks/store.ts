/**
 * The user's own notebooks, kept in the browser (IndexedDB, a database of their own so the imports'
 * schema is never touched) until the user deletes them: one record per notebook with its name and
 * Markdown. Where IndexedDB is missing or refused (some private windows) they live in memory for the
 * session and the page says so.
 */
import { recordId } from '../state/import-store.ts';
import { memoryRecordStore, openRecordStore, type RecordStore } from '../state/idb.ts';

/** Bumped when the record shape changes in a way old code cannot read; old records are migrated. */
export const NOTEBOOK_RECORD_VERSION = 1;

export interface StoredNotebook {
	version: number;
	/** `mine-<time>-<hash>`: sorts by creation, never equal to a bundled notebook's file name. */
	id: string;
	/** Shown in the list; set at creation from the title or file name, changed by renaming. */
	name: string;
	markdown: string;
	/** How it came: made here, opened from a .md file, or saved from a shared link. */
	origin: 'new' | 'file' | 'shared';
	/**
	 * Whether its SQL runs as soon as it is opened. A notebook that came from someone else (a file or
	 * a link) waits until the user chooses to run it once.
	 */
	approved: boolean;
	/** ISO timestamps. */
	created: string;
	updated: string;
}

/** Where own notebooks are kept: IndexedDB, or memory for the session. */
export type NotebookStore = RecordStore<StoredNotebook>;

const DB_NAME = 'hdnd-notebooks';
const STORE = 'notebooks';

/**
 * A record id that sorts by time: `mine-20261202T040512123Z-1a2b3c4` (the imports' form, so the hash
 * is written once). Two notebooks of the same text in the same millisecond would share it: the caller
 * moves the time on until the id is free.
 */
export function notebookId(date: Date, content: string): string {
	return recordId('mine', date, content);
}

function isRecord(value: unknown): value is StoredNotebook {
	const r = value as Partial<StoredNotebook> | null;
	return (
		!!r &&
		typeof r.id === 'string' &&
		typeof r.name === 'string' &&
		typeof r.markdown === 'string' &&
		typeof r.version === 'number' &&
		r.version <= NOTEBOOK_RECORD_VERSION
	);
}

/** The IndexedDB store; rejects when IndexedDB cannot be opened. */
export function openIndexedDbNotebooks(
	factory: IDBFactory = globalThis.indexedDB,
	name = DB_NAME,
): Promise<NotebookStore> {
	return openRecordStore<StoredNotebook>(factory, name, STORE, isRecord);
}

/** Records in memory only (for the session). */
export function memoryNotebooks(): NotebookStore {
	return memoryRecordStore<StoredNotebook>();
}

/** IndexedDB where it works, memory otherwise. */
export async function openNotebookStore(): Promise<NotebookStore> {
	try {
		return await openIndexedDbNotebooks();
	} catch {
		return memoryNotebooks();
	}
}
