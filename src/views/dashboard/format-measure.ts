/** Formatting a measure's value in the user's language: counts as numbers, ratios as percentages. */
import { formatChange, formatNumber, formatPercent, type Lang } from '../../i18n/format.ts';
import type { Form } from '../../model/comparable.ts';
import { measureById, type MeasureId } from '../../model/measures.ts';

/** Per council, a count is a mean and keeps one decimal (5,7 kỳ họp); a total is a whole number. */
export function measureFormatter(
	id: MeasureId,
	lang: Lang,
	form: Form = 'total',
): (value: number | null) => string {
	if (measureById(id).format === 'percent') return (value) => formatPercent(value, lang);
	const digits = form === 'perCouncil' ? 1 : 0;
	return (value) => formatNumber(value, lang, digits);
}

/** Formatting a change from the previous year: +12,5% for counts, +2,1 điểm % for rates. */
export function changeFormatter(id: MeasureId, lang: Lang): (change: number | null) => string {
	if (measureById(id).format !== 'percent') return (change) => formatChange(change, lang);
	const unit = lang === 'vi' ? 'điểm %' : 'pp';
	return (change) =>
		change === null
			? '—'
			: `${change > 0 ? '+' : ''}${formatNumber(change * 100, lang, 1)} ${unit}`;
}
