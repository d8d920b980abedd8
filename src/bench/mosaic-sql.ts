/**
 * The SQL of the Mosaic comparison page (bench-mosaic.html): one prepared table both bases share, a
 * view with the chosen measure's value as a column, and the filter predicate of each chart.
 *
 * Rows are the app's own prepared tables (`yearly`, `yearly_2025`, built by src/db/prepare.ts), so the
 * unit-year rows are the same. Simplified against the app (src/db/queries.ts): values are always the
 * territory totals (the app shows counts per council when a range crosses 2025), the ranking leaves out
 * units without a value, and the charts' units come from a top-N subquery rather than the app's ranking
 * order with ties and names.
 */
import { areaWhere } from '../db/queries.ts';
import { unitValueSql } from '../db/measure-sql.ts';
import { ident, num, str } from '../db/sql.ts';
import { MEASURES } from '../model/measures.ts';
import { METRIC_IDS } from '../model/metrics.ts';
import type { BenchFilters } from './mosaic-filters.ts';

/** The view every chart of the page reads. */
export const ROWS = 'mosaic_rows';

/** How many units each chart shows: the ranking's bars, the trend's lines (the app's default), the heatmap's rows. */
export const TOP = { ranking: 40, trend: 5, heatmap: 20 } as const;

export type ChartName = keyof typeof TOP;

/**
 * Statements run once after the app's prepareSql(): both bases in one table (a basis column picks one),
 * with a unique label per unit (names repeat across provinces), and a view that crosses it with the
 * measures. A filter on `measure` is pushed down to the measures, so only the chosen one is computed.
 */
export function mosaicPrepareSql(): string[] {
	const metrics = (alias: string) =>
		METRIC_IDS.map((id) => `${alias}${ident(id)}::DOUBLE AS ${ident(id)}`).join(', ');
	const columns = 'unit_key, scheme, code, year, level, province_code, province_2025';
	const cases = MEASURES.map((m) => `WHEN ${str(m.id)} THEN ${unitValueSql(m.id, 'b.')}`).join(
		'\n\t\t\t',
	);
	const measures = MEASURES.map((m) => `(${str(m.id)})`).join(', ');
	return [
		`CREATE OR REPLACE TABLE mosaic_base AS
		SELECT b.*, u.name || ' ' || b.code AS label
		FROM (
			SELECT 'reported' AS basis, ${columns}, ${metrics('')} FROM yearly
			UNION ALL
			SELECT 'units2025' AS basis, ${columns}, ${metrics('')} FROM yearly_2025
		) b JOIN units u ON u.scheme = b.scheme AND u.code = b.code
		ORDER BY b.basis, b.year, b.level`,
		`CREATE OR REPLACE VIEW ${ROWS} AS
		SELECT b.* EXCLUDE (${METRIC_IDS.map(ident).join(', ')}), m.measure,
			(CASE m.measure ${cases} END)::DOUBLE AS value
		FROM mosaic_base b CROSS JOIN (VALUES ${measures}) m(measure)`,
	];
}

/** The rows of the filters' basis, measure, level and area. */
function baseWhere(f: BenchFilters): string {
	return `basis = ${str(f.basis)} AND measure = ${str(f.measure)} AND level = ${str(f.level)} AND ${areaWhere(f.province)}`;
}

/** The n units with the highest value in the last year of the range (ties broken by key). */
function topUnits(f: BenchFilters, n: number): string {
	return `(SELECT unit_key FROM ${ROWS} WHERE ${baseWhere(f)} AND year = ${num(f.yearTo)} AND value IS NOT NULL
		ORDER BY value DESC, unit_key LIMIT ${num(n)})`;
}

/**
 * The WHERE predicate of a chart: the ranking is its top units in the last year; the trend and the
 * heatmap are their top units over the range.
 */
export function chartPredicate(chart: ChartName, f: BenchFilters): string {
	const years =
		chart === 'ranking'
			? `year = ${num(f.yearTo)}`
			: `year BETWEEN ${num(f.yearFrom)} AND ${num(f.yearTo)}`;
	return `${baseWhere(f)} AND ${years} AND unit_key IN ${topUnits(f, TOP[chart])}`;
}
