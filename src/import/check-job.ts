/**
 * The reading and checking of a dropped file, as the import worker runs it (issue 16: on the page's
 * thread a file of 1,000 unknown codes froze the page for 94 s). Messages in, messages out, no DOM, so
 * that Node tests drive it as the worker does. The job keeps what the next step needs: the unit lists
 * (once per worker), the facts already in the data and the file last read (once per file), so that
 * moving a header or a column sends only the change.
 */
import type { Bilingual } from '../model/metrics.ts';
import { assembleTable, initialChoice, type SheetChoice } from './assemble.ts';
import type { ImportColumnId } from './columns.ts';
import type { ParquetDecoder } from './parquet.ts';
import { readImportFile, unreadable } from './read.ts';
import { labelMapping } from './table-region.ts';
import type { ReadResult, Sheet } from './types.ts';
import { UnitCatalog } from './unit-catalog.ts';
import { UnitNames, type NamedUnit } from './unit-names.ts';
import { validateRows, type ValidationResult } from './validate.ts';

/** What the page asks of the worker. Each request with an `id` gets one `done` or `failed` reply. */
export type CheckRequest =
	| { type: 'units'; units: NamedUnit[] }
	| {
			type: 'open';
			id: number;
			bytes: Uint8Array;
			/** Facts already in the data by key (see factKey), for the "already imported" warnings. */
			existing: [string, { kind: string; title: string }][];
	  }
	| { type: 'assemble'; id: number; choice: SheetChoice[] }
	| { type: 'validate'; id: number; mapping: (ImportColumnId | null)[] };

/** A file checked: the table taken, its columns, and the check's result. */
export interface Checked {
	table: Sheet;
	mapping: (ImportColumnId | null)[];
	result: ValidationResult;
}

/** What `open` answers: the file as read and, when it could be read, its table checked. */
export interface Opened {
	read: ReadResult;
	choice: SheetChoice[];
	checked: Checked | null;
}

export type Phase = 'read' | 'check';

export type CheckReply =
	| { type: 'progress'; id: number; phase: Phase; done: number; total: number }
	| { type: 'done'; id: number; value: Opened | Checked | ValidationResult }
	| { type: 'failed'; id: number; message: Bilingual };

export class CheckJob {
	readonly #decodeParquet: ParquetDecoder;
	#units: { catalog: UnitCatalog; names: UnitNames } | null = null;
	#existing = new Map<string, { kind: string; title: string }>();
	#read: ReadResult | null = null;
	#table: Sheet | null = null;

	constructor(decodeParquet: ParquetDecoder) {
		this.#decodeParquet = decodeParquet;
	}

	/** Answer one request; never throws (an unexpected error is a `failed` reply with its reason). */
	async handle(request: CheckRequest, post: (reply: CheckReply) => void): Promise<void> {
		if (request.type === 'units') {
			this.#units = {
				catalog: new UnitCatalog(request.units),
				names: new UnitNames(request.units),
			};
			return;
		}
		const { id } = request;
		try {
			const progress = (phase: Phase, done: number, total: number) =>
				post({ type: 'progress', id, phase, done, total });
			let value: Opened | Checked | ValidationResult;
			if (request.type === 'open') {
				this.#existing = new Map(request.existing);
				value = await this.#open(request.bytes, progress);
			} else if (request.type === 'assemble') {
				value = this.#assemble(request.choice, progress);
			} else {
				value = this.#validate(request.mapping, progress);
			}
			post({ type: 'done', id, value });
		} catch (error) {
			post({ type: 'failed', id, message: unreadable(error).error.message });
		}
	}

	#catalog() {
		if (!this.#units) throw new Error('the unit lists were not sent');
		return this.#units;
	}

	async #open(
		bytes: Uint8Array,
		progress: (phase: Phase, done: number, total: number) => void,
	): Promise<Opened> {
		this.#read = null;
		this.#table = null;
		progress('read', 0, bytes.length);
		const read = await readImportFile(bytes, { decodeParquet: this.#decodeParquet });
		this.#read = read;
		if (!read.ok) return { read, choice: [], checked: null };
		const choice = read.source ? initialChoice(read.source) : [];
		return { read, choice, checked: this.#assemble(choice, progress) };
	}

	/** Take the table of the chosen sheets (or the file's one table), then check it. */
	#assemble(
		choice: SheetChoice[],
		progress: (phase: Phase, done: number, total: number) => void,
	): Checked {
		const read = this.#read;
		if (!read?.ok) throw new Error('no file was read');
		let table: Sheet;
		let mapping: (ImportColumnId | null)[];
		if (read.source) {
			({ sheet: table, mapping } = assembleTable(read.source, choice, {
				units: this.#catalog().names,
			}));
		} else {
			table = read.sheet;
			mapping = labelMapping(read.sheet.headers);
		}
		this.#table = table;
		return { table, mapping, result: this.#validate(mapping, progress) };
	}

	#validate(
		mapping: (ImportColumnId | null)[],
		progress: (phase: Phase, done: number, total: number) => void,
	): ValidationResult {
		const table = this.#table;
		if (!table) throw new Error('no table was taken');
		const total = table.rows.length;
		progress('check', 0, total);
		const result = validateRows({
			sheet: table,
			mapping,
			units: this.#catalog().catalog,
			existing: this.#existing,
			onProgress: (done) => progress('check', done, total),
		});
		progress('check', total, total);
		return result;
	}
}
