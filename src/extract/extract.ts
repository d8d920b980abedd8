/**
 * Figures of council activity read from a report's prose. Every number of the text is tried against the
 * grammar of counted activity (src/extract/lexicon.ts); a number that is not followed by a counted noun
 * of the catalogue, or that is an ordinal, a date, a change, a target or a part of a total, is not a
 * figure. Each figure takes its council from the nearest council named before it in its clause or
 * sentence (its own, or its sub-units' sum), its period from the nearest period named there or in the
 * report's headline, and keeps the exact text that states it.
 */
import { ownerOf } from './figure-owner.ts';
import { periodOf } from './figure-period.ts';
import { readFigure, understood, qualifierStart, type Found } from './number-figures.ts';
import { addDerived, dropParts } from './parts.ts';
import { readReport, type ReportReading } from './report-reading.ts';
import { tableFigure } from './table-figure.ts';
import { findTables } from './tables.ts';
import type {
	ExtractOptions,
	ExtractQualifier,
	ExtractedFigure,
	ExtractionResult,
	ReportContext,
} from './types.ts';
import { findNumbers } from './vn-numbers.ts';

/** A clause that sets a target or a plan rather than reporting activity. */
const TARGET =
	/^\s*(?:kế\s+hoạch|dự\s+kiến|phương\s+hướng|nhiệm\s+vụ)|(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)[^.;]{0,160}?(?:triển\s+khai|tổ\s+chức|thực\s+hiện|chuẩn\s+bị)|phấn\s+đấu|dự\s+kiến|chỉ\s+tiêu|kế\s+hoạch\s+(?:sẽ|năm\s+tới)|\bsẽ\s+(?:tổ\s+chức|tiến\s+hành|thực\s+hiện)|năm\s+tới|thời\s+gian\s+tới|đề\s+ra\s+(?:là|gồm)|theo\s+kế\s+hoạch\s+(?:là|gồm)|tối\s+thiểu\s+phải|ít\s+nhất\s+phải/iu;
const QUALIFIERS: [RegExp, ExtractQualifier][] = [
	[/(?:hơn|trên|ngoài|vượt|ít\s+nhất|tối\s+thiểu|không\s+dưới)\s*$/iu, 'at_least'],
	[
		/(?:gần|khoảng|xấp\s+xỉ|chừng|ước\s+(?:tính\s+)?(?:khoảng\s+)?|ước\s+đạt|gần\s+như)\s*$/iu,
		'approx',
	],
];
const CUMULATIVE = /từ\s+đầu\s+nhiệm\s+kỳ|(?:lũy|luỹ)\s+kế|từ\s+đầu\s+năm\s+(?:đến|tới)\s+nay/iu;

/** Extract the figures of a report. Never throws on any text. */
export function extractFigures(raw: string, options: ExtractOptions): ExtractionResult {
	const reading = readReport(raw, options);
	const { text, sentences, context } = reading;
	const tables = findTables(text);
	const found: Found[] = [];
	let s = 0;
	for (const token of findNumbers(text)) {
		// Numbers in a table are read by their column, below.
		if (tables.some((t) => token.start >= t.start && token.end <= t.end)) continue;
		while (s < sentences.length && sentences[s]!.end <= token.start) s++;
		const sentence = sentences[s];
		if (!sentence || token.start < sentence.start) continue;
		const clause =
			sentence.clauses.find((c) => c.start <= token.start && token.end <= c.end) ?? sentence;
		const previous = sentences[s - 1];
		const wider = text.slice(
			previous && previous.paragraph >= sentence.paragraph - 1 ? previous.start : sentence.start,
			token.start,
		);
		const hit =
			readFigure(text, token, sentence, clause, wider) ??
			understood(text, token, sentence, clause, found[found.length - 1], sentences);
		if (hit) found.push(...hit);
	}

	const figures: ExtractedFigure[] = [];
	for (const f of dropParts(text, found)) {
		const figure = buildFigure(reading, f);
		if (figure) figures.push(figure);
	}
	for (const table of tables) {
		for (const cell of table.figures) {
			const figure = tableFigure(reading, cell);
			if (figure) figures.push(figure);
		}
	}
	addDerived(figures, text);
	figures.forEach((f, i) => (f.id = `f${i + 1}`));
	return { text, context, figures };
}

/** A figure stated in prose, with its owner, period and qualifier; null when it is not a council's result. */
function buildFigure(r: ReportReading, f: Found): ExtractedFigure | null {
	const { text, chromeStart, plannedPeriod } = r;
	const sentenceText = text.slice(f.sentence.start, f.sentence.end);
	// A plan or a directive ("phấn đấu", "dự kiến", "yêu cầu … triển khai") anywhere before the figure.
	if (TARGET.test(text.slice(f.sentence.start, f.clause.end))) return null;
	if (f.token.start >= chromeStart) return null;
	const owner = ownerOf(r, f);
	if (!owner) return null;
	const chosen = periodOf(r, f);
	if (plannedPeriod(chosen.period)) return null;
	let qualifier: ExtractQualifier = 'exact';
	const before = text.slice(Math.max(f.clause.start, f.token.start - 30), f.token.start);
	for (const [re, q] of QUALIFIERS) if (re.test(before)) qualifier = q;
	const cumulative = chosen.cumulative || CUMULATIVE.test(sentenceText);
	if (cumulative && qualifier === 'exact') qualifier = 'cumulative';
	const start = qualifierStart(before, f.token.start);
	const end = f.token.end + f.noun.length;
	return {
		id: '',
		metric: f.noun.metric,
		value: f.value,
		qualifier,
		scope: owner.scope,
		unit: owner.written,
		unitKey: owner.key,
		unitCandidates: owner.candidates,
		period: chosen.period,
		evidence: text.slice(start, end),
		start,
		end,
		sentenceStart: f.sentence.start,
		sentenceEnd: f.sentence.end,
		derived: false,
		reasons: [f.noun.reason, ...owner.reasons, chosen.reason],
	};
}

export type { ReportContext };
