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
import { findTables, type TableFigure } from './tables.ts';
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
	/(?:thứ|lần\s+thứ|giữa|tại|trong|sau|ở|cho|(?<!đối\s)với|của|cả|khóa|khoá|(?<!tổng\s)số|năm|ngày|tháng|quý|điều|khoản|kỳ|nhiệm\s+kỳ|tăng|giảm|hơn\s+so\s+với|nhiều\s+hơn|ít\s+hơn|trên\s+tổng\s+số|\/|mỗi|bình\s+quân|trung\s+bình)\s*$/iu;
/** A clause that sets a target or a plan rather than reporting activity. */
const TARGET =
	/^\s*(?:kế\s+hoạch|dự\s+kiến|phương\s+hướng|nhiệm\s+vụ)|(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)[^.;]{0,160}?(?:triển\s+khai|tổ\s+chức|thực\s+hiện|chuẩn\s+bị)|phấn\s+đấu|dự\s+kiến|chỉ\s+tiêu|kế\s+hoạch\s+(?:sẽ|năm\s+tới)|\bsẽ\s+(?:tổ\s+chức|tiến\s+hành|thực\s+hiện)|năm\s+tới|thời\s+gian\s+tới|đề\s+ra\s+(?:là|gồm)|theo\s+kế\s+hoạch\s+(?:là|gồm)|tối\s+thiểu\s+phải|ít\s+nhất\s+phải/iu;
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
	// "từ sau … (tháng 10/2022)" runs up to the report itself.
	for (const p of periods)
		if (p.period.kind === 'span' && p.period.to === null) p.period.to = context.date;
	const actors = findActors(text, named);
	const chromeStart = relatedNewsStart(text);
	// A year that has not ended when the report is written is the year of its plan, not of its results
	// ("Năm 2024, HĐND thành phố … dự kiến" in a January 2024 report).
	const reportMonth = context.date ? Number(context.date.slice(5, 7)) : null;
	const plannedPeriod = (p: ExtractedPeriod): boolean =>
		dateYear !== null &&
		p.year !== null &&
		p.basis === 'sentence' &&
		(p.year > dateYear ||
			(p.year === dateYear && p.kind === 'year' && reportMonth !== null && reportMonth <= 3));
	// Mentions by sentence, so that each figure looks only at its own sentence and those before it.
	const actorsIn = bucket(sentences, actors);
	const periodsIn = bucket(sentences, periods);
	const namedIn = bucket(sentences, named);

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
		const figure = buildFigure(f);
		if (figure) figures.push(figure);
	}
	for (const table of tables) {
		for (const cell of table.figures) {
			const figure = tableFigure(cell);
			if (figure) figures.push(figure);
		}
	}
	addDerived(figures, text);
	figures.forEach((f, i) => (f.id = `f${i + 1}`));
	return { text, context, figures };

	function buildFigure(f: Found): ExtractedFigure | null {
		const clauseText = text.slice(f.clause.start, f.clause.end);
		const sentenceText = text.slice(f.sentence.start, f.sentence.end);
		// A plan or a directive ("phấn đấu", "dự kiến", "yêu cầu … triển khai") anywhere before the figure.
		if (TARGET.test(text.slice(f.sentence.start, f.clause.end))) return null;
		if (f.token.start >= chromeStart) return null;
		const owner = ownerOf(f);
		if (!owner) return null;
		const chosen = periodOf(f);
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

	/** A figure from a table cell: the row names the unit, the column the metric, the caption the period. */
	function tableFigure(cell: TableFigure): ExtractedFigure | null {
		if (cell.row.start >= chromeStart) return null;
		let scope: ExtractScope = 'own';
		let units: GazetteerUnit[] = [];
		if (cell.total) {
			scope = 'subunits';
			units = contextUnit ? [contextUnit] : [];
		} else {
			const mention = named.find(
				(n) => n.start >= cell.unitCell.start && n.end <= cell.unitCell.end,
			);
			const matches = mention
				? mention.matches
				: gazetteer.find(cell.unitCell.text, context.scheme);
			units = narrow(matches, gazetteer, provinces, contextUnit);
			if (contextUnit && units.length > 1)
				units = units.filter((u) => gazetteer.within(u, contextUnit));
		}
		const captionPeriods = periods.filter(
			(p) => p.start >= cell.caption.start && p.end <= cell.caption.end && !p.notReviewed,
		);
		const period =
			captionPeriods[0]?.period ??
			context.period ??
			makePeriod('year', { year: dateYear, basis: 'date' });
		const key = units.length === 1 ? `${units[0]!.scheme}:${units[0]!.code}` : null;
		return {
			id: '',
			metric: cell.metric,
			value: cell.value,
			qualifier: 'exact',
			scope,
			unit: cell.unitCell.text,
			unitKey: key,
			unitCandidates: units.slice(0, 12).map((u) => gazetteer.candidate(u)),
			period,
			evidence: text.slice(cell.cell.start, cell.cell.end),
			start: cell.cell.start,
			end: cell.cell.end,
			sentenceStart: cell.row.start,
			sentenceEnd: cell.row.end,
			derived: false,
			reasons: [
				`bảng, cột «${cell.header}»`,
				cell.total ? 'dòng tổng cộng: tổng của HĐND cấp dưới' : 'đơn vị của dòng',
			],
		};
	}

	function ownerOf(f: Found): {
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
			// "Riêng các xã thuộc …": some of the sub-units, a part of their sum.
			if (/^[\s,]*riêng\s*$/iu.test(text.slice(f.clause.start, actor.start))) return null;
			// "các xã, thị trấn thuộc huyện Châu Thành": the sub-units of the unit named after them.
			const owner = named.find(
				(n) =>
					n.start >= actor.end &&
					/^\s*(?:,\s*)?(?:của|thuộc|trong|trên\s+địa\s+bàn|ở|tại)\s+$/iu.test(
						text.slice(actor.end, n.start),
					),
			);
			if (owner) {
				const units = narrow(owner.matches, gazetteer, provinces, null);
				const key = units.length === 1 ? `${units[0]!.scheme}:${units[0]!.code}` : null;
				return {
					scope: 'subunits',
					key,
					candidates: units.slice(0, 12).map((u) => gazetteer.candidate(u)),
					written: text.slice(actor.start, owner.end),
					reasons: ['tổng của HĐND cấp dưới của đơn vị nêu tên'],
				};
			}
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
		// "HĐND thành phố" in a report of Hà Nội is the city's own council, not a district's.
		if (actor.typeWord === 'thành phố' && contextUnit?.type === 'thanh-pho') {
			return ofContext('own', actor.text, 'đơn vị của báo cáo');
		}
		// "HĐND huyện" right after "Thường trực HĐND huyện Châu Thành": the unit just named.
		if (actor.level && actor.level !== contextUnit?.level) {
			const recent = named
				.filter(
					(n) =>
						n.end <= actor.start &&
						n.start >= (sentences[f.sentence.index - 1]?.start ?? 0) &&
						n.matches[0]?.level === actor.level,
				)
				.pop();
			if (recent) {
				const units = narrow(recent.matches, gazetteer, provinces, contextUnit);
				if (units.length === 1) {
					return {
						scope: 'own',
						key: `${units[0]!.scheme}:${units[0]!.code}`,
						candidates: [gazetteer.candidate(units[0]!)],
						written: text.slice(recent.start, recent.end),
						reasons: ['đơn vị vừa nêu tên'],
					};
				}
			}
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
			[...actorsIn[f.sentence.index]!, ...clauseSubjects(f)]
				.filter((a) => a.start >= from && a.end <= f.token.start)
				.sort((a, b) => a.start - b.start);
		const inClause = before(f.clause.start);
		if (inClause.length) return inClause[inClause.length - 1]!;
		const inSentence = before(f.sentence.start);
		if (inSentence.length) return inSentence[inSentence.length - 1]!;
		// The subject of an earlier sentence of the same paragraph carries over.
		for (
			let i = f.sentence.index - 1;
			i >= 0 && sentences[i]!.paragraph === f.sentence.paragraph;
			i--
		) {
			const list = actorsIn[i]!;
			if (list.length) return list[list.length - 1]!;
		}
		return null;
	}

	/** A named unit that opens a clause is its subject ("Xã Phú Xuyên tổ chức 4 kỳ họp"). */
	function clauseSubjects(f: Found): Actor[] {
		return namedIn[f.sentence.index]!.filter(
			(n: NamedMention) =>
				n.start >= f.clause.start && n.start <= f.clause.start + 12 && n.end <= f.token.start,
		).map((n) => ({
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
		const inSentence = periodsIn[f.sentence.index]!;
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
			let i = f.sentence.index - 1;
			i >= 0 && sentences[i]!.paragraph === f.sentence.paragraph;
			i--
		) {
			const list = periodsIn[i]!.filter(usable);
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
		// A report of the first months with no period named reviews the year before ("năm qua").
		const month = context.date ? Number(context.date.slice(5, 7)) : 12;
		return {
			period: makePeriod('year', {
				year: dateYear === null ? null : month <= 3 ? dateYear - 1 : dateYear,
				basis: 'date',
			}),
			cumulative,
			reason: 'năm của ngày báo cáo',
		};
	}
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

/** The figures a number stands for (none, one, or two for "980/1.143 kiến nghị"). */
function readFigure(
	text: string,
	token: NumberToken,
	sentence: Sentence,
	clause: Span,
	wider: string,
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

	// "1.026/1.143 ý kiến, kiến nghị … đã được giải quyết": resolved of received, the noun after both.
	const fraction = /^\s*\/\s*(\d{1,3}(?:\.\d{3})+|\d+)(?=\s+\p{L})/u.exec(after);
	if (fraction) {
		const rest = after.slice(fraction[0].length);
		const noun = matchNoun(before, rest, clauseText, wider);
		if (noun?.metric !== 'petitions_resolved') return null;
		// "251/302 kiến nghị thuộc thẩm quyền cấp tỉnh": 302 is a part of what was received, not the whole.
		if (/^[^,;.]{0,40}?thuộc\s+thẩm\s+quyền/iu.test(rest)) {
			return [{ token, noun: { ...noun, length: 0 }, sentence, clause, value: token.value }];
		}
		const value = Number(fraction[1]!.replace(/\./g, ''));
		const start = token.end + fraction[0].length - fraction[1]!.length;
		return [
			{ token, noun: { ...noun, length: 0 }, sentence, clause, value: token.value },
			{
				token: { value, start, end: start + fraction[1]!.length, words: false, decimal: false },
				noun: {
					metric: 'petitions_received',
					length: noun.length,
					reason: 'đã giải quyết …/tổng số kiến nghị',
				},
				sentence,
				clause,
				value,
			},
		];
	}
	const noun =
		matchNoun(before, after, clauseText, wider) ??
		matchBarePetition(before, after, clauseText, wider);
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

/**
 * A count whose noun is left out because the figure just before named it: "cấp huyện thực hiện 312 cuộc
 * giám sát, cấp xã 4.815 cuộc"; "… 27 phiên giải trình. Riêng Thường trực HĐND huyện tổ chức 02 phiên".
 * Only the same classifier (cuộc, phiên, kỳ, lượt), in the same or the previous sentence.
 */
function understood(
	text: string,
	token: NumberToken,
	sentence: Sentence,
	clause: Span,
	last: Found | undefined,
	sentences: readonly Sentence[],
): Found[] | null {
	if (token.decimal) return null;
	const after = text.slice(token.end, clause.end);
	const m =
		/^\s+(cuộc|phiên|kỳ|kì|lượt)(?![\p{L}])(?!\s+(?:họp|làm|công|đại|cử|người|ý|kiến))/iu.exec(
			after,
		);
	if (!m) return null;
	const classifier = m[1]!.toLowerCase().replace('kì', 'kỳ');
	const before = text.slice(clause.start, token.start);
	if (NOT_A_COUNT_BEFORE.test(before) || /tăng|giảm/iu.test(before.slice(-12))) return null;
	// "mỗi đơn vị có ít nhất một phiên" says something of each unit, not a count.
	if (/(?:mỗi|từng|ít\s+nhất|tối\s+thiểu|bình\s+quân|trung\s+bình)\s*$/iu.test(before)) return null;
	// "9/10 đơn vị tổ chức phiên giải trình với tổng số 17 phiên": the noun was named earlier in the clause.
	const earlier = before.toLowerCase().lastIndexOf(`${classifier} `);
	if (earlier >= 0) {
		const noun = matchNoun('', ` ${before.slice(earlier)}`, text.slice(clause.start, clause.end));
		if (noun && noun.metric !== 'sessions_total' && noun.metric !== 'petitions_received') {
			const reason = `${noun.reason} (nêu trước)`;
			return [
				{
					token,
					noun: { metric: noun.metric, length: m[0].length, reason },
					sentence,
					clause,
					value: token.value,
				},
			];
		}
	}
	if (!last || last.noun.metric === 'petition_resolution_rate') return null;
	if (last.sentence !== sentence && last.sentence !== sentences[sentence.index - 1]) return null;
	const lastNoun = text
		.slice(last.token.end, last.token.end + last.noun.length)
		.trim()
		.toLowerCase();
	if (!lastNoun.startsWith(classifier)) return null;
	return [
		{
			token,
			noun: { metric: last.noun.metric, length: m[0].length, reason: `${lastNoun} (hiểu ngầm)` },
			sentence,
			clause,
			value: token.value,
		},
	];
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
			// …unless it is a new total ("…, nâng tổng số nghị quyết trong năm lên 117 nghị quyết").
			if (
				/trong\s+đó|gồm|bao\s+gồm|riêng|\(/iu.test(between) &&
				!/tổng\s+(?:số|cộng)/iu.test(between)
			)
				continue;
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
