/**
 * When a figure is for: the period named nearest before it in its sentence (else just after it), else
 * in an earlier sentence of its paragraph, else the whole term for a running total, else the report's
 * own period, else the year of its date (the year before, for a report of the first months).
 */
import type { Found } from './number-figures.ts';
import { period as makePeriod, type PeriodMention } from './periods.ts';
import type { ReportReading } from './report-reading.ts';
import type { ExtractedPeriod } from './types.ts';

export function periodOf(
	r: ReportReading,
	f: Found,
): { period: ExtractedPeriod; cumulative: boolean; reason: string } {
	const { periodsIn, sentences, dateYear, term, context } = r;
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
