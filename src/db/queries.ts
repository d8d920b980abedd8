/**
 * The dashboard's queries, built from the view's filters: the ranking, the trend's series and a unit's
 * facts (the area's figures by year are in area-queries.ts). Each returns SQL text over the prepared
 * tables; every builder is run against a real DuckDB in the unit tests.
 */
import type { MeasureId } from '../model/measures.ts';
import { parseUnitKey, schemeOfYear, type Scheme, type UnitLevel } from '../model/units.ts';
import type { Basis } from '../model/basis.ts';
import type { Form } from '../model/comparable.ts';
import { formValueSql, formCouncilCountSql } from './comparable-sql.ts';
import { aggregateSql } from './measure-sql.ts';
import { num, str, strList } from './sql.ts';

/** What the user chose; the queries depend on nothing else. */
export interface ViewFilters {
	/** A province key (`2025:01`, `2023:24`) or null for the whole country. */
	province: string | null;
	level: UnitLevel;
	yearFrom: number;
	yearTo: number;
	measure: MeasureId;
	/** As reported by the units of their time, or re-aggregated onto the 2025 units. */
	basis: Basis;
	/** Years brushed on a chart: the ranking sums over them instead of the last year alone. */
	brush: [number, number] | null;
	/** Counts as the territory total (the default) or per council; see src/model/comparable.ts. */
	form?: Form;
}

/** The form of counts the filters ask for (the territory total when they say none). */
export const formOf = (f: ViewFilters): Form => f.form ?? 'total';

/** The prepared table a basis reads: `yearly` or its re-aggregation onto the 2025 units. */
export function yearlyTable(basis: Basis): string {
	return basis === 'units2025' ? 'yearly_2025' : 'yearly';
}

/** The list whose units a year is shown with. */
export function unitScheme(basis: Basis, year: number): Scheme {
	return basis === 'units2025' ? '2025' : schemeOfYear(year);
}

/**
 * The area condition on a table with `scheme`, `province_code` and `province_2025` columns.
 * A 2025 province covers the old units that became part of it; an old province only its own old units.
 */
export function areaWhere(province: string | null, alias = ''): string {
	if (!province) return 'TRUE';
	const parsed = parseUnitKey(province);
	if (!parsed) throw new Error(`Not a province key: ${province}`);
	const col = (name: string) => `${alias}${name}`;
	return parsed.scheme === '2025'
		? `${col('province_2025')} = ${str(parsed.code)}`
		: `${col('scheme')} = '2023' AND ${col('province_code')} = ${str(parsed.code)}`;
}

/**
 * The same rule as areaWhere, for units held in memory (the page's own answers): a test of whether a unit
 * is in the area of `province` (null: the whole country). The key is read once here, not once per unit:
 * the page runs the test over every unit on each click.
 */
export function inAreaTest(
	province: string | null,
): (unit: { scheme: string; provinceCode: string; province2025: string }) => boolean {
	if (!province) return () => true;
	const parsed = parseUnitKey(province);
	if (!parsed) throw new Error(`Not a province key: ${province}`);
	const { code } = parsed;
	return parsed.scheme === '2025'
		? (unit) => unit.province2025 === code
		: (unit) => unit.scheme === '2023' && unit.provinceCode === code;
}

/** Every year of the range the filters show, in order. */
export function yearsShown(f: Pick<ViewFilters, 'yearFrom' | 'yearTo'>): number[] {
	return Array.from({ length: f.yearTo - f.yearFrom + 1 }, (_, i) => f.yearFrom + i);
}

/** The years the ranking covers: the brushed span, or the last year of the range. */
export function rankingSpan(f: ViewFilters): [number, number] {
	return f.brush ?? [f.yearTo, f.yearTo];
}

/**
 * Every unit of the chosen level and area that exists at the end of the ranked span, with its value of the
 * measure (NULL when not reported), the kind of its source and whether it is approximate. Over a span of
 * several years, counts add up and rates are ratios of sums, and a unit must have reported every year of
 * the span: a sum over some of the years is not a figure for the span. Ordering happens in the view.
 */
export function rankingSql(f: ViewFilters): string {
	const [from, to] = rankingSpan(f);
	const table = yearlyTable(f.basis);
	const units = `SELECT scheme, code FROM units
		WHERE scheme = ${str(unitScheme(f.basis, to))} AND level = ${str(f.level)} AND ${areaWhere(f.province)}`;
	const form = formOf(f);
	if (from === to) {
		// The previous year's value gives the change from last year (NULL where either year is missing).
		return `SELECT u.scheme || ':' || u.code AS unit_key, ${formValueSql(f.measure, form, f.basis, 'y.')} AS value,
			y.source_kind, COALESCE(y.approx, FALSE) AS approx, ${formValueSql(f.measure, form, f.basis, 'p.')} AS previous
		FROM (${units}) u
		LEFT JOIN ${table} y ON y.scheme = u.scheme AND y.code = u.code AND y.year = ${num(to)}
		LEFT JOIN ${table} p ON p.scheme = u.scheme AND p.code = u.code AND p.year = ${num(to - 1)}`;
	}
	return `SELECT u.scheme || ':' || u.code AS unit_key,
		CASE WHEN COUNT(${formValueSql(f.measure, form, f.basis, 'y.')}) = ${num(to - from + 1)} THEN ${spanValueSql(f)} END AS value,
		CASE WHEN BOOL_OR(y.source_kind = 'simulated') THEN 'simulated' ELSE MIN(y.source_kind) END AS source_kind,
		COALESCE(BOOL_OR(y.approx), FALSE) AS approx, NULL::DOUBLE AS previous
	FROM (${units}) u
	LEFT JOIN ${table} y ON y.scheme = u.scheme AND y.code = u.code AND y.year BETWEEN ${num(from)} AND ${num(to)}
	GROUP BY u.scheme, u.code`;
}

/**
 * A unit's value over a span of years: counts add up (per council: the per-council values add up, so each
 * year is divided by that year's councils), rates are ratios of sums.
 */
function spanValueSql(f: ViewFilters): string {
	return formOf(f) === 'perCouncil' && f.basis === 'units2025'
		? `SUM(${formValueSql(f.measure, 'perCouncil', f.basis, 'y.')})::DOUBLE`
		: aggregateSql(f.measure);
}

/**
 * Values of the measure for the given units over the year range, in the form shown, with the councils
 * each figure comes from; years a unit did not report are absent.
 */
export function seriesSql(f: ViewFilters, unitKeys: readonly string[]): string {
	return `SELECT unit_key, year, ${formValueSql(f.measure, formOf(f), f.basis)} AS value,
		${formCouncilCountSql(f.measure, formOf(f), f.basis)}::INTEGER AS councils, source_kind, approx
	FROM ${yearlyTable(f.basis)}
	WHERE unit_key IN ${strList(unitKeys)} AND year BETWEEN ${num(f.yearFrom)} AND ${num(f.yearTo)}
	ORDER BY unit_key, year`;
}

/** A row of seriesSql: one unit's value in one year, with the councils it comes from. */
export interface SeriesPoint {
	unit_key: string;
	year: number;
	value: number | null;
	source_kind: string;
	approx: boolean;
	councils: number;
}

/** A row of rankingWithTopSql: a unit of the ranking, or a point of a top unit's series. */
export type RankingWithTopRow =
	| {
			part: 'rank';
			unit_key: string;
			value: number | null;
			source_kind: string | null;
			approx: boolean;
			previous: number | null;
	  }
	| ({ part: 'series' } & SeriesPoint);

/**
 * The ranking of `f` (rankingSql, rows with `part = 'rank'`) and, in the same answer, the series (as
 * seriesSql, over `years`, by default `f`'s range; `part = 'series'`) of the `top` units it puts first,
 * ties at the last place included. One query instead of two: the engine ranks once, plans once, and the
 * ranking and the charts of its top units land in one redraw. The view's own top (ties broken by name) is
 * a subset of those units.
 */
export function rankingWithTopSql(
	f: ViewFilters,
	top: number,
	years: readonly [number, number] = [f.yearFrom, f.yearTo],
): string {
	const series: ViewFilters = { ...f, brush: null, yearFrom: years[0], yearTo: years[1] };
	const form = formOf(series);
	// Materialised: both parts read the ranking, which is computed once.
	return `WITH ranked AS MATERIALIZED (${rankingSql(f)}),
	shown AS (SELECT unit_key FROM ranked WHERE value IS NOT NULL
		QUALIFY rank() OVER (ORDER BY value DESC) <= ${num(top)})
	SELECT 'rank' AS part, unit_key, NULL::INTEGER AS year, value::DOUBLE AS value, source_kind, approx,
		previous::DOUBLE AS previous, NULL::INTEGER AS councils
	FROM ranked
	UNION ALL
	SELECT 'series' AS part, unit_key, year, ${formValueSql(series.measure, form, series.basis)}::DOUBLE AS value,
		source_kind, approx, NULL::DOUBLE AS previous,
		${formCouncilCountSql(series.measure, form, series.basis)}::INTEGER AS councils
	FROM ${yearlyTable(series.basis)}
	WHERE unit_key IN (SELECT unit_key FROM shown) AND year BETWEEN ${num(series.yearFrom)} AND ${num(series.yearTo)}
	ORDER BY part, unit_key, year`;
}

/**
 * Every fact of one unit (all years, periods and scopes), with its source, for the detail panel. One
 * query per unit: the years it has figures in and the facts of the year shown are both picked from it in
 * the page (src/model/unit-facts.ts), so that opening a unit is one round trip and changing the year
 * with the detail open is none. A unit has at most a few hundred facts (12 months × 11 years × sources).
 */
export function unitAllFactsSql(unitKey: string): string {
	const parsed = parseUnitKey(unitKey);
	if (!parsed) throw new Error(`Not a unit key: ${unitKey}`);
	return `SELECT f.*, s.kind AS source_kind, s.title AS source_title, s.publisher AS source_publisher,
		s.date AS source_date, s.url AS source_url
	FROM facts f JOIN sources s ON s.id = f.source_id
	WHERE f.scheme = ${str(parsed.scheme)} AND f.unit_code = ${str(parsed.code)}`;
}
