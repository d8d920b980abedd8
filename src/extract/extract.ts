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
import { findNumbers } from './vn-numbers.ts';
import { addDerived, dropParts } from './parts.ts';
import { readFigure, understood, qualifierStart, type Found } from './number-figures.ts';

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

/** A clause that sets a target or a plan rather than reporting activity. */
const TARGET =
	/^\s*(?:kế\s+hoạch|dự\s+kiến|phương\s+hướng|nhiệm\s+vụ)|(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)[^.;]{0,160}?(?:triển\s+khai|tổ\s+chức|thực\s+hiện|chuẩn\s+bị)|phấn\s+đấu|dự\s+kiến|chỉ\s+tiêu|kế\s+hoạch\s+(?:sẽ|năm\s+tới)|\bsẽ\s+(?:tổ\s+chức|tiến\s+hành|thực\s+hiện)|năm\s+tới|thời\s+gian\s+tới|đề\s+ra\s+(?:là|gồm)|theo\s+kế\s+hoạch\s+(?:là|gồm)|tối\s+thiểu\s+phải|ít\s+nhất\s+phải/iu;
/** Bodies whose activity is not a council's: the people's committee, inspectors, courts, the Front, the National Assembly's delegation. */
const OTHER_BODY =
	/(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|Ban\s+Tiếp\s+công\s+dân|Thanh\s+tra|Tòa\s+án|Toà\s+án|Viện\s+kiểm\s+sát|MTTQ|Mặt\s+trận|Đoàn\s+ĐBQH|Đoàn\s+đại\s+biểu\s+Quốc\s+hội|đại\s+biểu\s+Quốc\s+hội|ĐBQH|Công\s+an|toàn\s+tỉnh|toàn\s+huyện)(?![\p{L}])/u;

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
		let units: GazetteerUnit[];
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
		if (otherBodyActs(f, actor)) return null;
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

	/**
	 * Whether another body than a council is the subject of the figure ("UBND tỉnh tiếp 259 lượt công
	 * dân", "Đoàn ĐBQH tỉnh tổ chức 12 cuộc tiếp xúc cử tri"): named after the last council in its clause.
	 * Petitions are the exception: reports state the councils' petitions as resolved "by the agencies".
	 */
	function otherBodyActs(f: Found, actor: Actor | null): boolean {
		if (f.noun.metric === 'petitions_resolved' || f.noun.metric === 'petition_resolution_rate')
			return false;
		if (actor && actor.start >= f.clause.start && actor.end <= f.token.start) return false;
		// The subject opens the clause, after an adverbial at most ("Trong tháng 4/2017, toàn tỉnh tiếp …").
		const opening = text.slice(f.clause.start, f.token.start).replace(/^[^,]{0,50},\s*/u, '');
		return new RegExp(`^\\s*(?:${OTHER_BODY.source})`, 'u').test(opening);
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

export type { ReportContext };
