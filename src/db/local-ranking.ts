/**
 * The answers of rankingWithTopSql and seriesSql computed in the page from the rows it holds
 * (unit-year-rows.ts) and the units in memory, row for row the same: a new area, level, last year or
 * chosen unit is then drawn without a round trip to the engine. Only a ranking of one year: over a
 * brushed span of several years (sums and ratios of sums over the span) the engine is asked.
 */
import type { UnitIndex } from '../model/unit-index.ts';
import {
	rankingSpan,
	inAreaTest,
	unitScheme,
	type RankingWithTopRow,
	type SeriesPoint,
	type ViewFilters,
} from './queries.ts';
import type { UnitYearValues } from './unit-year-rows.ts';

/** Whether localRankingWithTop can answer for these filters. */
export function rankedLocally(filters: ViewFilters): boolean {
	const [from, to] = rankingSpan(filters);
	return from === to;
}

/** Text order of the engine (bytes), for the same order of rows. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows of rankingWithTopSql(filters, top, years), in its order, or null where it cannot answer
 * (see rankedLocally). `values` must hold the filters' measure, form and basis.
 */
export function localRankingWithTop(
	values: UnitYearValues,
	units: UnitIndex,
	filters: ViewFilters,
	top: number,
	years: readonly [number, number],
): RankingWithTopRow[] | null {
	if (!rankedLocally(filters)) return null;
	const [, to] = rankingSpan(filters);
	const { rows } = values;
	const scheme = unitScheme(filters.basis, to);
	const inArea = inAreaTest(filters.province);
	const ranked: RankingWithTopRow[] = [];
	for (const unit of units.all()) {
		if (unit.scheme !== scheme || unit.level !== filters.level) continue;
		if (!inArea(unit)) continue;
		const row = rows.rowOf(unit.key, to);
		ranked.push({
			part: 'rank',
			unit_key: unit.key,
			value: values.value(row),
			source_kind: row < 0 ? null : rows.sourceKind(row),
			approx: row < 0 ? false : (rows.approx(row) ?? false),
			previous: values.value(rows.rowOf(unit.key, to - 1)),
		});
	}
	ranked.sort((a, b) => byText(a.unit_key, b.unit_key));
	return [...ranked, ...topSeries(values, ranked, top, years)];
}

/** The series of the units ranked in the first `top` places (ties at the last place included). */
function topSeries(
	values: UnitYearValues,
	ranked: readonly RankingWithTopRow[],
	top: number,
	years: readonly [number, number],
): RankingWithTopRow[] {
	const reported = ranked.filter((r) => r.value !== null);
	// A typed array sorts numbers natively, ascending (a comparator function costs several times more).
	const sorted = Float64Array.from(reported, (r) => r.value!).sort();
	// rank() ≤ top: fewer than `top` units above, so at least the top-th largest value.
	const threshold = sorted.length > top ? sorted[sorted.length - top]! : -Infinity;
	const shown = reported.filter((r) => r.value! >= threshold).map((r) => r.unit_key);
	return localSeries(values, shown, years).map((point) => ({ part: 'series', ...point }));
}

/**
 * The rows of seriesSql(filters, unitKeys) with `years` the filters' range, in its order: each unit's
 * values in the years it has a row. `values` must hold the filters' measure, form and basis.
 */
export function localSeries(
	values: UnitYearValues,
	unitKeys: readonly string[],
	years: readonly [number, number],
): SeriesPoint[] {
	const { rows } = values;
	const series: SeriesPoint[] = [];
	for (const key of [...new Set(unitKeys)].sort(byText)) {
		for (let year = years[0]; year <= years[1]; year++) {
			const row = rows.rowOf(key, year);
			if (row < 0) continue;
			series.push({
				unit_key: key,
				year,
				value: values.value(row),
				source_kind: rows.sourceKind(row)!,
				approx: rows.approx(row)!,
				councils: values.councils(row)!,
			});
		}
	}
	return series;
}
