/**
 * Short summaries of charts in words: what a reader would say after one look (highest and lowest unit,
 * how a line changed over the years). Shown under each chart, read by screen readers, and written into
 * exports as the SVG's <desc>. Pure functions of the data the chart draws.
 */
import { formatChange, type Lang } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface SummaryContext {
	t: (key: MessageKey, params?: Record<string, string | number>) => string;
	/** The measure's number form (counts, rates). */
	format: (value: number | null) => string;
	lang: Lang;
}

export interface LabelledValue {
	label: string;
	value: number | null;
}

function extremes<T extends { value: number | null }>(
	items: readonly T[],
): { top: T; bottom: T } | null {
	let top: T | undefined;
	let bottom: T | undefined;
	for (const item of items) {
		if (item.value === null || Number.isNaN(item.value)) continue;
		if (!top || item.value > top.value!) top = item;
		if (!bottom || item.value < bottom.value!) bottom = item;
	}
	return top && bottom ? { top, bottom } : null;
}

/** "Cao nhất: A (12); thấp nhất: B (2). 33/34 đơn vị có số liệu." */
export function highLowSummary(
	rows: readonly LabelledValue[],
	{ t, format }: SummaryContext,
	total = rows.length,
): string {
	const found = extremes(rows);
	if (!found) return t('summaryNoData');
	const reported = rows.filter((r) => r.value !== null).length;
	const parts = [
		t('summaryHighLow', {
			top: found.top.label,
			topValue: format(found.top.value),
			bottom: found.bottom.label,
			bottomValue: format(found.bottom.value),
		}),
	];
	if (reported < total || total > 1) {
		parts.push(t('summaryCoverage', { n: reported, total }));
	}
	return parts.join(' ');
}

export interface SeriesInput {
	label: string;
	/** One value per year; null where not reported. */
	values: readonly (number | null)[];
}

/** How one line changed between its first and its last reported year. */
function lineChange(
	series: SeriesInput,
	years: readonly number[],
	{ t, format }: SummaryContext,
): string | null {
	const first = series.values.findIndex((v) => v !== null);
	if (first < 0) return null;
	const last = series.values.findLastIndex((v) => v !== null);
	const from = series.values[first]!;
	const to = series.values[last]!;
	if (first === last) {
		return t('summaryOnly', { unit: series.label, year: years[first]!, value: format(from) });
	}
	// A line that starts late or stops early says so: its own years beside the values.
	const whole = first === 0 && last === years.length - 1;
	const at = (value: number, index: number) =>
		whole ? format(value) : `${format(value)} (${years[index]})`;
	if (format(from) === format(to))
		return t('summarySame', { unit: series.label, value: format(to) });
	const key: MessageKey = to > from ? 'summaryRise' : 'summaryFall';
	return t(key, { unit: series.label, from: at(from, first), to: at(to, last) });
}

/** "Từ 2019 đến 2026: A tăng từ 5 lên 8; B giảm từ 9 xuống 7 và 2 đường khác." */
export function trendSummary(
	series: readonly SeriesInput[],
	years: readonly number[],
	context: SummaryContext,
	maxLines = 3,
): string {
	const changes = series
		.map((s) => lineChange(s, years, context))
		.filter((c): c is string => c !== null);
	if (changes.length === 0 || years.length === 0) return context.t('summaryNoData');
	const shown = changes.slice(0, maxLines).join('; ');
	const more =
		changes.length > maxLines
			? ` ${context.t('summaryMore', { n: changes.length - maxLines })}`
			: '';
	return context.t('summarySpan', {
		from: years[0]!,
		to: years.at(-1)!,
		changes: `${shown}${more}`,
	});
}

/** "Năm 2026: 1.234, +5,0% so với năm 2025; cao nhất là năm 2024 (1.300)." */
export function totalsSummary(
	columns: readonly { year: number; value: number | null }[],
	{ t, format, lang }: SummaryContext,
): string {
	const reported = columns.filter((c) => c.value !== null);
	const latest = reported.at(-1);
	if (!latest) return t('summaryNoData');
	const previous = columns.find((c) => c.year === latest.year - 1);
	let text = t('summaryLatest', { year: latest.year, value: format(latest.value) });
	if (previous?.value !== null && previous?.value !== undefined && previous.value !== 0) {
		const change = formatChange((latest.value! - previous.value) / previous.value, lang);
		text += `, ${t('summaryChange', { change, year: previous.year })}`;
	}
	const peak = extremes(reported.map((c) => ({ ...c, label: String(c.year) })))!.top;
	return reported.length > 1
		? `${text}; ${t('summaryPeak', { year: peak.year, value: format(peak.value) })}`
		: `${text}.`;
}

/** "Ô cao nhất: A, năm 2024 (15). 12 ô chưa báo cáo." */
export function heatmapSummary(
	rows: readonly { key: string; label: string }[],
	years: readonly number[],
	valueAt: (key: string, year: number) => number | null | undefined,
	{ t, format }: SummaryContext,
): string {
	let best: { label: string; year: number; value: number } | null = null;
	let missing = 0;
	for (const row of rows) {
		for (const year of years) {
			const value = valueAt(row.key, year);
			if (value === null) missing++;
			else if (value !== undefined && (!best || value > best.value)) {
				best = { label: row.label, year, value };
			}
		}
	}
	if (!best) return t('summaryNoData');
	const text = t('summaryCell', { unit: best.label, year: best.year, value: format(best.value) });
	return missing > 0 ? `${text} ${t('summaryMissingCells', { n: missing })}` : text;
}

/** A unit among its peers: "A xếp thứ 3/12 (5). Cao nhất: B (9); thấp nhất: C (1). …" */
export function peersSummary(
	rows: readonly (LabelledValue & { key: string; rank: number | null })[],
	subject: string,
	context: SummaryContext,
): string {
	const own = rows.find((r) => r.key === subject);
	const ranked = rows.filter((r) => r.rank !== null).length;
	const lead =
		own && own.rank !== null
			? `${context.t('summaryRank', {
					unit: own.label,
					rank: own.rank,
					count: ranked,
					value: context.format(own.value),
				})} `
			: '';
	return `${lead}${highLowSummary(rows, context)}`;
}

/** "A: hạng 5 năm 2019, hạng 3 năm 2026." */
export function rankSummary(
	label: string,
	ranks: readonly { year: number; rank: number | null }[],
	{ t }: SummaryContext,
): string {
	const ranked = ranks.filter((r) => r.rank !== null);
	const first = ranked[0];
	const last = ranked.at(-1);
	if (!first || !last) return t('summaryNoData');
	if (first === last)
		return t('summaryRankOne', { unit: label, rank: first.rank!, year: first.year });
	return t('summaryRankSpan', {
		unit: label,
		from: first.rank!,
		fromYear: first.year,
		to: last.rank!,
		toYear: last.year,
	});
}
