/**
 * Coverage: for the units of the chosen level and area and each year of the range, whether the chosen
 * measure is there and where it comes from (`reported`, `imported`, `simulated`), `missing` where the
 * unit existed but has no figure, `absent` where the unit was not on the list of that year. Read from the
 * prepared table the charts read, so it shows exactly what the charts can show.
 */
import { unitValueSql } from './measure-sql.ts';
import { areaWhere, unitScheme, yearlyTable, yearsShown, type ViewFilters } from './queries.ts';
import { num, str } from './sql.ts';

export type CoverageState = 'reported' | 'imported' | 'simulated' | 'missing' | 'absent';

/** Every cell's state, as a CTE body named `cells` (unit_key, scheme, code, year, state, source_id). */
function cellsSql(f: ViewFilters): string {
	const years = yearsShown(f);
	const schemes = [...new Set(years.map((y) => unitScheme(f.basis, y)))];
	const schemeOfYear =
		f.basis === 'units2025' ? `'2025'` : `CASE WHEN yrs.year >= 2025 THEN '2025' ELSE '2023' END`;
	const value = unitValueSql(f.measure, 'y.');
	return `u AS (
		SELECT scheme, code FROM units
		WHERE level = ${str(f.level)} AND scheme IN (${schemes.map(str).join(', ')}) AND ${areaWhere(f.province)}
	),
	yrs AS (SELECT range::INTEGER AS year FROM range(${num(f.yearFrom)}, ${num(f.yearTo + 1)})),
	cells AS (
		SELECT u.scheme || ':' || u.code AS unit_key, u.scheme, u.code, yrs.year,
			CASE WHEN ${schemeOfYear} <> u.scheme THEN 'absent'
				WHEN ${value} IS NULL THEN 'missing'
				ELSE y.source_kind END AS state,
			y.source_id
		FROM u CROSS JOIN yrs
		LEFT JOIN ${yearlyTable(f.basis)} y ON y.scheme = u.scheme AND y.code = u.code AND y.year = yrs.year
	)`;
}

/** Per year and state, how many units; and the number of units shown in total. */
export function coverageCountsSql(f: ViewFilters): string {
	return `WITH ${cellsSql(f)}
	SELECT year, state, COUNT(*)::INTEGER AS units FROM cells GROUP BY year, state ORDER BY year, state`;
}

/** The cells of the first `limit` units (old list first, then by code), and how many units there are. */
export function coverageCellsSql(f: ViewFilters, limit: number): string {
	return `WITH ${cellsSql(f)},
	shown AS (SELECT DISTINCT scheme, code FROM cells ORDER BY scheme, code LIMIT ${num(limit)})
	SELECT c.unit_key, c.year, c.state, c.source_id, (SELECT COUNT(*) FROM u)::INTEGER AS total_units
	FROM cells c JOIN shown s ON s.scheme = c.scheme AND s.code = c.code
	ORDER BY c.scheme, c.code, c.year`;
}
