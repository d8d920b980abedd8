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
import { figuresToImport, type ToImportInput } from '../../extract/to-import.ts';
import type { GazetteerUnit } from '../../extract/types.ts';
import { UnitCatalog, type UnitRef } from '../../import/unit-catalog.ts';
import { factKey } from '../../import/validate.ts';
import type { DataStore } from '../../state/data.svelte.ts';
import { formatIsoDate } from './figure-text.ts';
import { gazetteerUnits } from './gazetteer-units.ts';
import { ReportDoc, ReviewFigure } from './report-doc.svelte.ts';

export type { FigureState } from './report-doc.svelte.ts';
export { ReportDoc, ReviewFigure };

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
