/**
 * Queries of the comparison view: a unit against its peers (same level, same parent, same list), the
 * parent's median and the national median, and its rank among peers over the years. Values are in the
 * form the filters ask for (territory total or per council, see src/model/comparable.ts), as on the
 * overview, so that a re-aggregated unit does not seem to collapse at 2025.
 */
import { parseUnitKey } from '../model/units.ts';
import { formCouncilCountSql, formValueSql } from './comparable-sql.ts';
import { formOf, yearlyTable, type ViewFilters } from './queries.ts';
import { num, str } from './sql.ts';

function subjectUnit(unitKey: string) {
	const parsed = parseUnitKey(unitKey);
	if (!parsed) throw new Error(`Not a unit key: ${unitKey}`);
	return `(SELECT scheme, code, level, parent_code FROM units WHERE scheme = ${str(parsed.scheme)} AND code = ${str(parsed.code)})`;
}

/**
 * Every peer of the unit (itself included) and year of the range: its value (NULL when not reported), the
 * councils that value comes from, whether it is an estimate (≈, a split commune) and its rank among the
 * peers that reported that year. Ties share a rank (1, 2, 2, 4).
 */
export function peersSql(f: ViewFilters, unitKey: string): string {
	const value = formValueSql(f.measure, formOf(f), f.basis, 'y.');
	const councils = formCouncilCountSql(f.measure, formOf(f), f.basis, 'y.');
	return `WITH subject AS ${subjectUnit(unitKey)},
	peers AS (
		SELECT u.scheme, u.code FROM units u, subject s
		WHERE u.scheme = s.scheme AND u.level = s.level AND u.parent_code IS NOT DISTINCT FROM s.parent_code
	),
	years AS (SELECT range AS year FROM range(${num(f.yearFrom)}, ${num(f.yearTo + 1)})),
	cells AS (
		SELECT p.scheme || ':' || p.code AS unit_key, years.year, ${value} AS value, y.source_kind,
			COALESCE(y.approx, FALSE) AS approx, ${councils}::INTEGER AS councils
		FROM peers p CROSS JOIN years
		LEFT JOIN ${yearlyTable(f.basis)} y ON y.scheme = p.scheme AND y.code = p.code AND y.year = years.year
	)
	SELECT unit_key, year::INTEGER AS year, value,
		CASE WHEN value IS NOT NULL THEN
			rank() OVER (PARTITION BY year, value IS NULL ORDER BY value DESC)::INTEGER END AS rank,
		COUNT(value) OVER (PARTITION BY year)::INTEGER AS reporting, source_kind, approx,
		CASE WHEN value IS NOT NULL THEN councils END AS councils
	FROM cells ORDER BY year, unit_key`;
}

/**
 * Per year: the median of the unit's peers (the units of its parent) and the national median of its level
 * in its list, over the units that reported. Medians of unit values in the form shown, not of sums.
 */
export function mediansSql(f: ViewFilters, unitKey: string): string {
	const value = formValueSql(f.measure, formOf(f), f.basis, 'y.');
	return `WITH subject AS ${subjectUnit(unitKey)}
	SELECT y.year,
		MEDIAN(${value}) FILTER (WHERE y.parent_code IS NOT DISTINCT FROM s.parent_code)::DOUBLE AS parent_median,
		MEDIAN(${value})::DOUBLE AS national_median,
		COUNT(${value})::INTEGER AS national_reporting
	FROM ${yearlyTable(f.basis)} y, subject s
	WHERE y.scheme = s.scheme AND y.level = s.level AND y.year BETWEEN ${num(f.yearFrom)} AND ${num(f.yearTo)}
	GROUP BY y.year ORDER BY y.year`;
}
