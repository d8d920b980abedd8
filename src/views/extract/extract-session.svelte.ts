/**
 * The extraction screen's state: reports brought in (pasted, or files in a queue), the figures the
 * extractor read from each, the user's corrections and rejections, and the accepting of what is left.
 * Nothing reaches the data until `accept()`, which stores the report like an import (same validation,
 * same storage, same removal) through the data store's ImportLibrary.
 */
import { tableRows } from '../../db/table-rows.ts';
import { EXISTING_FACTS_SQL, UNITS_FOR_IMPORT_SQL } from '../../db/imports.ts';
import { extractFigures } from '../../extract/extract.ts';
import { readReportFile } from '../../extract/read/read-report.ts';
import {
	figuresToImport,
	type FigureProblem,
	type ToImportInput,
} from '../../extract/to-import.ts';
import type { ExtractedFigure, ExtractionResult, GazetteerUnit } from '../../extract/types.ts';
import { UnitCatalog, type UnitRef } from '../../import/unit-catalog.ts';
import { factKey } from '../../import/validate.ts';
import type { Bilingual } from '../../model/metrics.ts';
import type { DataStore } from '../../state/data.svelte.ts';
import { formatIsoDate, parseDayMonthYear } from './figure-text.ts';
import { gazetteerUnits } from './gazetteer-units.ts';

/** Where a figure stands in the review; drawn in its colour in the text and the list. */
export type FigureState = 'pending' | 'accepted' | 'rejected' | 'corrected';

/** The parts of a figure the user can correct; a change in any of them makes it "corrected". */
const EDITABLE: (keyof ExtractedFigure)[] = [
	'metric',
	'value',
	'qualifier',
	'scope',
	'unitKey',
	'period',
];

/** One figure under review: as read, as corrected, and whether it is kept. */
export class ReviewFigure {
	readonly original: ExtractedFigure;
	figure: ExtractedFigure;
	rejected = $state(false);
	accepted = $state(false);

	constructor(figure: ExtractedFigure) {
		this.original = figure;
		this.figure = $state.raw(figure);
	}

	get id(): string {
		return this.original.id;
	}

	get corrected(): boolean {
		return EDITABLE.some(
			(key) => JSON.stringify(this.figure[key]) !== JSON.stringify(this.original[key]),
		);
	}

	get state(): FigureState {
		if (this.rejected) return 'rejected';
		if (this.accepted) return 'accepted';
		return this.corrected ? 'corrected' : 'pending';
	}

	/** Replace the figure with the user's correction (the evidence and its offsets stay). */
	correct(changes: Partial<ExtractedFigure>): void {
		this.figure = { ...this.figure, ...changes };
	}
}

/** The report's source as the user confirms it; the date as typed (dd/mm/yyyy). */
export interface SourceFields {
	title: string;
	publisher: string;
	date: string;
	url: string;
	/** The file it came from; null for pasted text. */
	fileName: string | null;
}

export type DocStatus = 'waiting' | 'reading' | 'ready' | 'error' | 'accepting' | 'accepted';

let nextDoc = 1;

/** One report: a file in the queue or a pasted text, then its figures under review. */
export class ReportDoc {
	readonly id = `doc${nextDoc++}`;
	/** The file name, or null for pasted text. */
	readonly fileName: string | null;
	status: DocStatus = $state('waiting');
	/** Why the file could not be read. */
	error: Bilingual | null = $state.raw(null);
	/** Something to know although the file was read (PDF pages without text). */
	notice: Bilingual | null = $state.raw(null);
	result: ExtractionResult | null = $state.raw(null);
	figures: ReviewFigure[] = $state.raw([]);
	source: SourceFields = $state({ title: '', publisher: '', date: '', url: '', fileName: null });
	/** The figure shown, and which side chose it (the other side scrolls to it). */
	selected: string | null = $state(null);
	selectedFrom: 'text' | 'list' = $state('list');
	/** What went wrong when accepting (nothing was stored then). */
	acceptError: string | null = $state(null);
	acceptProblems: FigureProblem[] = $state.raw([]);
	/** Figures stored by the accept, and the source id they were stored under. */
	storedCount = $state(0);
	storedId: string | null = $state(null);

	constructor(fileName: string | null) {
		this.fileName = fileName;
		this.source.fileName = fileName;
	}

	get kept(): ReviewFigure[] {
		return this.figures.filter((f) => !f.rejected);
	}

	figure(id: string | null): ReviewFigure | undefined {
		return id === null ? undefined : this.figures.find((f) => f.id === id);
	}

	select(id: string | null, from: 'text' | 'list'): void {
		this.selectedFrom = from;
		this.selected = id;
	}

	/** The date field read as ISO: null when empty, undefined when it is not a date. */
	get isoDate(): string | null | undefined {
		return parseDayMonthYear(this.source.date);
	}
}

/** A file's name without its extension, as a fallback title. */
function stem(name: string): string {
	return name
		.replace(/\.[^.]+$/, '')
		.replace(/[_-]+/g, ' ')
		.trim();
}

/** The browser's PDF text reader, loaded only when a PDF comes (pdf.js is large). */
async function pdfReader() {
	const module = await import('../../extract/read/pdf-browser.ts');
	return module.browserPdfReader();
}

type ExistingFacts = NonNullable<ToImportInput['existing']>;

export class ExtractSession {
	docs: ReportDoc[] = $state([]);
	currentId: string | null = $state(null);
	/** The unit catalogue the accept path validates against; null until loaded. */
	catalog: UnitCatalog | null = $state.raw(null);
	existing: ExistingFacts = $state.raw(new Map());

	readonly #data: DataStore;
	#gazetteer: GazetteerUnit[] | null = null;
	#queue: Promise<void> = Promise.resolve();

	constructor(data: DataStore) {
		this.#data = data;
	}

	get current(): ReportDoc | null {
		return this.docs.find((d) => d.id === this.currentId) ?? null;
	}

	/** Load what checking and accepting need (the unit catalogue, the facts already there). */
	async prepare(): Promise<void> {
		const coordinator = this.#data.coordinator;
		if (!coordinator) return;
		const [catalog] = await Promise.all([
			coordinator.query(UNITS_FOR_IMPORT_SQL).then((t) => new UnitCatalog(tableRows<UnitRef>(t))),
			this.#loadExisting(),
		]);
		this.catalog = catalog;
	}

	async #loadExisting(): Promise<void> {
		const coordinator = this.#data.coordinator;
		if (!coordinator) return;
		try {
			const rows = tableRows<Parameters<typeof factKey>[0] & { kind: string; title: string }>(
				await coordinator.query(EXISTING_FACTS_SQL),
			);
			this.existing = new Map(
				rows.map((r) => [factKey(r), { kind: r.kind, title: r.title }]),
			) as ExistingFacts;
		} catch {
			// The "already in the data" warnings are a help, not a condition.
		}
	}

	#units(): GazetteerUnit[] {
		this.#gazetteer ??= gazetteerUnits(this.#data.units.all());
		return this.#gazetteer;
	}

	#extract(doc: ReportDoc, text: string, title: string | null): void {
		const result = extractFigures(text, { units: this.#units(), title, date: null });
		doc.result = result;
		doc.figures = result.figures.map((f) => new ReviewFigure(f));
		doc.source.title ||= result.context.title ?? title ?? '';
		doc.source.date ||= formatIsoDate(result.context.date);
		doc.selected = null;
		doc.status = 'ready';
	}

	/** Extract the figures of a pasted text and open it for review. */
	pasteText(text: string): ReportDoc {
		const doc = new ReportDoc(null);
		this.docs = [...this.docs, doc];
		this.#extract(doc, text, null);
		this.currentId = doc.id;
		return doc;
	}

	/** Queue files; they are read one after another, and the first one read opens for review. */
	addFiles(files: readonly { name: string; bytes: Uint8Array }[]): void {
		for (const file of files) {
			const doc = new ReportDoc(file.name);
			this.docs = [...this.docs, doc];
			this.#queue = this.#queue.then(() => this.#read(doc, file.bytes));
		}
	}

	async #read(doc: ReportDoc, bytes: Uint8Array): Promise<void> {
		doc.status = 'reading';
		try {
			const name = doc.fileName ?? '';
			const pdf = /\.pdf$/i.test(name) ? await pdfReader() : undefined;
			const read = await readReportFile(bytes, name, { pdf });
			if (!read.ok) {
				doc.error = read.error.message;
				doc.status = 'error';
				return;
			}
			doc.notice = read.notice ?? null;
			this.#extract(doc, read.text, read.title ?? stem(name));
			if (!this.current || this.current.status === 'accepted') this.currentId = doc.id;
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			doc.error = {
				vi: `Không đọc được tệp (${detail}).`,
				en: `The file could not be read (${detail}).`,
			};
			doc.status = 'error';
		}
	}

	open(doc: ReportDoc): void {
		this.currentId = doc.id;
	}

	/** Forget a report that was not accepted (nothing of it was used). */
	discard(doc: ReportDoc): void {
		this.docs = this.docs.filter((d) => d !== doc);
		if (this.currentId === doc.id) this.currentId = null;
	}

	/** What accepting the report now would store, and the problems of its figures. */
	check(doc: ReportDoc): ReturnType<typeof figuresToImport> | null {
		const result = doc.result;
		if (!this.catalog || !result) return null;
		return figuresToImport({
			text: result.text,
			figures: doc.kept.map((f) => f.figure),
			source: {
				title: doc.source.title.trim(),
				publisher: doc.source.publisher.trim() || null,
				date: doc.isoDate ?? null,
				url: doc.source.url.trim() || null,
				fileName: doc.fileName,
			},
			units: this.catalog,
			existing: this.existing,
			now: new Date(),
		});
	}

	/** Store the figures not rejected; resolves true when they are in the data. */
	async accept(doc: ReportDoc): Promise<boolean> {
		if (doc.status !== 'ready') return false;
		doc.acceptError = null;
		doc.acceptProblems = [];
		if (!this.catalog) await this.prepare();
		const checked = this.check(doc);
		if (!checked?.record) {
			doc.acceptProblems = checked?.problems ?? [];
			doc.acceptError = 'nothing';
			return false;
		}
		doc.status = 'accepting';
		try {
			await this.#data.imports.add(checked.record);
		} catch (error) {
			doc.acceptError = error instanceof Error ? error.message : String(error);
			doc.status = 'ready';
			return false;
		}
		const refused = new Set(
			checked.problems.filter((p) => p.severity === 'error').map((p) => p.figureId),
		);
		for (const f of doc.kept) f.accepted = !refused.has(f.id);
		doc.storedCount = doc.kept.filter((f) => f.accepted).length;
		doc.storedId = checked.record.id;
		doc.status = 'accepted';
		await this.#loadExisting();
		return true;
	}
}
