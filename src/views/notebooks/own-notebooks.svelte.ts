/**
 * The user's own notebooks as the page sees them: the stored records, kept in step with the store on
 * every change, and whether writes are still on their way (`saving`, which tests and the page wait on).
 * A failed write is said, and the notebook stays on the page as it is.
 */
import type { Bilingual } from '../../model/metrics.ts';
import {
	NOTEBOOK_RECORD_VERSION,
	notebookId,
	openNotebookStore,
	type NotebookStore,
	type StoredNotebook,
} from '../../notebooks/store.ts';

/** The longest name kept. */
export const MAX_NAME = 120;

const SAVE_FAILED: Bilingual = {
	vi: 'Không lưu được sổ tay vào trình duyệt (bộ nhớ đầy hoặc bị chặn): các thay đổi chỉ còn đến khi đóng trang. Hãy tải về tệp .md.',
	en: 'The notebook could not be saved in the browser (storage full or blocked): changes last only until the page is closed. Download the .md file.',
};

export class OwnNotebooks {
	records: StoredNotebook[] = $state([]);
	loaded = $state(false);
	persistent = $state(true);
	/** Writes started and not yet finished. */
	pending = $state(0);
	error: Bilingual | null = $state(null);
	#store: NotebookStore | null = null;

	async load(): Promise<void> {
		this.#store = await openNotebookStore();
		this.persistent = this.#store.persistent;
		try {
			this.records = await this.#store.list();
		} catch {
			this.records = [];
		}
		this.loaded = true;
	}

	get(id: string): StoredNotebook | undefined {
		return this.records.find((r) => r.id === id);
	}

	/** Add a notebook; returns its record. */
	add(
		name: string,
		markdown: string,
		origin: StoredNotebook['origin'],
		approved: boolean,
	): StoredNotebook {
		const now = new Date();
		let id = notebookId(now, markdown);
		for (let ms = 1; this.get(id); ms++) id = notebookId(new Date(now.getTime() + ms), markdown);
		const record: StoredNotebook = {
			version: NOTEBOOK_RECORD_VERSION,
			id,
			name: name.trim().slice(0, MAX_NAME) || 'Sổ tay',
			markdown,
			origin,
			approved,
			created: now.toISOString(),
			updated: now.toISOString(),
		};
		this.records = [...this.records, record];
		this.#write(record);
		return record;
	}

	/** Change some fields of a notebook and store it. */
	update(id: string, change: Partial<Pick<StoredNotebook, 'name' | 'markdown' | 'approved'>>) {
		const index = this.records.findIndex((r) => r.id === id);
		if (index < 0) return;
		const record = { ...this.records[index]!, ...change, updated: new Date().toISOString() };
		if (change.name !== undefined) record.name = change.name.trim().slice(0, MAX_NAME);
		this.records[index] = record;
		this.#write(record);
	}

	remove(id: string): void {
		this.records = this.records.filter((r) => r.id !== id);
		this.#track(this.#store?.delete(id));
	}

	#write(record: StoredNotebook): void {
		// A plain copy: IndexedDB clones the value and cannot clone Svelte's state proxies.
		this.#track(this.#store?.put($state.snapshot(record)));
	}

	#track(write: Promise<void> | undefined): void {
		if (!write) return;
		this.pending++;
		write
			.then(() => (this.error = null))
			.catch(() => (this.error = SAVE_FAILED))
			.finally(() => this.pending--);
	}
}
