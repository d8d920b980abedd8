/**
 * Figures of council activity read from a report's prose. Every number of the text is tried against the
 * grammar of counted activity (src/extract/lexicon.ts); a number that is not followed by a counted noun
 * of the catalogue, or that is an ordinal, a date, a change, a target or a part of a total, is not a
 * figure. Each figure takes its council from the nearest council named before it in its clause or
 * sentence (its own, or its sub-units' sum), its period from the nearest period named there or in the
 * report's headline, and keeps the exact text that states it.
 */
import { readContext, narrow } from './context.ts';
import { Gazetteer } from './gazetteer.ts';
import { isResolutionRate, matchBarePetition, matchNoun, type NounMatch } from './lexicon.ts';
import { findActors, type Actor, type NamedMention } from './mentions.ts';
import { findPeriods, period as makePeriod, termOfDate, type PeriodMention } from './periods.ts';
import { normaliseText, segment, type Sentence, type Span } from './segment.ts';
import type {
	ExtractOptions,
	ExtractQualifier,
	ExtractScope,
	ExtractedFigure,
	ExtractedPeriod,
	ExtractionResult,
	GazetteerUnit,
	ReportContext,
	UnitCandidate,
} from './types.ts';
import { findNumbers, type NumberToken } from './vn-numbers.ts';

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

const LEVEL_RANK = { province: 0, district: 1, commune: 2 } as const;

/** Words before a number that make it something other than a count of activity. */
const NOT_A_COUNT_BEFORE =
	/(?:thứ|lần\s+thứ|giữa|tại|trong|qua|sau|ở|cho|với|của|cả|khóa|khoá|số|năm|ngày|tháng|quý|điều|khoản|kỳ|nhiệm\s+kỳ|tăng|giảm|hơn\s+so\s+với|nhiều\s+hơn|ít\s+hơn|trên\s+tổng\s+số|\/|mỗi|bình\s+quân|trung\s+bình)\s*$/iu;
/** A clause that sets a target or a plan rather than reporting activity. */
const TARGET =
	/phấn\s+đấu|dự\s+kiến|chỉ\s+tiêu|kế\s+hoạch\s+(?:sẽ|năm\s+tới)|\bsẽ\s+(?:tổ\s+chức|tiến\s+hành|thực\s+hiện)|năm\s+tới|thời\s+gian\s+tới|đề\s+ra\s+(?:là|gồm)|theo\s+kế\s+hoạch\s+(?:là|gồm)|tối\s+thiểu\s+phải|ít\s+nhất\s+phải/iu;
const CHANGE_AFTER = /^\s*(?:\p{L}+\s+){0,3}?(?:so\s+với|so\s+cùng\s+kỳ)/iu;

const QUALIFIERS: [RegExp, ExtractQualifier][] = [
	[/(?:hơn|trên|ngoài|vượt|ít\s+nhất|tối\s+thiểu|không\s+dưới)\s*$/iu, 'at_least'],
	[
		/(?:gần|khoảng|xấp\s+xỉ|chừng|ước\s+(?:tính\s+)?(?:khoảng\s+)?|ước\s+đạt|gần\s+như)\s*$/iu,
		'approx',
	],
];
const CUMULATIVE = /từ\s+đầu\s+nhiệm\s+kỳ|(?:lũy|luỹ)\s+kế|từ\s+đầu\s+năm\s+(?:đến|tới)\s+nay/iu;

interface Found {
	token: NumberToken;
	noun: NounMatch;
	sentence: Sentence;
	clause: Span;
	value: number;
}

/** Extract the figures of a report. Never throws on any text. */
export function extractFigures(raw: string, options: ExtractOptions): ExtractionResult {
	const text = normaliseText(raw);
	const { gazetteer, provinces: provinceList } = gazetteerOf(options.units);
	const sentences = segment(text);
	const reading = readContext(text, sentences, gazetteer, options, provinceList);
	const { context, contextUnit, provinces, named } = reading;
	const dateYear = context.date ? Number(context.date.slice(0, 4)) : (context.period?.year ?? null);
	const term = termOfDate(context.date);
	const periods = findPeriods(text, context.period?.year ?? dateYear, term);
	const actors = findActors(text, named);

	const found: Found[] = [];
	let s = 0;
	for (const token of findNumbers(text)) {
		while (s < sentences.length && sentences[s]!.end <= token.start) s++;
		const sentence = sentences[s];
		if (!sentence || token.start < sentence.start) continue;
		const clause =
			sentence.clauses.find((c) => c.start <= token.start && token.end <= c.end) ?? sentence;
		const hit = readFigure(text, token, sentence, clause);
		if (hit) found.push(...hit);
	}

	const figures: ExtractedFigure[] = [];
	for (const f of dropParts(text, found)) {
		const figure = buildFigure(f);
		if (figure) figures.push(figure);
	}
	addDerived(figures, text);
	figures.forEach((f, i) => (f.id = `f${i + 1}`));
	return { text, context, figures };

	function buildFigure(f: Found): ExtractedFigure | null {
		const clauseText = text.slice(f.clause.start, f.clause.end);
		const sentenceText = text.slice(f.sentence.start, f.sentence.end);
		if (TARGET.test(clauseText)) return null;
		const owner = ownerOf(f);
		if (!owner) return null;
		const chosen = periodOf(f);
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

	function ownerOf(
		f: Found,
	): {
		scope: ExtractScope;
		key: string | null;
		candidates: UnitCandidate[];
		written: string;
		reasons: string[];
	} | null {
		const actor = actorOf(f);
		const contextCandidate = contextUnit ? [gazetteer.candidate(contextUnit)] : [];
		const contextKey = contextUnit ? `${contextUnit.scheme}:${contextUnit.code}` : null;
		const ofContext = (scope: ExtractScope, written: string, why: string) => ({
			scope,
			key: contextKey,
			candidates: contextCandidate,
			written,
			reasons: [why],
		});
		if (!actor) return ofContext('own', context.unitName ?? '', 'đơn vị của báo cáo');
		if (actor.kind === 'combined') return null;
		if (actor.kind === 'plural') {
			if (contextUnit && actor.level && LEVEL_RANK[actor.level] <= LEVEL_RANK[contextUnit.level]) {
				return {
					scope: 'subunits',
					key: null,
					candidates: [],
					written: actor.text,
					reasons: ['cấp dưới không rõ'],
				};
			}
			return ofContext('subunits', actor.text, 'tổng của HĐND cấp dưới');
		}
		if (actor.named) {
			const units = narrow(actor.named.matches, gazetteer, provinces, contextUnit);
			const key = units.length === 1 ? `${units[0]!.scheme}:${units[0]!.code}` : null;
			return {
				scope: 'own',
				key,
				candidates: units.slice(0, 12).map((u) => gazetteer.candidate(u)),
				written: actor.text,
				reasons: [key ? 'đơn vị nêu tên' : `tên chung của ${units.length} đơn vị`],
			};
		}
		if (!contextUnit || !actor.level) return ofContext('own', actor.text, 'đơn vị của báo cáo');
		const diff = LEVEL_RANK[actor.level] - LEVEL_RANK[contextUnit.level];
		if (diff === 0) return ofContext('own', actor.text, 'đơn vị của báo cáo');
		if (diff > 0) return ofContext('subunits', actor.text, 'cấp dưới của đơn vị báo cáo');
		// A higher level than the report's council: its ancestor of that level.
		let up: GazetteerUnit | undefined = contextUnit;
		while (up && up.level !== actor.level) up = gazetteer.parentOf(up);
		if (!up)
			return {
				scope: 'own',
				key: null,
				candidates: [],
				written: actor.text,
				reasons: ['cấp trên không rõ'],
			};
		return {
			scope: 'own',
			key: `${up.scheme}:${up.code}`,
			candidates: [gazetteer.candidate(up)],
			written: actor.text,
			reasons: ['cấp trên của đơn vị báo cáo'],
		};
	}

	/** The council a figure belongs to: the last one named before it in its clause, sentence or paragraph. */
	function actorOf(f: Found): Actor | null {
		const before = (from: number) =>
			[...actors, ...clauseSubjects(f)]
				.filter((a) => a.start >= from && a.end <= f.token.start)
				.sort((a, b) => a.start - b.start);
		const inClause = before(f.clause.start);
		if (inClause.length) return inClause[inClause.length - 1]!;
		const inSentence = before(f.sentence.start);
		if (inSentence.length) return inSentence[inSentence.length - 1]!;
		// The subject of an earlier sentence of the same paragraph carries over.
		for (
			let i = sentences.indexOf(f.sentence) - 1;
			i >= 0 && sentences[i]!.paragraph === f.sentence.paragraph;
			i--
		) {
			const prev = sentences[i]!;
			const list = actors.filter((a) => a.start >= prev.start && a.end <= prev.end);
			if (list.length) return list[list.length - 1]!;
		}
		return null;
	}

	/** A named unit that opens a clause is its subject ("Xã Phú Xuyên tổ chức 4 kỳ họp"). */
	function clauseSubjects(f: Found): Actor[] {
		return named
			.filter(
				(n: NamedMention) =>
					n.start >= f.clause.start && n.start <= f.clause.start + 12 && n.end <= f.token.start,
			)
			.map((n) => ({
				start: n.start,
				end: n.end,
				kind: 'own' as const,
				level: n.matches[0]?.level ?? null,
				named: n,
				text: text.slice(n.start, n.end),
			}));
	}

	function periodOf(f: Found): { period: ExtractedPeriod; cumulative: boolean; reason: string } {
		const usable = (p: PeriodMention) =>
			!p.notReviewed && !(p.period.year !== null && dateYear !== null && p.period.year > dateYear);
		const inSentence = periods.filter(
			(p) => p.start >= f.sentence.start && p.end <= f.sentence.end,
		);
		const cumulative = inSentence.some((p) => p.cumulative);
		const beforeIt = inSentence.filter((p) => p.end <= f.token.start && usable(p));
		const afterIt = inSentence.filter((p) => p.start >= f.token.end && usable(p));
		const pick = beforeIt[beforeIt.length - 1] ?? afterIt[0];
		if (pick)
			return {
				period: pick.period,
				cumulative: cumulative || pick.cumulative,
				reason: 'kỳ nêu trong câu',
			};
		for (
			let i = sentences.indexOf(f.sentence) - 1;
			i >= 0 && sentences[i]!.paragraph === f.sentence.paragraph;
			i--
		) {
			const prev = sentences[i]!;
			const list = periods.filter((p) => p.start >= prev.start && p.end <= prev.end && usable(p));
			if (list.length)
				return {
					period: { ...list[list.length - 1]!.period, basis: 'context' },
					cumulative,
					reason: 'kỳ nêu ở câu trước',
				};
		}
		if (cumulative)
			return {
				period: makePeriod('term', { term, basis: 'sentence' }),
				cumulative,
				reason: 'lũy kế nhiệm kỳ',
			};
		if (context.period) return { period: context.period, cumulative, reason: 'kỳ của báo cáo' };
		return {
			period: makePeriod('year', { year: dateYear, basis: 'date' }),
			cumulative,
			reason: 'năm của ngày báo cáo',
		};
	}
}

/** The figures a number stands for (none, one, or two for "980/1.143 kiến nghị"). */
function readFigure(
	text: string,
	token: NumberToken,
	sentence: Sentence,
	clause: Span,
): Found[] | null {
	const before = text.slice(clause.start, token.start);
	const after = text.slice(token.end, clause.end);
	const clauseText = text.slice(clause.start, clause.end);
	// A percentage is only ever the petition resolution rate.
	const percent = /^\s*(?:%|phần\s+trăm)/iu.exec(after);
	if (percent) {
		if (token.words || !isResolutionRate(before, clauseText) || token.value > 100) return null;
		return [
			{
				token,
				noun: {
					metric: 'petition_resolution_rate',
					length: percent[0].length,
					reason: 'tỷ lệ giải quyết kiến nghị',
				},
				sentence,
				clause,
				value: token.value,
			},
		];
	}
	if (token.decimal) return null;
	if (NOT_A_COUNT_BEFORE.test(before)) return null;
	// Dates and document numbers: "11/01/2023", "07/KH-TTHĐND", "12-5".
	if (/^[/-]\d/.test(after) && !/^\/\s*[\d.]+\s+(?:ý|kiến|nội)/iu.test(after)) return null;
	if (/^\/\p{L}/u.test(after)) return null;
	if (
		CHANGE_AFTER.test(after.slice(0, 60)) &&
		/tăng|giảm|nhiều\s+hơn|ít\s+hơn/iu.test(before.slice(-20) + after.slice(0, 40))
	)
		return null;
	if (token.value > 1_000_000) return null;

	const noun = matchNoun(before, after, clauseText) ?? matchBarePetition(before, after, clauseText);
	if (!noun) return null;
	const out: Found[] = [{ token, noun, sentence, clause, value: token.value }];
	// "đã giải quyết 980/1.143 kiến nghị": resolved of received.
	const ratio = /^\s*\/\s*(\d{1,3}(?:\.\d{3})+|\d+)/u.exec(after);
	if (ratio && noun.metric === 'petitions_resolved') {
		const value = Number(ratio[1]!.replace(/\./g, ''));
		const start = token.end + ratio[0].length - ratio[1]!.length;
		out.push({
			token: { value, start, end: start + ratio[1]!.length, words: false, decimal: false },
			noun: {
				metric: 'petitions_received',
				length: 0,
				reason: 'đã giải quyết …/tổng số kiến nghị',
			},
			sentence,
			clause,
			value,
		});
	}
	return out;
}

/** Include a qualifier word ("hơn", "gần") in the evidence. */
function qualifierStart(before: string, tokenStart: number): number {
	const m = /(?:hơn|trên|gần|khoảng|xấp\s+xỉ|ít\s+nhất|tối\s+thiểu|không\s+dưới|chừng)\s*$/iu.exec(
		before,
	);
	return m ? tokenStart - m[0].length : tokenStart;
}

/**
 * Parts of a total stated just before ("47 cuộc giám sát, trong đó 12 cuộc …") are not figures of their
 * own, except the kinds of sessions, which are metrics themselves. The same figure read twice is kept once.
 */
function dropParts(text: string, found: Found[]): Found[] {
	const out: Found[] = [];
	for (const f of found) {
		const prev = out[out.length - 1];
		if (
			prev &&
			prev.sentence === f.sentence &&
			prev.noun.metric === f.noun.metric &&
			prev.clause === f.clause
		) {
			const between = text.slice(prev.token.end, f.token.start);
			if (/trong\s+đó|gồm|bao\s+gồm|riêng/iu.test(between)) continue;
		}
		out.push(f);
	}
	return out;
}

/** Regular = total − thematic (and the reverse) when a total and one kind are stated together. */
function addDerived(figures: ExtractedFigure[], text: string): void {
	const added: ExtractedFigure[] = [];
	for (const total of figures.filter((f) => f.metric === 'sessions_total')) {
		const group = figures.filter(
			(f) =>
				f !== total &&
				f.sentenceStart === total.sentenceStart &&
				f.unitKey === total.unitKey &&
				f.scope === total.scope &&
				f.start > total.start &&
				/trong\s+đó|gồm|bao\s+gồm|\(/iu.test(text.slice(total.end, f.start)),
		);
		const thematic = group.find((f) => f.metric === 'sessions_thematic');
		const regular = group.find((f) => f.metric === 'sessions_regular');
		if ((thematic ? 1 : 0) + (regular ? 1 : 0) !== 1) continue;
		const part = (thematic ?? regular)!;
		if (part.value > total.value || total.qualifier !== 'exact' || part.qualifier !== 'exact')
			continue;
		added.push({
			...total,
			metric: thematic ? 'sessions_regular' : 'sessions_thematic',
			value: total.value - part.value,
			evidence: text.slice(total.start, part.end),
			end: part.end,
			derived: true,
			reasons: [`${total.value} − ${part.value}`, ...total.reasons.slice(1)],
		});
	}
	figures.push(...added);
	figures.sort((a, b) => a.start - b.start || (a.derived ? 1 : 0) - (b.derived ? 1 : 0));
}

export type { ReportContext };
