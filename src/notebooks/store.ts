/**
 * The user's own notebooks, kept in the browser (IndexedDB, a database of their own so the imports'
 * schema is never touched) until the user deletes them: one record per notebook with its name and
 * Markdown. Where IndexedDB is missing or refused (some private windows) they live in memory for the
 * session and the page says so.
 */
import { done, request } from '../state/idb.ts';

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

export interface NotebookStore {
	/** Whether records survive a reload. */
	readonly persistent: boolean;
	list(): Promise<StoredNotebook[]>;
	put(record: StoredNotebook): Promise<void>;
	delete(id: string): Promise<void>;
}

const DB_NAME = 'hdnd-notebooks';
const STORE = 'notebooks';

/** A record id that sorts by time: `mine-20261202T040512123Z-1a2b3c4`. */
export function notebookId(date: Date, content: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < content.length; i++) {
		hash ^= content.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	// A random part too: two notebooks made from the same text in the same millisecond stay apart.
	hash ^= Math.floor(Math.random() * 0xffffffff);
	const stamp = date.toISOString().replace(/[-:.]/g, '');
	return `mine-${stamp}-${(hash >>> 0).toString(36).padStart(7, '0')}`;
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

const byId = (a: StoredNotebook, b: StoredNotebook) => a.id.localeCompare(b.id);

/** The IndexedDB store; rejects when IndexedDB cannot be opened. */
export async function openIndexedDbNotebooks(
	factory: IDBFactory = globalThis.indexedDB,
	name = DB_NAME,
): Promise<NotebookStore> {
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
			const records: unknown[] = await request(tx.objectStore(STORE).getAll());
			// A record this version cannot read (written by a newer one) is left in place, not shown.
			return records.filter(isRecord).sort(byId);
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
export function memoryNotebooks(): NotebookStore {
	const records = new Map<string, StoredNotebook>();
	return {
		persistent: false,
		list: async () => [...records.values()].map((r) => structuredClone(r)).sort(byId),
		put: async (record) => void records.set(record.id, structuredClone(record)),
		delete: async (id) => void records.delete(id),
	};
}

/** IndexedDB where it works, memory otherwise. */
export async function openNotebookStore(): Promise<NotebookStore> {
	try {
		return await openIndexedDbNotebooks();
	} catch {
		return memoryNotebooks();
	}
}
