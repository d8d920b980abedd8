/**
 * One file on its way in: read → columns matched → validated → imported or cancelled. Nothing reaches the
 * data until `commit()`, and a failed commit leaves the data as it was (see ImportLibrary).
 */
import { tableRows } from '../../db/table-rows.ts';
import { EXISTING_FACTS_SQL, UNITS_FOR_IMPORT_SQL } from '../../db/imports.ts';
import { parquetToIPC } from '../../db/parquet-browser.ts';
import { autoMapping, type ImportColumnId } from '../../import/columns.ts';
import { readImportFile, unreadable } from '../../import/read.ts';
import type { ReadResult, Sheet } from '../../import/types.ts';
import { UnitCatalog, type UnitRef } from '../../import/unit-catalog.ts';
import { factKey, validateRows, type ValidationResult } from '../../import/validate.ts';
import type { DataStore } from '../../state/data.svelte.ts';
import { RECORD_VERSION, type StoredImport } from '../../state/import-store.ts';
import { importId, localTimestamp } from '../../state/imports.svelte.ts';

export type SessionStatus = 'idle' | 'reading' | 'read-failed' | 'checked' | 'importing' | 'done';

let catalog: Promise<UnitCatalog> | null = null;

export class ImportSession {
	status: SessionStatus = $state('idle');
	fileName = $state('');
	read: ReadResult | null = $state.raw(null);
	mapping: (ImportColumnId | null)[] = $state([]);
	result: ValidationResult | null = $state.raw(null);
	/** The error of the last commit, if it failed. */
	commitError: string | null = $state(null);
	/** Rows imported by the last commit. */
	importedRows = $state(0);

	readonly #data: DataStore;
	#existing = new Map<string, { kind: string; title: string }>();
	#generation = 0;

	constructor(data: DataStore) {
		this.#data = data;
	}

	get sheet(): Sheet | null {
		return this.read?.ok ? this.read.sheet : null;
	}

	async #units(): Promise<UnitCatalog> {
		const coordinator = this.#data.coordinator!;
		catalog ??= coordinator
			.query(UNITS_FOR_IMPORT_SQL)
			.then((t) => new UnitCatalog(tableRows<UnitRef>(t)));
		// A failed query is not kept: the next file asks again.
		return catalog.catch((error: unknown) => {
			catalog = null;
			throw error;
		});
	}

	/**
	 * Read a file the user dropped or chose; a newer file replaces an older one still being read. Whatever
	 * goes wrong, the panel leaves "reading": an unexpected error refuses the file with its reason.
	 */
	async open(file: { name: string; bytes: Uint8Array }): Promise<void> {
		const generation = ++this.#generation;
		this.status = 'reading';
		this.fileName = file.name;
		this.read = null;
		this.result = null;
		this.commitError = null;
		try {
			const [read, existing] = await Promise.all([
				readImportFile(file.bytes, { decodeParquet: parquetToIPC }),
				this.#existingFacts(),
			]);
			if (generation !== this.#generation) return;
			this.#existing = new Map(existing.map((r) => [factKey(r), { kind: r.kind, title: r.title }]));
			this.read = read;
			if (!read.ok) {
				this.status = 'read-failed';
				return;
			}
			this.mapping = autoMapping(read.sheet.headers);
			await this.validate();
		} catch (error) {
			if (generation === this.#generation) this.#refuse(error);
		} finally {
			// Never left on "reading" by a path that forgot to set the outcome.
			if (generation === this.#generation && this.status === 'reading') {
				this.#refuse(new Error('no result'));
			}
		}
	}

	/** The facts already in the data, for the "already imported" warnings; none when the query fails. */
	async #existingFacts() {
		return (
			this.#data
				.coordinator!.query(EXISTING_FACTS_SQL)
				.then((t) =>
					tableRows<{
						scheme: string;
						unit_code: string;
						period: string;
						year: number | null;
						month: number | null;
						term: string | null;
						scope: string;
						kind: string;
						title: string;
					}>(t),
				)
				// The warnings are a help, not a condition: without them, validate anyway.
				.catch(() => [])
		);
	}

	/** Refuse the file with the reason of an unexpected error; nothing of it is used. */
	#refuse(error: unknown): void {
		this.read = unreadable(error);
		this.result = null;
		this.status = 'read-failed';
	}

	/** Check the rows again with the current mapping; an unexpected error refuses the file. */
	async validate(): Promise<void> {
		const sheet = this.sheet;
		if (!sheet) return;
		const generation = this.#generation;
		try {
			const units = await this.#units();
			if (generation !== this.#generation) return;
			this.result = validateRows({
				sheet,
				mapping: this.mapping,
				units,
				existing: this.#existing,
			});
			this.status = 'checked';
		} catch (error) {
			if (generation === this.#generation) this.#refuse(error);
		}
	}

	/** Use another column for one header (null: ignore it); a column taken elsewhere is freed there. */
	async remap(index: number, column: ImportColumnId | null): Promise<void> {
		this.mapping = this.mapping.map((c, i) =>
			i === index ? column : column !== null && c === column ? null : c,
		);
		await this.validate();
	}

	/** Import the accepted rows. Resolves true when they are in the data. */
	async commit(): Promise<boolean> {
		const sheet = this.sheet;
		const result = this.result;
		if (!sheet || !result || result.accepted.length === 0) return false;
		this.status = 'importing';
		this.commitError = null;
		const now = new Date();
		const record: StoredImport = {
			version: RECORD_VERSION,
			id: importId(now, `${this.fileName}|${result.accepted.length}|${now.getTime()}`),
			fileName: this.fileName,
			importedAt: localTimestamp(now),
			format: sheet.format,
			totalRows: result.totalRows,
			rejectedRows: result.rejectedRows.length,
			mapping: sheet.headers.map((header, i) => ({ header, column: this.mapping[i] ?? null })),
			facts: $state.snapshot(result.accepted),
		};
		try {
			await this.#data.imports.add(record);
			this.importedRows = record.facts.length;
			this.status = 'done';
			return true;
		} catch (error) {
			this.commitError = error instanceof Error ? error.message : String(error);
			this.status = 'checked';
			return false;
		}
	}

	/** Forget the file; nothing of it was used. */
	cancel(): void {
		this.#generation++;
		this.status = 'idle';
		this.read = null;
		this.result = null;
		this.mapping = [];
		this.commitError = null;
	}
}
