/**
 * The area's figures, year by year, for the overview's tiles and totals chart: how many units exist,
 * the headline measures and the chosen measure over the units that reported. In two parts (headline,
 * measure) so that choosing another measure asks only for the small one; areaYearsSql is both in one.
 */
import type { Basis } from '../model/basis.ts';
import { HEADLINE_MEASURES, type MeasureId } from '../model/measures.ts';
import { formAggregateSql, formCouncilsSql, formReportedCountSql } from './comparable-sql.ts';
import { aggregateSql, reportedCountSql } from './measure-sql.ts';
import { areaWhere, formOf, unitScheme, yearlyTable, type ViewFilters } from './queries.ts';
import { ident, num, str } from './sql.ts';

/**
 * How many units of the chosen level and area exist in each of the given years (in the list the year is
 * shown with), from the prepared `unit_counts`: one row per year, 0 where none exist.
 */
function unitCountsSql(f: ViewFilters, years: readonly number[]): string {
	const yearSchemes = years.map((y) => `(${num(y)}, ${str(unitScheme(f.basis, y))})`).join(', ');
	return `SELECT y.year, COALESCE(SUM(c.units), 0)::INTEGER AS units
		FROM (VALUES ${yearSchemes}) y(year, scheme)
		LEFT JOIN unit_counts c ON c.scheme = y.scheme AND c.level = ${str(f.level)} AND ${areaWhere(f.province, 'c.')}
		GROUP BY y.year`;
}

/**
 * The years the area figures cover: the range shown, and the year before the last even when the range
 * starts at the last year (the tiles compare the last year with the one before).
 */
export function areaYears(f: ViewFilters): number[] {
	const first = Math.min(f.yearFrom, f.yearTo - 1);
	return Array.from({ length: f.yearTo - first + 1 }, (_, i) => first + i);
}

/** A row of areaHeadlineSql: the area's figures of one year that do not depend on the chosen measure. */
export interface AreaHeadlineYear {
	year: number;
	units: number;
	reporting_units: number;
	any_simulated: boolean;
	any_reported: boolean;
	any_approx: boolean;
	/** Any figure was imported from a file or accepted from a report. */
	any_imported: boolean;
	/** A headline measure's value, and how many units reported it. */
	[column: `v_${string}`]: number | null;
	[column: `n_${string}`]: number | null;
	/** The councils behind a headline measure's value (see formCouncilsSql), for its per-council change. */
	[column: `w_${string}`]: number | null;
}

/** A row of areaMeasureSql: the chosen measure over the area in one year. */
export interface AreaMeasureYear {
	year: number;
	value: number | null;
	reporting: number;
	/** The councils behind `value` (their shares added up), for the per-council form's notes. */
	councils: number;
}

/** A row of areaYearsSql: both parts of one year. */
export type AreaYear = AreaHeadlineYear & AreaMeasureYear;

/** The area's rows: the chosen level, the area, the years of areaYears. */
function areaRowsWhere(f: ViewFilters, years: readonly number[]): string {
	return `level = ${str(f.level)} AND ${areaWhere(f.province)} AND year BETWEEN ${num(years[0]!)} AND ${num(f.yearTo)}`;
}

/** The headline measures of the tiles: a `v_`, `n_` and `w_` column each in the area's figures. */
export const AREA_HEADLINE_MEASURES: readonly MeasureId[] = [
	...HEADLINE_MEASURES,
	'resolution_rate',
	'petitions_received',
];

/**
 * The aggregate columns of the area's figures over a group of yearly rows (areaHeadlineSql, and every
 * area's at once in all-areas.ts), one per line after `lineBreak`.
 */
export function areaFiguresSql(basis: Basis, lineBreak: string): string {
	const headline = AREA_HEADLINE_MEASURES.map(
		(id) =>
			`${aggregateSql(id)} AS ${ident(`v_${id}`)}, ${reportedCountSql(id)} AS ${ident(`n_${id}`)}, ${formCouncilsSql(id, basis)} AS ${ident(`w_${id}`)}`,
	);
	return [
		...headline,
		'COUNT(*)::INTEGER AS reporting_units',
		"BOOL_OR(source_kind = 'simulated') AS any_simulated",
		"BOOL_OR(source_kind = 'reported') AS any_reported",
		'BOOL_OR(approx) AS any_approx',
		"BOOL_OR(source_kind = 'imported') AS any_imported",
	].join(`,${lineBreak}`);
}

/**
 * The part of the area's figures that does not depend on the chosen measure, year by year (see
 * areaYears): how many units exist (`units`), the headline measures as `v_<id>` with their reporting
 * units as `n_<id>` and councils as `w_<id>`, how many units reported anything, and whether any figure is
 * simulated, reported, approximate or imported. One row per year. Apart from the measure's part
 * (areaMeasureSql), so that choosing another measure asks only for that small part: most of a query's
 * time in the engine goes to planning it, which grows with its expressions.
 */
export function areaHeadlineSql(f: ViewFilters): string {
	const years = areaYears(f);
	return `WITH figures AS (
		SELECT year, ${areaFiguresSql(f.basis, '\n\t\t\t')}
		FROM ${yearlyTable(f.basis)}
		WHERE ${areaRowsWhere(f, years)}
		GROUP BY year
	)
	SELECT c.year, c.units, f.* EXCLUDE (year, reporting_units, any_simulated, any_reported, any_approx, any_imported),
		COALESCE(f.reporting_units, 0) AS reporting_units,
		COALESCE(f.any_simulated, FALSE) AS any_simulated, COALESCE(f.any_reported, FALSE) AS any_reported,
		COALESCE(f.any_approx, FALSE) AS any_approx, COALESCE(f.any_imported, FALSE) AS any_imported
	FROM (${unitCountsSql(f, years)}) c LEFT JOIN figures f ON f.year = c.year
	ORDER BY c.year`;
}

/**
 * The chosen measure over the area's reporting units, year by year, for the years that have any row:
 * `value` (the total of counts, the ratio of sums for rates), how many reported it (`reporting`) and the
 * councils behind it (`councils`). Years with no row are absent (mergeAreaYears gives them 0 and NULL).
 */
export function areaMeasureSql(f: ViewFilters): string {
	const years = areaYears(f);
	return `SELECT year, ${formAggregateSql(f.measure, formOf(f), f.basis)} AS value,
		${formReportedCountSql(f.measure, formOf(f), f.basis)} AS reporting,
		${formCouncilsSql(f.measure, f.basis, formOf(f))} AS councils
	FROM ${yearlyTable(f.basis)}
	WHERE ${areaRowsWhere(f, years)}
	GROUP BY year
	ORDER BY year`;
}

/**
 * The area's figures by year (AreaYear rows, as areaYearsSql gives them) from its two parts: each year of
 * the headline part with the measure's figures of that year, none reported where the measure has no row.
 */
export function mergeAreaYears(
	headline: readonly AreaHeadlineYear[],
	measure: readonly AreaMeasureYear[],
): AreaYear[] {
	const byYear = new Map(measure.map((row) => [row.year, row]));
	return headline.map((row) => {
		const own = byYear.get(row.year);
		return {
			...row,
			value: own?.value ?? null,
			reporting: own?.reporting ?? 0,
			councils: own?.councils ?? 0,
		};
	});
}

/**
 * The chosen level and area, year by year (see areaYears), both parts in one answer: the headline part
 * (areaHeadlineSql) with the chosen measure's `value`, `reporting` and `councils` (areaMeasureSql). The
 * overview asks for the parts apart (mergeAreaYears joins them); this one query is the reference they
 * are checked against, and the benchmark's engine comparison.
 */
export function areaYearsSql(f: ViewFilters): string {
	return `SELECT h.*, m.value, COALESCE(m.reporting, 0)::INTEGER AS reporting,
		COALESCE(m.councils, 0)::INTEGER AS councils
	FROM (${areaHeadlineSql(f)}) h LEFT JOIN (${areaMeasureSql(f)}) m ON m.year = h.year
	ORDER BY h.year`;
}
