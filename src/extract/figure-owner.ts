/**
 * Whose figure it is: the council named before the number in its clause, sentence or paragraph (its
 * own activity, or its sub-units' sum), resolved to a unit of the gazetteer when the name allows; none
 * when another body (the people's committee, the National Assembly's delegation…) is the subject.
 */
import { narrow } from './context.ts';
import type { Actor, NamedMention } from './mentions.ts';
import type { Found } from './number-figures.ts';
import type { ReportReading } from './report-reading.ts';
import type { ExtractScope, GazetteerUnit, UnitCandidate } from './types.ts';

const LEVEL_RANK = { province: 0, district: 1, commune: 2 } as const;

/** Bodies whose activity is not a council's: the people's committee, inspectors, courts, the Front, the National Assembly's delegation. */
const OTHER_BODY =
	/(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|Ban\s+Tiếp\s+công\s+dân|Thanh\s+tra|Tòa\s+án|Toà\s+án|Viện\s+kiểm\s+sát|MTTQ|Mặt\s+trận|Đoàn\s+ĐBQH|Đoàn\s+đại\s+biểu\s+Quốc\s+hội|đại\s+biểu\s+Quốc\s+hội|ĐBQH|Công\s+an|toàn\s+tỉnh|toàn\s+huyện)(?![\p{L}])/u;

/** The council of a figure and how it was chosen (the reasons are shown to data staff); null when it is no council's. */
export function ownerOf(
	r: ReportReading,
	f: Found,
): {
	scope: ExtractScope;
	key: string | null;
	candidates: UnitCandidate[];
	written: string;
	reasons: string[];
} | null {
	const { text, named, gazetteer, provinces, contextUnit, context, sentences } = r;
	const actor = actorOf(r, f);
	if (otherBodyActs(r, f, actor)) return null;
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
function otherBodyActs(r: ReportReading, f: Found, actor: Actor | null): boolean {
	const { text } = r;
	if (f.noun.metric === 'petitions_resolved' || f.noun.metric === 'petition_resolution_rate')
		return false;
	if (actor && actor.start >= f.clause.start && actor.end <= f.token.start) return false;
	// The subject opens the clause, after an adverbial at most ("Trong tháng 4/2017, toàn tỉnh tiếp …").
	const opening = text.slice(f.clause.start, f.token.start).replace(/^[^,]{0,50},\s*/u, '');
	return new RegExp(`^\\s*(?:${OTHER_BODY.source})`, 'u').test(opening);
}

/** The council a figure belongs to: the last one named before it in its clause, sentence or paragraph. */
function actorOf(r: ReportReading, f: Found): Actor | null {
	const { actorsIn, sentences } = r;
	const before = (from: number) =>
		[...actorsIn[f.sentence.index]!, ...clauseSubjects(r, f)]
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
function clauseSubjects(r: ReportReading, f: Found): Actor[] {
	const { namedIn, text } = r;
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
