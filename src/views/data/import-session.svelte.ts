/**
 * One file on its way in: read → columns matched → validated → imported or cancelled. Nothing reaches the
 * data until `commit()`, and a failed commit leaves the data as it was (see ImportLibrary).
 */
import type { Table } from 'apache-arrow';
import { tableRows } from '../../db/table-rows.ts';
import { EXISTING_FACTS_SQL, UNITS_FOR_IMPORT_SQL } from '../../db/imports.ts';
import type { SheetChoice } from '../../import/assemble.ts';
import type { Checked, Opened, Phase } from '../../import/check-job.ts';
import type { ImportColumnId } from '../../import/columns.ts';
import { unreadable } from '../../import/read.ts';
import type { ReadSource } from '../../import/source.ts';
import type { ReadError, ReadResult, Sheet } from '../../import/types.ts';
import { factKey, type ValidationResult } from '../../import/validate.ts';
import type { DataStore } from '../../state/data.svelte.ts';
import { RECORD_VERSION, type StoredImport } from '../../state/import-store.ts';
import { importId, localTimestamp } from '../../state/imports.svelte.ts';
import { CheckStopped, ImportChecker } from './import-checker.ts';
import { LocalChecker } from './local-checker.ts';

export type SessionStatus = 'idle' | 'reading' | 'read-failed' | 'checked' | 'importing' | 'done';

/** How far the worker is with the file: reading it, then checking its rows. */
export interface CheckProgress {
	phase: Phase;
	done: number;
	total: number;
}

let unitRows: Promise<Table> | null = null;

export class ImportSession {
	status: SessionStatus = $state('idle');
	fileName = $state('');
	read: ReadResult | null = $state.raw(null);
	/** The table being checked: the chosen sheets, their header rows, the title block's defaults. */
	table: Sheet | null = $state.raw(null);
	/** The sheets read and where their headers are (see assemble.ts). */
	choice: SheetChoice[] = $state.raw([]);
	mapping: (ImportColumnId | null)[] = $state([]);
	result: ValidationResult | null = $state.raw(null);
	/** The error of the last commit, if it failed. */
	commitError: string | null = $state(null);
	/** Rows imported by the last commit. */
	importedRows = $state(0);
	/** The worker's progress while it reads or checks; null when it is not working. */
	progress: CheckProgress | null = $state.raw(null);

	readonly #data: DataStore;
	/** Reading and checking run in a worker: the page answers while a hostile file is checked. */
	readonly #checker =
		typeof Worker === 'undefined'
			? new LocalChecker(() => this.#units())
			: new ImportChecker(() => this.#units());
	#generation = 0;

	constructor(data: DataStore) {
		this.#data = data;
	}

	get sheet(): Sheet | null {
		return this.table;
	}

	/** Why the file was refused; null while it is being read and when it was read. */
	get readError(): ReadError | null {
		return this.read && !this.read.ok ? this.read.error : null;
	}

	/** The file's sheets as read (several for a workbook). */
	get source(): ReadSource | null {
		return this.read?.ok ? (this.read.source ?? null) : null;
	}

	/** The unit lists for the checker, asked of the data once per page. */
	#units(): Promise<Table> {
		unitRows ??= this.#data.coordinator!.query(UNITS_FOR_IMPORT_SQL);
		// A failed query is not kept: the next file asks again.
		return unitRows.catch((error: unknown) => {
			unitRows = null;
			throw error;
		});
	}

	/**
	 * Run a step in the worker for the current file, showing its progress. Resolves undefined when a newer
	 * file or Cancel replaced it; refuses the file, with the reason, when the worker fails.
	 */
	async #step<T>(
		run: (progress: (phase: Phase, done: number, total: number) => void) => Promise<T>,
	) {
		const generation = this.#generation;
		const current = () => generation === this.#generation;
		try {
			const value = await run((phase, done, total) => {
				if (current()) this.progress = { phase, done, total };
			});
			return current() ? value : undefined;
		} catch (error) {
			if (current() && !(error instanceof CheckStopped && error.reason === 'cancelled')) {
				this.#refuse(error);
			}
			return undefined;
		} finally {
			if (current()) this.progress = null;
		}
	}

	#show(checked: Checked): void {
		this.table = checked.table;
		this.mapping = checked.mapping;
		this.result = checked.result;
		this.status = 'checked';
	}

	/** Take the table of the chosen sheets again (a header moved, a sheet added), then check it. */
	async #assemble(): Promise<void> {
		if (!this.read?.ok) return;
		const choice = $state.snapshot(this.choice);
		const checked = await this.#step((progress) =>
			this.#checker.request<Checked>({ type: 'assemble', choice }, progress),
		);
		if (checked) this.#show(checked);
	}

	/** Read these sheets (indexes into the file's sheets), each with its header found anew. */
	async chooseSheets(sheets: readonly number[]): Promise<void> {
		if (sheets.length === 0) return;
		this.choice = sheets.map((sheet) => this.choice.find((c) => c.sheet === sheet) ?? { sheet });
		await this.#assemble();
	}

	/** Put the header of a chosen sheet at another row (an index into its rows), `height` rows tall. */
	async moveHeader(sheet: number, index: number, height: number): Promise<void> {
		this.choice = this.choice.map((c) =>
			c.sheet === sheet ? { sheet, header: { index, height } } : c,
		);
		await this.#assemble();
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
		this.table = null;
		this.result = null;
		this.commitError = null;
		this.progress = { phase: 'read', done: 0, total: file.bytes.length };
		try {
			const existing = await this.#existingFacts();
			if (generation !== this.#generation) return;
			const { bytes } = file;
			// The bytes move to the worker rather than being copied, when they are a whole buffer.
			const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
			const opened = await this.#step((progress) =>
				this.#checker.request<Opened>(
					{
						type: 'open',
						bytes,
						existing: existing.map((r) => [factKey(r), { kind: r.kind, title: r.title }]),
					},
					progress,
					whole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [],
				),
			);
			if (!opened || generation !== this.#generation) return;
			this.read = opened.read;
			this.choice = opened.choice;
			if (opened.checked) this.#show(opened.checked);
			else this.status = 'read-failed';
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
		this.read =
			error instanceof CheckStopped
				? { ok: false, error: { code: 'unreadable', message: error.text } }
				: unreadable(error);
		this.table = null;
		this.result = null;
		this.status = 'read-failed';
	}

	/** Check the rows again with the current mapping, in the worker. */
	async validate(): Promise<void> {
		if (!this.sheet) return;
		const mapping = $state.snapshot(this.mapping);
		const result = await this.#step((progress) =>
			this.#checker.request<ValidationResult>({ type: 'validate', mapping }, progress),
		);
		if (result) {
			this.result = result;
			this.status = 'checked';
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

	/** Forget the file, ending its reading or checking at once; nothing of it was used. */
	cancel(): void {
		this.#generation++;
		if (this.progress) this.#checker.cancel();
		this.progress = null;
		this.status = 'idle';
		this.read = null;
		this.table = null;
		this.choice = [];
		this.result = null;
		this.mapping = [];
		this.commitError = null;
	}
}
