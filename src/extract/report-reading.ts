/**
 * What the extractor knows of a report before it looks at any number: its text cut into sentences, its
 * context (the council, date and period it reports on), the councils, units and periods it names, and
 * where the page's lists of other articles begin. Each figure's owner and period are chosen from these
 * (figure-owner.ts, figure-period.ts).
 */
import { readContext } from './context.ts';
import { Gazetteer } from './gazetteer.ts';
import { findActors, type Actor, type NamedMention } from './mentions.ts';
import { findPeriods, termOfDate, type PeriodMention } from './periods.ts';
import { normaliseText, segment, type Sentence, type Span } from './segment.ts';
import type { ExtractOptions, ExtractedPeriod, GazetteerUnit, ReportContext } from './types.ts';

export interface ReportReading {
	text: string;
	sentences: readonly Sentence[];
	gazetteer: Gazetteer;
	context: ReportContext;
	/** The council the report is of, when the gazetteer tells it. */
	contextUnit: GazetteerUnit | null;
	/** The provinces the report names (to tell apart units of the same name). */
	provinces: GazetteerUnit[];
	named: NamedMention[];
	periods: PeriodMention[];
	/** The year of the report's date, else of its period. */
	dateYear: number | null;
	/** The council term the report's date falls in. */
	term: string | null;
	/** Where the lists of other articles begin: figures from there on are other reports'. */
	chromeStart: number;
	/** Mentions by sentence, so that each figure looks only at its own sentence and those before it. */
	actorsIn: Actor[][];
	periodsIn: PeriodMention[][];
	namedIn: NamedMention[][];
	/** Whether a period is the plan of the report's year rather than its results. */
	plannedPeriod: (p: ExtractedPeriod) => boolean;
}

/** A gazetteer per unit list, built once: reading a list of 10,000 units is not free. */
const gazetteers = new WeakMap<
	readonly GazetteerUnit[],
	{ gazetteer: Gazetteer; provinces: GazetteerUnit[] }
>();

function gazetteerOf(units: readonly GazetteerUnit[]) {
	let entry = gazetteers.get(units);
	if (!entry) {
		entry = {
			gazetteer: new Gazetteer(units),
			provinces: units.filter((u) => u.level === 'province'),
		};
		gazetteers.set(units, entry);
	}
	return entry;
}

/** Read a report's text and context. */
export function readReport(raw: string, options: ExtractOptions): ReportReading {
	const text = normaliseText(raw);
	const { gazetteer, provinces: provinceList } = gazetteerOf(options.units);
	const sentences = segment(text);
	const { context, contextUnit, provinces, named } = readContext(
		text,
		sentences,
		gazetteer,
		options,
		provinceList,
	);
	const dateYear = context.date ? Number(context.date.slice(0, 4)) : (context.period?.year ?? null);
	const term = termOfDate(context.date);
	const periods = findPeriods(text, context.period?.year ?? dateYear, term);
	// "từ sau … (tháng 10/2022)" runs up to the report itself.
	for (const p of periods)
		if (p.period.kind === 'span' && p.period.to === null) p.period.to = context.date;
	const actors = findActors(text, named);
	// A year that has not ended when the report is written is the year of its plan, not of its results
	// ("Năm 2024, HĐND thành phố … dự kiến" in a January 2024 report).
	const reportMonth = context.date ? Number(context.date.slice(5, 7)) : null;
	const plannedPeriod = (p: ExtractedPeriod): boolean =>
		dateYear !== null &&
		p.year !== null &&
		p.basis === 'sentence' &&
		(p.year > dateYear ||
			(p.year === dateYear && p.kind === 'year' && reportMonth !== null && reportMonth <= 3));
	return {
		text,
		sentences,
		gazetteer,
		context,
		contextUnit,
		provinces,
		named,
		periods,
		dateYear,
		term,
		chromeStart: relatedNewsStart(text),
		actorsIn: bucket(sentences, actors),
		periodsIn: bucket(sentences, periods),
		namedIn: bucket(sentences, named),
		plannedPeriod,
	};
}

/**
 * Where the page's lists of other articles begin ("Tin liên quan", "Các tin khác"): headlines there
 * carry figures of other reports. Only past the first third of the text, so a menu at the top is not taken.
 */
function relatedNewsStart(text: string): number {
	const re =
		/^[ \t]*(?:tin\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục|các\s+tin\s+khác|tin\s+khác|bài\s+viết\s+liên\s+quan|tin\s+bài\s+liên\s+quan|xem\s+thêm|đọc\s+thêm|tin\s+mới\s+nhất|tin\s+đã\s+đưa)\b.{0,20}$/gimu;
	for (const m of text.matchAll(re)) if (m.index > text.length / 3) return m.index;
	return text.length;
}

/** Items of each sentence (those that lie wholly inside it), in text order. */
function bucket<T extends Span>(sentences: readonly Sentence[], items: readonly T[]): T[][] {
	const out: T[][] = sentences.map(() => []);
	const sorted = [...items].sort((a, b) => a.start - b.start);
	let i = 0;
	for (const item of sorted) {
		while (i < sentences.length && sentences[i]!.end < item.end) i++;
		const s = sentences[i];
		if (s && item.start >= s.start && item.end <= s.end) out[i]!.push(item);
	}
	return out;
}
