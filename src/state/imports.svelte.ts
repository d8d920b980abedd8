/**
 * The user's imported datasets and the "hide simulated figures" choice, kept in step between DuckDB and
 * the browser's storage. Every change goes to DuckDB first, in one transaction with the rebuild of the
 * prepared tables; only when that has succeeded is the browser's copy written. A failed change therefore
 * leaves both as they were.
 */
import type { Coordinator } from '../db/coordinator.ts';
import { applyDataChange } from '../db/imports.ts';
import {
	openImportStore,
	recordId,
	type ImportStore,
	type StoredImport,
	type StoredReport,
} from './import-store.ts';

export { localTimestamp } from './import-store.ts';

/** A source id that sorts by import time: import-20261123T070512123Z-1a2b3c. */
export function importId(date: Date, content: string): string {
	return recordId('import', date, content);
}

export interface RestoreOptions {
	optimised: boolean;
	showSimulated: boolean;
}

export class ImportLibrary {
	/** The imports in DuckDB, oldest first. */
	records: StoredImport[] = $state.raw([]);
	showSimulated = $state(true);
	/** Stored imports that could not be applied at start-up (kept in storage, listed with the reason). */
	failed: { record: StoredImport; reason: string }[] = $state.raw([]);
	/** False when the browser refused storage: imports last only for this session. */
	persistent = $state(true);
	busy = $state(false);

	#store: ImportStore | null = null;
	#coordinator: Coordinator | null = null;
	#optimised = true;
	readonly #changed: () => Promise<void>;

	/** `changed` runs after every successful change (the data store re-reads sources, views re-query). */
	constructor(changed: () => Promise<void>) {
		this.#changed = changed;
	}

	/**
	 * After the bundled data has loaded: apply the stored imports and the simulated choice. An import that
	 * fails is left out and reported, never lost from storage.
	 */
	async restore(coordinator: Coordinator, options: RestoreOptions): Promise<void> {
		this.#coordinator = coordinator;
		this.#optimised = options.optimised;
		this.showSimulated = options.showSimulated;
		this.#store = await openImportStore();
		this.persistent = this.#store.persistent;
		const stored = await this.#store.list().catch((): StoredImport[] => []);
		if (stored.length === 0 && options.showSimulated) return;
		const applied: StoredImport[] = [];
		const failed: { record: StoredImport; reason: string }[] = [];
		try {
			await applyDataChange(coordinator, {
				add: stored,
				showSimulated: options.showSimulated ? undefined : false,
				optimised: this.#optimised,
			});
			applied.push(...stored);
		} catch {
			// One bad record must not keep the others out: apply them one by one.
			for (const record of stored) {
				try {
					await applyDataChange(coordinator, { add: [record], optimised: this.#optimised });
					applied.push(record);
				} catch (error) {
					failed.push({ record, reason: error instanceof Error ? error.message : String(error) });
				}
			}
			if (!options.showSimulated) {
				try {
					await applyDataChange(coordinator, { showSimulated: false, optimised: this.#optimised });
				} catch {
					this.showSimulated = true;
				}
			}
		}
		this.records = applied;
		this.failed = failed;
	}

	#require(): { coordinator: Coordinator; store: ImportStore } {
		if (!this.#coordinator || !this.#store) throw new Error('the data is not loaded yet');
		return { coordinator: this.#coordinator, store: this.#store };
	}

	async #run(task: () => Promise<void>): Promise<void> {
		this.busy = true;
		try {
			await task();
			await this.#changed();
		} finally {
			this.busy = false;
		}
	}

	/** The stored text and evidence of a report's accepted figures, by its source id; null otherwise. */
	reportOf(id: string): StoredReport | null {
		return this.records.find((r) => r.id === id)?.report ?? null;
	}

	/** Add an import: DuckDB first (all or nothing), then storage; if storage fails, DuckDB is undone. */
	async add(record: StoredImport): Promise<void> {
		const { coordinator, store } = this.#require();
		await this.#run(async () => {
			await applyDataChange(coordinator, { add: [record], optimised: this.#optimised });
			try {
				await store.put(record);
			} catch (error) {
				await applyDataChange(coordinator, { remove: [record.id], optimised: this.#optimised });
				throw error;
			}
			this.records = [...this.records, record];
		});
	}

	/** Remove an import from DuckDB and from storage. */
	async remove(id: string): Promise<void> {
		const { coordinator, store } = this.#require();
		await this.#run(async () => {
			if (this.records.some((r) => r.id === id)) {
				await applyDataChange(coordinator, { remove: [id], optimised: this.#optimised });
			}
			await store.delete(id);
			this.records = this.records.filter((r) => r.id !== id);
			this.failed = this.failed.filter((f) => f.record.id !== id);
		});
	}

	/** Show or hide the simulated figures everywhere. */
	async setShowSimulated(show: boolean): Promise<void> {
		if (show === this.showSimulated) return;
		const { coordinator } = this.#require();
		await this.#run(async () => {
			await applyDataChange(coordinator, { showSimulated: show, optimised: this.#optimised });
			this.showSimulated = show;
		});
	}
}
