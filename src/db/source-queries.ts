/**
 * Which sources the figures of a chart come from, and how many figures each gave: an export names
 * exactly these, not every source of the data. A chart describes the unit-year rows it draws (a
 * FigureScope); a figure is a unit-year whose value of the measure is reported. Re-aggregated rows
 * (`yearly_2025` before 2025) count once for each source they draw on.
 */
import type { MeasureId } from '../model/measures.ts';
import type { Scheme, UnitLevel } from '../model/units.ts';
import type { Basis } from '../model/basis.ts';
import { mapScheme } from './map-queries.ts';
import { unitValueSql } from './measure-sql.ts';
import { areaWhere, rankingSpan, unitScheme, yearlyTable, type ViewFilters } from './queries.ts';
import { areaYears } from './area-queries.ts';
import { num, str, strList } from './sql.ts';

/** The unit-year rows a chart draws its figures from. */
export interface FigureScope {
	basis: Basis;
	/** The measure drawn; null for parts that draw several (the tiles): every unit-year then counts. */
	measure: MeasureId | null;
	from: number;
	to: number;
	/** The units drawn by key, or every unit of a level in an area (of one list when `scheme` is set). */
	units: readonly string[] | { level: UnitLevel; province: string | null; scheme: Scheme | null };
}

/** A row of figureSourcesSql. */
export interface FigureSource {
	id: string;
	kind: string;
	title: string | null;
	publisher: string | null;
	date: string | null;
	url: string | null;
	figures: number;
}

/** The ranking (and the map's drill-down): the units of the level and area, over the ranked span. */
export function rankingScope(f: ViewFilters): FigureScope {
	const [from, to] = rankingSpan(f);
	return {
		basis: f.basis,
		measure: f.measure,
		from,
		to,
		units: { level: f.level, province: f.province, scheme: unitScheme(f.basis, to) },
	};
}

/** The headline tiles and the totals: every unit of the level and area, over the years shown. */
export function areaScope(f: ViewFilters): FigureScope {
	return {
		basis: f.basis,
		measure: f.measure,
		from: areaYears(f)[0]!,
		to: f.yearTo,
		units: { level: f.level, province: f.province, scheme: null },
	};
}

/** The map: the units of the level in every province of the list drawn, over the ranked span. */
export function mapScope(f: ViewFilters): FigureScope {
	const [from, to] = rankingSpan(f);
	// As provinceMapSql: a 2023 map reads old units only; a 2025 map every unit of the level.
	const scheme = mapScheme(f) === '2023' ? '2023' : null;
	return {
		basis: f.basis,
		measure: f.measure,
		from,
		to,
		units: { level: f.level, province: null, scheme },
	};
}

/** The headline tiles: every measure of the last year and the year before, over the level and area. */
export function tilesScope(f: ViewFilters): FigureScope {
	return {
		basis: f.basis,
		measure: null,
		from: f.yearTo - 1,
		to: f.yearTo,
		units: { level: f.level, province: f.province, scheme: null },
	};
}

/** Trends and heatmaps: the units drawn, over the years shown. */
export function seriesScope(f: ViewFilters, units: readonly string[]): FigureScope {
	return { basis: f.basis, measure: f.measure, from: f.yearFrom, to: f.yearTo, units };
}

/** The unit-year rows of one scope, each with (one of) its source ids. */
function shownRows(scope: FigureScope): string {
	const table = yearlyTable(scope.basis);
	const where = [`year BETWEEN ${num(scope.from)} AND ${num(scope.to)}`];
	if (scope.measure) where.push(`${unitValueSql(scope.measure)} IS NOT NULL`);
	if (Array.isArray(scope.units)) {
		where.push(scope.units.length ? `unit_key IN ${strList(scope.units)}` : 'FALSE');
	} else {
		const area = scope.units as Exclude<FigureScope['units'], readonly string[]>;
		where.push(`level = ${str(area.level)}`, areaWhere(area.province));
		if (area.scheme) where.push(`scheme = ${str(area.scheme)}`);
	}
	// `yearly` has one source per row; its re-aggregation a list.
	const ids = table === 'yearly' ? 'source_id' : 'UNNEST(source_ids) AS source_id';
	return `SELECT ${str(table)} AS tbl, unit_key, year, ${ids} FROM ${table} WHERE ${where.join(' AND ')}`;
}

/**
 * The sources of a chart's figures, most figures first, with their `sources` row. Given the scopes of
 * several charts (a sheet), a unit-year drawn by two of them counts once.
 */
export function figureSourcesSql(scopes: FigureScope | readonly FigureScope[]): string {
	const list: readonly FigureScope[] = Array.isArray(scopes) ? scopes : [scopes as FigureScope];
	const union = list.length
		? list.map(shownRows).join('\n\tUNION\n\t')
		: 'SELECT NULL AS source_id WHERE FALSE';
	return `WITH shown AS (${union}),
	counted AS (SELECT source_id, COUNT(*)::INTEGER AS figures FROM shown GROUP BY source_id)
	SELECT c.source_id AS id, COALESCE(s.kind, 'unknown') AS kind, s.title, s.publisher, s.date, s.url,
		c.figures
	FROM counted c LEFT JOIN sources s ON s.id = c.source_id
	ORDER BY c.figures DESC, c.source_id`;
}
