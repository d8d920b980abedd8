/**
 * One report under review: its source as the user confirms it, the figures read from it with the
 * user's corrections and rejections, and how its accepting went. State only; the session (see
 * extract-session.svelte.ts) reads, extracts and stores.
 */
import type { FigureProblem } from '../../extract/to-import.ts';
import type { ExtractedFigure, ExtractionResult } from '../../extract/types.ts';
import type { Bilingual } from '../../model/metrics.ts';
import { parseDayMonthYear } from './figure-text.ts';

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
