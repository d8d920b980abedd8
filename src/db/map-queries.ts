/**
 * The map's queries: one value per province of the scheme shown, and the units of one province for the
 * drill-down. Built from the same filters as the dashboard's queries (src/db/queries.ts).
 */
import type { Scheme, UnitLevel } from '../model/units.ts';
import { aggregateSql, reportedCountSql } from './measure-sql.ts';
import { rankingSpan, unitScheme, yearlyTable, type ViewFilters } from './queries.ts';
import { num, str } from './sql.ts';

/** The list whose provinces the map draws: the one of the last year of the span shown. */
export function mapScheme(f: ViewFilters): Scheme {
	return unitScheme(f.basis, rankingSpan(f)[1]);
}

/** The level a province is drilled into: the chosen level, or the one below provinces. */
export function drillLevel(level: UnitLevel, scheme: Scheme): UnitLevel {
	if (scheme === '2025' || level === 'commune') return 'commune';
	return 'district';
}

/** The filters of the drill-down: the units of the drill level inside one province. */
export function drillFilters(f: ViewFilters, province: string): ViewFilters {
	return { ...f, province, level: drillLevel(f.level, mapScheme(f)) };
}

/**
 * One row per province of the scheme shown: the measure over the units of the chosen level in it, for
 * the ranked span (the brushed years, or the last year). At province level this is the council's own
 * figure; below, counts add up over the unit-years that reported and rates are ratios of sums. Old units
 * belong to the 2025 province their territory went to. `value` is NULL when no unit-year reported, never
 * 0; `reporting_units` counts the unit-years that reported, `units` the unit-years that existed.
 */
export function provinceMapSql(f: ViewFilters): string {
	const [from, to] = rankingSpan(f);
	const scheme = mapScheme(f);
	const provinceOf = (alias: string) =>
		scheme === '2025' ? `${alias}province_2025` : `${alias}province_code`;
	const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
	const schemeOfYears = years.map((y) => `(${num(y)}, ${str(unitScheme(f.basis, y))})`).join(', ');
	return `WITH provinces AS (
		SELECT code AS province_code FROM units WHERE scheme = ${str(scheme)} AND level = 'province'
	),
	existing AS (
		SELECT ${provinceOf('u.')} AS province_code, COUNT(*)::INTEGER AS units
		FROM (VALUES ${schemeOfYears}) AS s(year, scheme)
		JOIN units u ON u.scheme = s.scheme AND u.level = ${str(f.level)}
		GROUP BY 1
	),
	figures AS (
		SELECT ${provinceOf('')} AS province_code, ${aggregateSql(f.measure)} AS value,
			${reportedCountSql(f.measure)} AS reporting_units,
			COALESCE(BOOL_OR(source_kind = 'simulated'), FALSE) AS any_simulated,
			COALESCE(BOOL_OR(source_kind = 'reported'), FALSE) AS any_reported,
			COALESCE(BOOL_OR(approx), FALSE) AS any_approx
		FROM ${yearlyTable(f.basis)}
		WHERE level = ${str(f.level)} AND year BETWEEN ${num(from)} AND ${num(to)}
			-- A 2023 code names an old province only among old units.
			${scheme === '2023' ? "AND scheme = '2023'" : ''}
		GROUP BY 1
	)
	SELECT ${str(`${scheme}:`)} || p.province_code AS unit_key, p.province_code,
		CASE WHEN COALESCE(f.reporting_units, 0) > 0 THEN f.value END AS value,
		COALESCE(f.reporting_units, 0) AS reporting_units, COALESCE(e.units, 0) AS units,
		COALESCE(f.any_simulated, FALSE) AS any_simulated, COALESCE(f.any_reported, FALSE) AS any_reported,
		COALESCE(f.any_approx, FALSE) AS any_approx
	FROM provinces p
	LEFT JOIN existing e ON e.province_code = p.province_code
	LEFT JOIN figures f ON f.province_code = p.province_code
	ORDER BY p.province_code`;
}
