/** Formatting a measure's value in the user's language: counts as numbers, ratios as percentages. */
import { formatChange, formatNumber, formatPercent, type Lang } from '../../i18n/format.ts';
import { measureById, type MeasureId } from '../../model/measures.ts';

export function measureFormatter(id: MeasureId, lang: Lang): (value: number | null) => string {
	return measureById(id).format === 'percent'
		? (value) => formatPercent(value, lang)
		: (value) => formatNumber(value, lang, 0);
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
