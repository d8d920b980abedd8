/**
 * The comparison page's figures, read from its two queries (src/db/peer-queries.ts): the filters they
 * are asked with, the rows they return, the year the comparison is made in, and the tables behind its
 * charts and CSV files.
 */
import type { PanelTable } from '../../export/chart-csv.ts';
import type { RankingRow } from '../../charts/ranking-geometry.ts';
import type { Lang } from '../../i18n/format.ts';
import type { Basis } from '../../model/basis.ts';
import type { Scheme } from '../../model/units.ts';

/** One peer-year of peersSql. */
export interface PeerCell {
	unit_key: string;
	year: number;
	value: number | null;
	rank: number | null;
	reporting: number;
	source_kind: string | null;
	/** An estimate: re-aggregated through a split commune (≈). */
	approx: boolean;
	/** The councils the value comes from (a per-council figure's divisor); null when not reported. */
	councils: number | null;
}

/** One year of mediansSql. */
export interface MedianRow {
	year: number;
	parent_median: number | null;
	national_median: number | null;
}

/**
 * The filters the subject is compared under: an old unit is compared as it reported, since the 2025
 * units' table has none of its figures.
 */
export function subjectFilters<F extends { basis: Basis }>(
	current: F,
	subjectScheme: Scheme | undefined,
): F {
	return subjectScheme === '2023' && current.basis === 'units2025'
		? { ...current, basis: 'reported' as const }
		: current;
}

/** The subject's last year with a figure in the range (an old district has none after 2025), or null. */
export function lastYearWithFigure(cells: readonly PeerCell[], subject: string): number | null {
	return cells
		.filter((c) => c.unit_key === subject && c.value !== null)
		.reduce<number | null>((last, c) => Math.max(last ?? c.year, c.year), null);
}

/**
 * The peers' table at the year compared: rank, unit, value, and with per-council figures the councils
 * each averages over, so that a CSV says what it divides by.
 */
export function peersTable(
	rows: readonly RankingRow[],
	councilsAt: (key: string) => number | null,
	labels: { rank: string; unit: string; measure: string; councils: string | null },
	format: (value: number | null) => string,
): PanelTable {
	const councils = labels.councils;
	return {
		columns: [
			{ label: labels.rank },
			{ label: labels.unit },
			{ label: labels.measure, format },
			...(councils ? [{ label: councils }] : []),
		],
		rows: rows.map((r) => [
			r.rank,
			r.label,
			r.value,
			...(councils ? [r.value === null ? null : councilsAt(r.key)] : []),
		]),
	};
}

/** Says that the comparison is made in an earlier year than the range's end, and why (none if not). */
export function lastYearNote(name: string, yearTo: number, lastYear: number, lang: Lang): string[] {
	if (lastYear === yearTo) return [];
	return [
		lang === 'vi'
			? `${name} không có số liệu năm ${yearTo}; so sánh năm ${lastYear}, năm gần nhất có số liệu.`
			: `${name} has no figures for ${yearTo}; compared in ${lastYear}, its last year with figures.`,
	];
}

/** The subject's line and the two medians' lines over the years, for the medians chart and its table. */
export function trendWithMedians(
	subject: { key: string; label: string },
	years: readonly number[],
	valueAt: (year: number) => number | null,
	medianAt: ReadonlyMap<number, MedianRow>,
	labels: { parent: string; national: string },
): { key: string; label: string; values: (number | null)[] }[] {
	return [
		{ ...subject, values: years.map(valueAt) },
		{
			key: 'parent-median',
			label: labels.parent,
			values: years.map((y) => medianAt.get(y)?.parent_median ?? null),
		},
		{
			key: 'national-median',
			label: labels.national,
			values: years.map((y) => medianAt.get(y)?.national_median ?? null),
		},
	];
}

/** The medians chart's table: a row per year, a column per line (the subject's, then the medians). */
export function mediansTable(
	years: readonly number[],
	series: readonly { label: string; values: readonly (number | null)[] }[],
	yearLabel: string,
	format: (value: number | null) => string,
): PanelTable {
	return {
		columns: [{ label: yearLabel }, ...series.map((s) => ({ label: s.label, format }))],
		rows: years.map((y, i) => [y, ...series.map((s) => s.values[i] ?? null)]),
	};
}

/** The small multiples' table: a row per peer, a column per year. */
export function multiplesTable(
	years: readonly number[],
	series: readonly { label: string; values: readonly (number | null)[] }[],
	unitLabel: string,
	format: (value: number | null) => string,
): PanelTable {
	return {
		columns: [{ label: unitLabel }, ...years.map((y) => ({ label: String(y), format }))],
		rows: series.map((s) => [s.label, ...s.values]),
	};
}

/** The subject's rank among the peers that reported, and its value, year by year. */
export function rankByYear(
	years: readonly number[],
	cellIn: (year: number) => PeerCell | undefined,
) {
	return years.map((year) => {
		const cell = cellIn(year);
		return {
			year,
			rank: cell?.rank ?? null,
			reporting: cell?.reporting ?? 0,
			value: cell?.value ?? null,
		};
	});
}
