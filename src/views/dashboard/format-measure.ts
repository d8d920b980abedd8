/** Formatting a measure's value in the user's language: counts as numbers, ratios as percentages. */
import { formatNumber, formatPercent, type Lang } from '../../i18n/format.ts';
import { measureById, type MeasureId } from '../../model/measures.ts';

export function measureFormatter(id: MeasureId, lang: Lang): (value: number | null) => string {
	return measureById(id).format === 'percent'
		? (value) => formatPercent(value, lang)
		: (value) => formatNumber(value, lang, 0);
}
