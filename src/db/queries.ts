/**
 * The dashboard's queries, built from the view's filters. Each returns SQL text over the prepared tables;
 * every builder is run against a real DuckDB in the unit tests.
 */
import { HEADLINE_MEASURES, type MeasureId } from '../model/measures.ts';
import { parseUnitKey, schemeOfYear, type UnitLevel } from '../model/units.ts';
import { aggregateSql, reportedCountSql, unitValueSql } from './measure-sql.ts';
import { ident, num, str, strList } from './sql.ts';

/** What the user chose; the queries depend on nothing else. */
export interface ViewFilters {
	/** A province key (`2025:01`, `2023:24`) or null for the whole country. */
	province: string | null;
	level: UnitLevel;
	yearFrom: number;
	yearTo: number;
	measure: MeasureId;
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
 * Headline figures of the last year and the year before, over the units of the chosen level and area:
 * per headline measure its value (`v_<id>`) and reporting units (`n_<id>`), the resolution rate,
 * the number of units that exist, and whether any figure is simulated.
 */
export function headlineSql(f: ViewFilters): string {
	const years = [f.yearTo - 1, f.yearTo];
	const measures: MeasureId[] = [...HEADLINE_MEASURES, 'resolution_rate', 'petitions_received'];
	const columns = measures
		.map(
			(id) =>
				`${aggregateSql(id)} AS ${ident(`v_${id}`)}, ${reportedCountSql(id)} AS ${ident(`n_${id}`)}`,
		)
		.join(',\n\t\t');
	const unitCounts = years
		.map(
			(y) =>
				`SELECT ${num(y)} AS year, COUNT(*)::INTEGER AS units FROM units
				WHERE scheme = ${str(schemeOfYear(y))} AND level = ${str(f.level)} AND ${areaWhere(f.province)}`,
		)
		.join(' UNION ALL ');
	return `WITH figures AS (
		SELECT year, ${columns},
		COUNT(*)::INTEGER AS reporting_units,
		COALESCE(BOOL_OR(source_kind = 'simulated'), FALSE) AS any_simulated
		FROM yearly
		WHERE level = ${str(f.level)} AND ${areaWhere(f.province)} AND year IN (${years.map(num).join(', ')})
		GROUP BY year
	)
	SELECT c.year, c.units, f.* EXCLUDE (year)
	FROM (${unitCounts}) c LEFT JOIN figures f ON f.year = c.year
	ORDER BY c.year`;
}

/**
 * Every unit of the chosen level and area that existed in the last year, with its value of the measure
 * (NULL when not reported) and the kind of its source. Ordering and cutting happen in the view.
 */
export function rankingSql(f: ViewFilters): string {
	return `SELECT u.scheme || ':' || u.code AS unit_key, ${unitValueSql(f.measure, 'y.')} AS value,
		y.source_kind
	FROM units u
	LEFT JOIN yearly y ON y.scheme = u.scheme AND y.code = u.code AND y.year = ${num(f.yearTo)}
	WHERE u.scheme = ${str(schemeOfYear(f.yearTo))} AND u.level = ${str(f.level)} AND ${areaWhere(f.province, 'u.')}`;
}

/** Values of the measure for the given units over the year range; years a unit did not report are absent. */
export function seriesSql(f: ViewFilters, unitKeys: readonly string[]): string {
	return `SELECT unit_key, year, ${unitValueSql(f.measure)} AS value, source_kind
	FROM yearly
	WHERE unit_key IN ${strList(unitKeys)} AND year BETWEEN ${num(f.yearFrom)} AND ${num(f.yearTo)}
	ORDER BY unit_key, year`;
}

/** Every fact of one unit in one year (all periods and scopes), with its source, for the detail panel. */
export function unitFactsSql(unitKey: string, year: number): string {
	const parsed = parseUnitKey(unitKey);
	if (!parsed) throw new Error(`Not a unit key: ${unitKey}`);
	return `SELECT f.*, s.kind AS source_kind, s.title AS source_title, s.publisher AS source_publisher,
		s.date AS source_date, s.url AS source_url
	FROM facts f JOIN sources s ON s.id = f.source_id
	WHERE f.scheme = ${str(parsed.scheme)} AND f.unit_code = ${str(parsed.code)} AND f.year = ${num(year)}
	ORDER BY CASE f.period WHEN 'year' THEN 0 ELSE 1 END, f.scope, f.month`;
}
