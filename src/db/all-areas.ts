/**
 * The area's figures (areaHeadlineSql and areaMeasureSql) of every area of a level in one answer: the
 * country, each 2025 province and each old province, by GROUPING SETS over the same expressions. Asked
 * once per level in idle time, it answers a click on another province in the page, with no round trip;
 * the rows it gives for an area equal the area's own query's (unit tests compare them for many areas).
 * The units that exist per area and year come from the units in memory.
 */
import type { Basis } from '../model/basis.ts';
import type { UnitIndex } from '../model/unit-index.ts';
import { formAggregateSql, formCouncilsSql, formReportedCountSql } from './comparable-sql.ts';
import { formOf, inAreaTest, unitScheme, yearlyTable, type ViewFilters } from './queries.ts';
import {
	AREA_HEADLINE_MEASURES,
	areaFiguresSql,
	areaYears,
	type AreaHeadlineYear,
	type AreaMeasureYear,
} from './area-queries.ts';
import { num, str } from './sql.ts';

/**
 * The area key of a row of the grouped answer: null for the country, `2025:<code>` for a 2025 province,
 * `2023:<code>` for an old province (only the old list's rows: see areaWhere in queries.ts).
 */
function areaKeySql(basis: Basis): string {
	return basis === 'units2025'
		? `CASE WHEN GROUPING(province_2025) = 0 THEN '2025:' || province_2025 END AS area`
		: `CASE WHEN GROUPING(province_2025) = 0 THEN '2025:' || province_2025
		WHEN GROUPING(province_code) = 0 THEN '2023:' || province_code END AS area`;
}

/**
 * The groups of every area. On the 2025 units' table every row is a 2025 unit, so an old province has no
 * rows there: its group is left out (a third less work for the default basis). A group whose province is
 * unknown is no area (the area's own query never matches NULL).
 */
function groupsSql(basis: Basis): string {
	return basis === 'units2025'
		? `GROUP BY GROUPING SETS ((year), (year, province_2025))
	HAVING GROUPING(province_2025) = 1 OR province_2025 IS NOT NULL`
		: `GROUP BY GROUPING SETS ((year), (year, province_2025), (year, scheme, province_code))
	HAVING (GROUPING(province_2025) = 1 OR province_2025 IS NOT NULL)
		AND (GROUPING(scheme) = 1 OR (scheme = '2023' AND province_code IS NOT NULL))`;
}

/** The level's rows over the years the filters' area figures cover, whatever the area. */
function levelRowsWhere(f: ViewFilters): string {
	return `level = ${str(f.level)} AND year BETWEEN ${num(areaYears(f)[0]!)} AND ${num(f.yearTo)}`;
}

/** The figures of areaHeadlineSql's `figures` for every area of the filters' level, with `area`. */
export function allAreasHeadlineSql(f: ViewFilters): string {
	return `SELECT ${areaKeySql(f.basis)}, year, ${areaFiguresSql(f.basis, '\n\t\t')}
	FROM ${yearlyTable(f.basis)}
	WHERE ${levelRowsWhere(f)}
	${groupsSql(f.basis)}`;
}

/** The rows of areaMeasureSql for every area of the filters' level, with `area`. */
export function allAreasMeasureSql(f: ViewFilters): string {
	return `SELECT ${areaKeySql(f.basis)}, year, ${formAggregateSql(f.measure, formOf(f), f.basis)} AS value,
		${formReportedCountSql(f.measure, formOf(f), f.basis)} AS reporting,
		${formCouncilsSql(f.measure, f.basis, formOf(f))} AS councils
	FROM ${yearlyTable(f.basis)}
	WHERE ${levelRowsWhere(f)}
	${groupsSql(f.basis)}`;
}

/** A row of the grouped answers: the area's key (null: the country) and one year's figures. */
type Grouped<T> = T & { area: string | null };

/** The rows of one area, by year. */
function ofArea<T extends { year: number }>(
	rows: readonly Grouped<T>[],
	province: string | null,
): Map<number, Grouped<T>> {
	return new Map(rows.filter((r) => r.area === province).map((r) => [r.year, r]));
}

/** How many units of the level exist in the area in each list (as unit_counts has them). */
function unitsInArea(units: UnitIndex, f: ViewFilters): Map<string, number> {
	const counts = new Map<string, number>();
	const inArea = inAreaTest(f.province);
	for (const unit of units.all()) {
		if (unit.level !== f.level || !inArea(unit)) continue;
		counts.set(unit.scheme, (counts.get(unit.scheme) ?? 0) + 1);
	}
	return counts;
}

/** The rows of areaHeadlineSql(f), from the answer of allAreasHeadlineSql(f) and the units in memory. */
export function areaHeadlineOf(
	grouped: readonly Grouped<AreaHeadlineYear>[],
	units: UnitIndex,
	f: ViewFilters,
): AreaHeadlineYear[] {
	const figures = ofArea(grouped, f.province);
	const counts = unitsInArea(units, f);
	return areaYears(f).map((year) => {
		const found = figures.get(year);
		const row: Record<string, unknown> = {
			year,
			units: counts.get(unitScheme(f.basis, year)) ?? 0,
		};
		for (const id of AREA_HEADLINE_MEASURES) {
			for (const prefix of ['v_', 'n_', 'w_']) {
				const column = `${prefix}${id}` as `v_${string}`;
				row[column] = found ? found[column] : null;
			}
		}
		row.reporting_units = found?.reporting_units ?? 0;
		row.any_simulated = found?.any_simulated ?? false;
		row.any_reported = found?.any_reported ?? false;
		row.any_approx = found?.any_approx ?? false;
		row.any_imported = found?.any_imported ?? false;
		return row as unknown as AreaHeadlineYear;
	});
}

/** The rows of areaMeasureSql(f), from the answer of allAreasMeasureSql(f). */
export function areaMeasureOf(
	grouped: readonly Grouped<AreaMeasureYear>[],
	f: ViewFilters,
): AreaMeasureYear[] {
	return [...ofArea(grouped, f.province).values()]
		.sort((a, b) => a.year - b.year)
		.map(({ year, value, reporting, councils }) => ({ year, value, reporting, councils }));
}
