/**
 * The user's targets, kept in the browser (IndexedDB, a database of its own so that the imports' database
 * keeps its version) until removed. Where IndexedDB is refused, they live in memory for the session.
 */
import type { Target } from './target.ts';

export interface TargetStore {
	readonly persistent: boolean;
	list(): Promise<Target[]>;
	put(target: Target): Promise<void>;
	delete(id: string): Promise<void>;
}

const DB_NAME = 'hdnd-targets';
const STORE = 'targets';

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

const byId = (a: Target, b: Target) => a.id.localeCompare(b.id);

/** The IndexedDB store; rejects when IndexedDB cannot be opened. */
export async function openIndexedDbTargets(
	factory: IDBFactory = globalThis.indexedDB,
): Promise<TargetStore> {
	if (!factory) throw new Error('IndexedDB is not available');
	const open = factory.open(DB_NAME, 1);
	open.onupgradeneeded = () => {
		if (!open.result.objectStoreNames.contains(STORE))
			open.result.createObjectStore(STORE, { keyPath: 'id' });
	};
	const db = await request(open);
	return {
		persistent: true,
		async list() {
			const tx = db.transaction(STORE, 'readonly');
			return ((await request(tx.objectStore(STORE).getAll())) as Target[]).sort(byId);
		},
		async put(target) {
			const tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).put(plainCopy(target));
			await done(tx);
		},
		async delete(id) {
			const tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).delete(id);
			await done(tx);
		},
	};
}

/** A plain copy (a Svelte state proxy cannot be cloned into IndexedDB). */
function plainCopy(target: Target): Target {
	return JSON.parse(JSON.stringify(target)) as Target;
}

/** Targets in memory only. */
export function memoryTargets(): TargetStore {
	const targets = new Map<string, Target>();
	return {
		persistent: false,
		list: async () => [...targets.values()].sort(byId),
		put: async (t) => void targets.set(t.id, plainCopy(t)),
		delete: async (id) => void targets.delete(id),
	};
}

/** IndexedDB where it works, memory otherwise. */
export async function openTargetStore(): Promise<TargetStore> {
	try {
		return await openIndexedDbTargets();
	} catch {
		return memoryTargets();
	}
}
