/**
 * One file on its way in: read → columns matched → validated → imported or cancelled. Nothing reaches the
 * data until `commit()`, and a failed commit leaves the data as it was (see ImportLibrary).
 */
import { tableRows } from '../../db/table-rows.ts';
import { EXISTING_FACTS_SQL, UNITS_FOR_IMPORT_SQL } from '../../db/imports.ts';
import { parquetToIPC } from '../../db/parquet-browser.ts';
import { assembleTable, initialChoice, type SheetChoice } from '../../import/assemble.ts';
import type { ImportColumnId } from '../../import/columns.ts';
import { readImportFile, unreadable } from '../../import/read.ts';
import type { ReadSource } from '../../import/source.ts';
import { labelMapping } from '../../import/table-region.ts';
import type { ReadResult, Sheet } from '../../import/types.ts';
import { UnitCatalog } from '../../import/unit-catalog.ts';
import { UnitNames, type NamedUnit } from '../../import/unit-names.ts';
import { factKey, validateRows, type ValidationResult } from '../../import/validate.ts';
import type { DataStore } from '../../state/data.svelte.ts';
import { RECORD_VERSION, type StoredImport } from '../../state/import-store.ts';
import { importId, localTimestamp } from '../../state/imports.svelte.ts';

export type SessionStatus = 'idle' | 'reading' | 'read-failed' | 'checked' | 'importing' | 'done';

let catalog: Promise<{ catalog: UnitCatalog; names: UnitNames }> | null = null;

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

	readonly #data: DataStore;
	#existing = new Map<string, { kind: string; title: string }>();
	#generation = 0;

	constructor(data: DataStore) {
		this.#data = data;
	}

	get sheet(): Sheet | null {
		return this.table;
	}

	/** The file's sheets as read (several for a workbook). */
	get source(): ReadSource | null {
		return this.read?.ok ? (this.read.source ?? null) : null;
	}

	async #units(): Promise<{ catalog: UnitCatalog; names: UnitNames }> {
		const coordinator = this.#data.coordinator!;
		catalog ??= coordinator.query(UNITS_FOR_IMPORT_SQL).then((t) => {
			const rows = tableRows<NamedUnit>(t);
			return { catalog: new UnitCatalog(rows), names: new UnitNames(rows) };
		});
		// A failed query is not kept: the next file asks again.
		return catalog.catch((error: unknown) => {
			catalog = null;
			throw error;
		});
	}

	/**
	 * Take the table of the chosen sheets again (a header moved, a sheet added), then check it. Whatever
	 * goes wrong, the panel is left with an outcome: an unexpected error refuses the file with its reason.
	 */
	async #assemble(): Promise<void> {
		const read = this.read;
		if (!read?.ok) return;
		const source = read.source;
		if (!source) {
			this.table = read.sheet;
			this.mapping = labelMapping(read.sheet.headers);
			await this.validate();
			return;
		}
		const generation = this.#generation;
		let names: UnitNames;
		try {
			names = (await this.#units()).names;
		} catch (error) {
			if (generation === this.#generation) this.#refuse(error);
			return;
		}
		if (generation !== this.#generation) return;
		try {
			const assembled = assembleTable(source, this.choice, { units: names });
			this.table = assembled.sheet;
			this.mapping = assembled.mapping;
		} catch (error) {
			// A bug in taking the table must not leave the panel reading: the file is refused with it.
			const reason = error instanceof Error ? error.message : String(error);
			this.read = {
				ok: false,
				error: {
					code: 'unreadable',
					message: {
						vi: `Không đọc được bảng trong tệp (${reason}).`,
						en: `The table in the file could not be read (${reason}).`,
					},
				},
			};
			this.table = null;
			this.result = null;
			this.status = 'read-failed';
			return;
		}
		await this.validate();
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
			const source = read.source;
			this.choice = source ? initialChoice(source) : [];
			await this.#assemble();
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
		this.table = null;
		this.result = null;
		this.status = 'read-failed';
	}

	/** Check the rows again with the current mapping; an unexpected error refuses the file. */
	async validate(): Promise<void> {
		const sheet = this.sheet;
		if (!sheet) return;
		const generation = this.#generation;
		try {
			const { catalog: units } = await this.#units();
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
		this.table = null;
		this.choice = [];
		this.result = null;
		this.mapping = [];
		this.commitError = null;
	}
}
