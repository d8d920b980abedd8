/**
 * What one number of the text stands for: the figure its counted noun names (src/extract/lexicon.ts),
 * a noun understood from the figure before, a petitions fraction ("980/1.143 kiến nghị"), a rate; or
 * nothing, when the number is an ordinal, a date, a change, a document number.
 */
import { isResolutionRate, matchBarePetition, matchNoun, type NounMatch } from './lexicon.ts';
import type { Sentence, Span } from './segment.ts';
import type { NumberToken } from './vn-numbers.ts';

/** A number read as a figure, before its council and period are found. */
export interface Found {
	token: NumberToken;
	noun: NounMatch;
	sentence: Sentence;
	clause: Span;
	value: number;
}

/** Words before a number that make it something other than a count of activity. */
export const NOT_A_COUNT_BEFORE =
	/(?:thứ|lần\s+thứ|giữa|tại|trong|sau|ở|cho|(?<!đối\s)với|của|cả|khóa|khoá|(?<!tổng\s)số|năm|ngày|tháng|quý|điều|khoản|kỳ|nhiệm\s+kỳ|tăng|giảm|hơn\s+so\s+với|nhiều\s+hơn|ít\s+hơn|trên\s+tổng\s+số|\/|mỗi|bình\s+quân|trung\s+bình)\s*$/iu;
const CHANGE_AFTER = /^\s*(?:\p{L}+\s+){0,3}?(?:so\s+với|so\s+cùng\s+kỳ)/iu;

/** The figures a number stands for (none, one, or two for "980/1.143 kiến nghị"). */
export function readFigure(
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
export function understood(
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
export function qualifierStart(before: string, tokenStart: number): number {
	const m = /(?:hơn|trên|gần|khoảng|xấp\s+xỉ|ít\s+nhất|tối\s+thiểu|không\s+dưới|chừng)\s*$/iu.exec(
		before,
	);
	return m ? tokenStart - m[0].length : tokenStart;
}
