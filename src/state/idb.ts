/** IndexedDB's callback requests as promises, shared by the stores that keep records in the browser. */

/** The result of one request. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** Resolves once a transaction has committed; rejects when it fails or is aborted. */
export function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

/** Records with an id, kept in the browser: listed in id order, replaced whole, deleted by id. */
export interface RecordStore<T extends { id: string }> {
	/** Whether records survive a reload. */
	readonly persistent: boolean;
	list(): Promise<T[]>;
	put(record: T): Promise<void>;
	delete(id: string): Promise<void>;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/**
 * The object store `store` (keyed by `id`) of the database `name`, created on first use; rejects when
 * IndexedDB cannot be opened. `readable` picks the records this code can read: others (written by a
 * newer version) stay stored but are not listed.
 */
export async function openRecordStore<T extends { id: string }>(
	factory: IDBFactory,
	name: string,
	store: string,
	readable: (value: unknown) => boolean = () => true,
): Promise<RecordStore<T>> {
	if (!factory) throw new Error('IndexedDB is not available');
	const open = factory.open(name, 1);
	open.onupgradeneeded = () => {
		if (!open.result.objectStoreNames.contains(store)) {
			open.result.createObjectStore(store, { keyPath: 'id' });
		}
	};
	const db = await request(open);
	return {
		persistent: true,
		async list() {
			const tx = db.transaction(store, 'readonly');
			const records: unknown[] = await request(tx.objectStore(store).getAll());
			return (records.filter(readable) as T[]).sort(byId);
		},
		async put(record) {
			const tx = db.transaction(store, 'readwrite');
			tx.objectStore(store).put(record);
			await done(tx);
		},
		async delete(id) {
			const tx = db.transaction(store, 'readwrite');
			tx.objectStore(store).delete(id);
			await done(tx);
		},
	};
}

/** Records in memory only (for the session), for where IndexedDB is missing or refused. */
export function memoryRecordStore<T extends { id: string }>(): RecordStore<T> {
	const records = new Map<string, T>();
	return {
		persistent: false,
		list: async () => [...records.values()].sort(byId),
		put: async (record) => void records.set(record.id, structuredClone(record)),
		delete: async (id) => void records.delete(id),
	};
}
