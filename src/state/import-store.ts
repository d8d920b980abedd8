/**
 * Imported datasets kept in the browser (IndexedDB) until the user removes them: one record per import
 * with its file name, import time, header mapping and accepted rows, as plain objects (IndexedDB stores
 * them by structured clone, no serialisation of ours). Where IndexedDB is missing or refused (some
 * private windows), imports live in memory for the session and the page says so.
 */
import type { ImportBatch } from '../db/imports.ts';

/** Bumped when the record shape changes; older records are read by a migration, never dropped silently. */
export const RECORD_VERSION = 1;

export interface StoredImport extends ImportBatch {
	version: number;
	format: string;
	/** Rows of the file below the header, and how many were rejected or empty. */
	totalRows: number;
	rejectedRows: number;
	/** How the file's headers were read: header text → contract column (null: ignored). */
	mapping: { header: string; column: string | null }[];
}

export interface ImportStore {
	/** Whether records survive a reload. */
	readonly persistent: boolean;
	list(): Promise<StoredImport[]>;
	put(record: StoredImport): Promise<void>;
	delete(id: string): Promise<void>;
}

const DB_NAME = 'hdnd-dashboard';
const STORE = 'imports';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

/** The IndexedDB store; rejects when IndexedDB cannot be opened. */
export async function openIndexedDbStore(
	factory: IDBFactory = globalThis.indexedDB,
	name = DB_NAME,
): Promise<ImportStore> {
	if (!factory) throw new Error('IndexedDB is not available');
	const open = factory.open(name, 1);
	open.onupgradeneeded = () => {
		if (!open.result.objectStoreNames.contains(STORE)) {
			open.result.createObjectStore(STORE, { keyPath: 'id' });
		}
	};
	const db = await request(open);
	return {
		persistent: true,
		async list() {
			const tx = db.transaction(STORE, 'readonly');
			const records = (await request(tx.objectStore(STORE).getAll())) as StoredImport[];
			return records.sort((a, b) => a.id.localeCompare(b.id));
		},
		async put(record) {
			const tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).put(record);
			await done(tx);
		},
		async delete(id) {
			const tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).delete(id);
			await done(tx);
		},
	};
}

/** Records in memory only (for the session). */
export function memoryStore(): ImportStore {
	const records = new Map<string, StoredImport>();
	return {
		persistent: false,
		list: async () => [...records.values()].sort((a, b) => a.id.localeCompare(b.id)),
		put: async (record) => void records.set(record.id, structuredClone(record)),
		delete: async (id) => void records.delete(id),
	};
}

/** IndexedDB where it works, memory otherwise. */
export async function openImportStore(): Promise<ImportStore> {
	try {
		return await openIndexedDbStore();
	} catch {
		return memoryStore();
	}
}
