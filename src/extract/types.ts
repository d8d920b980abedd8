/**
 * Shapes of report extraction: what a figure read from a report's prose carries (metric, value,
 * qualifier, unit, scope, period) and the evidence that states it. No DOM, no DuckDB: the same module
 * runs in the browser and in `npm run extract`.
 */
import type { MetricId } from '../model/metrics.ts';
import type { Scheme, UnitLevel } from '../model/units.ts';

/**
 * What a figure counts: a metric of the catalogue, or one of the two totals reports state directly
 * (sessions of both kinds together; the share of petitions resolved, in percent).
 */
export type ExtractMetricId = MetricId | 'sessions_total' | 'petition_resolution_rate';

/**
 * How exact the figure is: as stated, a lower bound ("trên", "hơn"), approximate ("gần", "khoảng"),
 * or counted from the start of a term or period up to the report ("từ đầu nhiệm kỳ đến nay").
 */
export type ExtractQualifier = 'exact' | 'at_least' | 'approx' | 'cumulative';

/** Whose figure it is: the council's own, or the sum over the councils below it. */
export type ExtractScope = 'own' | 'subunits';

/** The period a figure covers, as the report gives it. */
export type ExtractPeriodKind = 'year' | 'h1' | 'm9' | 'quarter' | 'month' | 'term' | 'span';

export interface ExtractedPeriod {
	kind: ExtractPeriodKind;
	/** Calendar year (null for a term, or a span across years). */
	year: number | null;
	/** 1–12 for a month. */
	month: number | null;
	/** 1–4 for a quarter. */
	quarter: number | null;
	/** `2016-2021`, `2021-2026`, `2026-2031` for a term. */
	term: string | null;
	/** ISO dates of a span (`from` may be null when the text says only "đến nay"). */
	from: string | null;
	to: string | null;
	/** Where the period was read: the sentence itself, the headline, or the report's date alone. */
	basis: 'sentence' | 'context' | 'date';
}

/** A unit a name could mean. */
export interface UnitCandidate {
	/** `scheme:code`, e.g. `2023:276`. */
	key: string;
	nameWithType: string;
	level: UnitLevel;
	/** The province it lies in (its own name for a province). */
	province: string;
}

/** One figure found in a report. */
export interface ExtractedFigure {
	/** Stable within one extraction: `f1`, `f2`… in order of the text. */
	id: string;
	metric: ExtractMetricId;
	value: number;
	qualifier: ExtractQualifier;
	scope: ExtractScope;
	/** The unit as written near the figure ("HĐND huyện Thạch Thất", "các xã, thị trấn"), or the report's. */
	unit: string;
	/** The unit resolved, or null when it could not be (then see the candidates). */
	unitKey: string | null;
	/** Units the name could mean, best first; more than one when it is ambiguous. */
	unitCandidates: UnitCandidate[];
	period: ExtractedPeriod;
	/** The exact text that states the figure: `text.slice(start, end)`. */
	evidence: string;
	start: number;
	end: number;
	/** The sentence the figure stands in (offsets into the text). */
	sentenceStart: number;
	sentenceEnd: number;
	/** True when computed from stated figures (regular = total − thematic), not stated itself. */
	derived: boolean;
	/** Why the figure was read this way, in plain words (for the review screen). */
	reasons: string[];
}

/** A mention of a unit in the text, resolved or not. */
export interface UnitMention {
	text: string;
	start: number;
	end: number;
	level: UnitLevel | null;
	/** "các xã, thị trấn": the councils below, not a named unit. */
	plural: boolean;
	unitKey: string | null;
	candidates: UnitCandidate[];
}

/** What the extractor read about the report as a whole. */
export interface ReportContext {
	/** The headline, where one was found. */
	title: string | null;
	/** ISO date of the report (from its text, or given by the caller). */
	date: string | null;
	/** The scheme its unit names belong to: 2025 from 1 July 2025. */
	scheme: Scheme;
	/** The council the report is about, when it could be told. */
	unitKey: string | null;
	unitName: string | null;
	/** The period the report reviews, from its headline or first sentences. */
	period: ExtractedPeriod | null;
}

export interface ExtractionResult {
	/** The text the offsets refer to (NFC, line breaks as `\n`). */
	text: string;
	context: ReportContext;
	figures: ExtractedFigure[];
}

/** A unit as the extractor's gazetteer needs it. */
export interface GazetteerUnit {
	code: string;
	scheme: Scheme;
	name: string;
	nameWithType: string;
	/** `tinh`, `thanh-pho`, `quan`, `huyen`, `thi-xa`, `xa`, `phuong`, `thi-tran`, `dac-khu`. */
	type: string;
	level: UnitLevel;
	parentCode: string | null;
	provinceCode: string;
}

export interface ExtractOptions {
	/** The administrative units of both schemes. */
	units: readonly GazetteerUnit[];
	/** ISO date of the report when the caller knows it (a file's date); the text's own date wins. */
	date?: string | null;
	/** A title when the caller knows it (a file name); the text's own headline wins. */
	title?: string | null;
}
