/**
 * How the review screen writes and reads a figure's parts: metric names (the catalogue's, plus the two
 * totals reports state), qualifiers, periods, values in the user's language, and dates as dd/mm/yyyy.
 * Pure functions, tested without a page.
 */
import type { ExtractMetricId, ExtractQualifier, ExtractedPeriod } from '../../extract/types.ts';
import { formatNumber, type Lang } from '../../i18n/format.ts';
import { parseCount } from '../../import/numbers.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { METRICS, type Bilingual } from '../../model/metrics.ts';
import type { FigureState } from './extract-session.svelte.ts';

/** The totals a report states that are not catalogue metrics. */
const EXTRA_METRICS: { id: ExtractMetricId; label: Bilingual }[] = [
	{ id: 'sessions_total', label: { vi: 'Tổng số kỳ họp', en: 'Sessions (total)' } },
	{
		id: 'petition_resolution_rate',
		label: { vi: 'Tỷ lệ kiến nghị cử tri đã giải quyết (%)', en: 'Voter petitions resolved (%)' },
	},
];

/** Every metric a figure can be, in catalogue order, then the two totals. */
export const EXTRACT_METRICS: readonly { id: ExtractMetricId; label: Bilingual }[] = [
	...METRICS.map((m) => ({ id: m.id as ExtractMetricId, label: m.label })),
	...EXTRA_METRICS,
];

export function metricLabel(id: ExtractMetricId, lang: Lang): string {
	return EXTRACT_METRICS.find((m) => m.id === id)?.label[lang] ?? id;
}

export const QUALIFIER_LABELS: Record<ExtractQualifier, Bilingual> = {
	exact: { vi: 'đúng số', en: 'exact' },
	at_least: { vi: 'ít nhất (trên, hơn)', en: 'at least (over, more than)' },
	approx: { vi: 'khoảng (gần)', en: 'about (nearly)' },
	cumulative: { vi: 'cộng dồn đến nay', en: 'cumulative to date' },
};

/** A figure's value as the user reads it: 1.143, or 89,2% for the resolution rate. */
export function formatFigureValue(value: number, metric: ExtractMetricId, lang: Lang): string {
	return metric === 'petition_resolution_rate'
		? `${formatNumber(value, lang, 1)}%`
		: formatNumber(value, lang, 0);
}

/**
 * A value typed by the user: a count as an office writes it ("1.143", "02"), or for the resolution rate
 * a percentage with a decimal comma ("89,2", "89,2 %"). Null when it is not one.
 */
export function parseFigureValue(text: string, metric: ExtractMetricId): number | null {
	if (metric === 'petition_resolution_rate') {
		const match = /^\s*(\d{1,3})(?:[,.](\d+))?\s*%?\s*$/.exec(text);
		if (!match) return null;
		const value = Number(`${match[1]}.${match[2] ?? '0'}`);
		return value <= 100 ? value : null;
	}
	const count = parseCount(text);
	return count.kind === 'value' && count.qualifier === null ? count.value : null;
}

const PERIOD_NAMES: Record<ExtractedPeriod['kind'], Bilingual> = {
	year: { vi: 'năm', en: 'year' },
	h1: { vi: '6 tháng đầu năm', en: 'first half of' },
	m9: { vi: '9 tháng đầu năm', en: 'first nine months of' },
	quarter: { vi: 'quý', en: 'quarter' },
	month: { vi: 'tháng', en: 'month' },
	term: { vi: 'nhiệm kỳ', en: 'term' },
	span: { vi: 'từ … đến …', en: 'from … to …' },
};

export function periodKindLabel(kind: ExtractedPeriod['kind'], lang: Lang): string {
	return PERIOD_NAMES[kind][lang];
}

/** The period in words: "năm 2022", "6 tháng đầu năm 2023", "tháng 3/2024", "nhiệm kỳ 2021-2026". */
export function formatPeriod(period: ExtractedPeriod, lang: Lang): string {
	const year = period.year ?? '?';
	switch (period.kind) {
		case 'year':
			return lang === 'vi' ? `năm ${year}` : `${year}`;
		case 'h1':
		case 'm9':
			return `${PERIOD_NAMES[period.kind][lang]} ${year}`;
		case 'quarter':
			return lang === 'vi'
				? `quý ${period.quarter ?? '?'}/${year}`
				: `Q${period.quarter ?? '?'} ${year}`;
		case 'month':
			return lang === 'vi'
				? `tháng ${period.month ?? '?'}/${year}`
				: `${String(period.month ?? '?').padStart(2, '0')}/${year}`;
		case 'term':
			return `${PERIOD_NAMES.term[lang]} ${period.term ?? '?'}`;
		case 'span': {
			const from = period.from ? formatIsoDate(period.from) : '…';
			const to = period.to ? formatIsoDate(period.to) : '…';
			return lang === 'vi' ? `từ ${from} đến ${to}` : `${from} to ${to}`;
		}
	}
}

/** 2022-12-20 → 20/12/2022; anything else as it is. */
export function formatIsoDate(iso: string | null): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
	return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? '');
}

/**
 * A date typed as dd/mm/yyyy (or d/m/yyyy, with dots or dashes) → ISO; '' → null; undefined when it is
 * not a real date.
 */
export function parseDayMonthYear(text: string): string | null | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
	if (!match) return undefined;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The message naming each review state. */
export const STATE_MESSAGES: Record<FigureState, MessageKey> = {
	pending: 'extractStatePending',
	accepted: 'extractStateAccepted',
	corrected: 'extractStateCorrected',
	rejected: 'extractStateRejected',
};
