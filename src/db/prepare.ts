/**
 * Tables prepared once after the data loads, so that every interaction reads a small, ready table.
 *
 * `yearly`: one row per unit and year with the unit's own full-year figures, joined to its level and
 * provinces. A year comes from a full-year row, or else from twelve monthly rows of one source (a metric
 * missing in any month is missing for the year: part of a year is not a year). Where several sources give
 * the same unit-year, reported beats imported beats simulated.
 */
import { METRIC_IDS } from '../model/metrics.ts';
import { ident } from './sql.ts';

const metricList = (alias: string) => METRIC_IDS.map((id) => `${alias}${ident(id)}`).join(', ');
const monthRollup = METRIC_IDS.map(
	(id) => `CASE WHEN COUNT(${ident(id)}) = 12 THEN SUM(${ident(id)})::INTEGER END AS ${ident(id)}`,
).join(', ');

/**
 * The statements that build the prepared tables. Unoptimised (for the benchmark's baseline), `yearly`
 * is a view, so every query re-scans the facts table.
 */
export function prepareSql(optimised = true): string[] {
	const kind = optimised ? 'TABLE' : 'VIEW';
	return [
		`DROP TABLE IF EXISTS yearly`,
		`DROP VIEW IF EXISTS yearly`,
		`CREATE ${kind} yearly AS
		WITH own AS (
			SELECT scheme, unit_code, year, source_id, 0 AS is_rollup, ${metricList('')}
			FROM facts WHERE scope = 'own' AND period = 'year' AND year IS NOT NULL
			UNION ALL
			SELECT scheme, unit_code, year, source_id, 1 AS is_rollup, ${monthRollup}
			FROM facts WHERE scope = 'own' AND period = 'month' AND year IS NOT NULL
			GROUP BY scheme, unit_code, year, source_id
			HAVING COUNT(DISTINCT month) = 12 AND COUNT(*) = 12
		), ranked AS (
			SELECT own.*, s.kind AS source_kind,
				row_number() OVER (
					PARTITION BY own.scheme, own.unit_code, own.year
					ORDER BY CASE s.kind WHEN 'reported' THEN 0 WHEN 'imported' THEN 1 ELSE 2 END,
						own.is_rollup, own.source_id
				) AS pick
			FROM own JOIN sources s ON s.id = own.source_id
		)
		SELECT r.scheme || ':' || r.unit_code AS unit_key, r.scheme, r.unit_code AS code, r.year::INTEGER AS year,
			u.level, u.province_code, u.province_2025, u.parent_code, r.source_kind, r.source_id, ${metricList('r.')}
		FROM ranked r JOIN units u ON u.scheme = r.scheme AND u.code = r.unit_code
		WHERE r.pick = 1
		ORDER BY year, u.level, u.province_2025, r.unit_code`,
	];
}
