/**
 * Tables prepared once after the data loads, so that every interaction reads a small, ready table.
 *
 * `unit_counts`: the number of units per list, level, province and 2025 province.
 *
 * `figures`: a view of every `facts` row (every period and scope: years, half years, nine months,
 * months, terms) with its source's kind as `source_kind`, so that the SQL console can filter on
 * 'simulated', 'reported' or 'imported' figures of any period without a join.
 *
 * `yearly`: one row per unit and year with the unit's own full-year figures, joined to its level and
 * provinces. A year comes from a full-year row, or else from twelve monthly rows of one source (a metric
 * missing in any month is missing for the year: part of a year is not a year). Where several sources give
 * the same unit-year, reported beats imported beats simulated, a bundled report beats figures a user
 * accepted from a report (`report-` sources), and a later import beats an earlier one.
 */
import { METRIC_IDS } from '../model/metrics.ts';
import { ident } from './sql.ts';

const metricList = (alias: string) => METRIC_IDS.map((id) => `${alias}${ident(id)}`).join(', ');
const monthRollup = METRIC_IDS.map(
	(id) => `CASE WHEN COUNT(${ident(id)}) = 12 THEN SUM(${ident(id)})::INTEGER END AS ${ident(id)}`,
).join(', ');

/**
 * `yearly_2025`: the same figures on the units of the 2025 list, for every year. Years before 2025 are
 * re-aggregated: a new commune sums the old communes (and island districts) the crosswalk maps to it, a new
 * province the old provinces it absorbed. An old commune split over k new communes gives each 1/k of its
 * figures (an even split: the data has no population or area weights), and the result is flagged `approx`.
 * A figure is reported only if every contributing old unit reported it; otherwise it is NULL, never a
 * partial sum. Old communes missing from the crosswalk (merged between 2023 and 2025) cannot be placed and
 * are left out; see `unmapped_2023`. `contributors` counts the old councils on the territory and
 * `council_weight` adds up their shares (the per-council divisor, see src/db/comparable-sql.ts). `source_ids` lists the sources of each row's contributors (its own
 * source from 2025 on).
 */
function reaggregateSql(kind: string): string {
	const shared = METRIC_IDS.map(
		(id) =>
			`CASE WHEN COUNT(y.${ident(id)}) = COUNT(*) THEN SUM(y.${ident(id)} * c.share) END AS ${ident(id)}`,
	).join(',\n\t\t\t');
	const metricsAsDouble = METRIC_IDS.map((id) => `${ident(id)}::DOUBLE AS ${ident(id)}`).join(', ');
	// The per-council form divides by the councils that reported, so it keeps, per metric, the sum over the
	// contributors that reported it (`rs_`), their shares (`rw_`) and their number (`rn_`): a new unit
	// where one of three old councils sent nothing still has the mean of the other two.
	const reporting = METRIC_IDS.map(
		(id) =>
			`SUM(y.${ident(id)} * c.share)::DOUBLE AS ${ident(`rs_${id}`)}, ` +
			`SUM(c.share) FILTER (WHERE y.${ident(id)} IS NOT NULL)::DOUBLE AS ${ident(`rw_${id}`)}, ` +
			`COUNT(y.${ident(id)})::INTEGER AS ${ident(`rn_${id}`)}`,
	).join(',\n\t\t\t\t');
	const ownReporting = METRIC_IDS.map(
		(id) =>
			`${ident(id)}::DOUBLE AS ${ident(`rs_${id}`)}, ` +
			`CASE WHEN ${ident(id)} IS NOT NULL THEN 1.0 END::DOUBLE AS ${ident(`rw_${id}`)}, ` +
			`(${ident(id)} IS NOT NULL)::INTEGER AS ${ident(`rn_${id}`)}`,
	).join(',\n\t\t\t');
	return `CREATE ${kind} yearly_2025 AS
		WITH links AS (
			SELECT old_code, new_code, 1.0 / COUNT(*) OVER (PARTITION BY old_code) AS share,
				COUNT(*) OVER (PARTITION BY old_code) > 1 AS split
			FROM crosswalk
			UNION ALL
			SELECT code, province_2025, 1.0, FALSE FROM units WHERE scheme = '2023' AND level = 'province'
		),
		contributors AS (
			SELECT l.*, n.level, n.parent_code, n.province_2025 FROM links l
			JOIN units n ON n.scheme = '2025' AND n.code = l.new_code
		),
		years AS (SELECT DISTINCT year FROM yearly WHERE scheme = '2023'),
		mapped AS (
			SELECT '2025:' || c.new_code AS unit_key, '2025' AS scheme, c.new_code AS code, yr.year,
				c.level, c.province_2025 AS province_code, c.province_2025, c.parent_code,
				CASE WHEN BOOL_OR(y.source_kind = 'simulated') THEN 'simulated'
					WHEN BOOL_OR(y.source_kind = 'imported') THEN 'imported' ELSE 'reported' END AS source_kind,
				NULL AS source_id,
				${shared},
				BOOL_OR(c.split) AS approx, COUNT(*)::INTEGER AS contributors,
				-- The councils on the territory, a split old commune counting for its share: the divisor of the
				-- per-council form, so that councils as active as before give the same per-council figure.
				SUM(c.share)::DOUBLE AS council_weight,
				${reporting},
				-- Every source a re-aggregated figure draws on, so that an export can name them.
				list_sort(list_distinct(LIST(y.source_id))) AS source_ids
			FROM contributors c CROSS JOIN years yr
			-- Old codes are 2, 3 or 5 digits by level, so the code alone finds the old unit within its list.
			LEFT JOIN yearly y ON y.scheme = '2023' AND y.code = c.old_code AND y.year = yr.year
			GROUP BY ALL
			HAVING COUNT(y.year) > 0
		)
		SELECT * FROM mapped
		UNION ALL
		SELECT unit_key, scheme, code, year, level, province_code, province_2025, parent_code, source_kind, source_id,
			${metricsAsDouble}, FALSE AS approx, 1 AS contributors, 1.0::DOUBLE AS council_weight,
			${ownReporting},
			[source_id] AS source_ids
		FROM yearly WHERE scheme = '2025'
		ORDER BY year, level, province_2025, code`;
}

/** A view: it costs nothing until queried (the dashboard's views never read it). */
export const FIGURES_VIEW_SQL = `CREATE VIEW figures AS
		SELECT f.*, s.kind AS source_kind FROM facts f LEFT JOIN sources s ON s.id = f.source_id`;

/** The statements that (re)build `yearly_2025` from `yearly`, `units` and `crosswalk`. */
export function reaggregationSql(optimised = true): string[] {
	return [
		`DROP TABLE IF EXISTS yearly_2025`,
		`DROP VIEW IF EXISTS yearly_2025`,
		reaggregateSql(optimised ? 'TABLE' : 'VIEW'),
	];
}

/**
 * The statements that build the prepared tables. Unoptimised (for the benchmark's baseline), `yearly`
 * is a view, so every query re-scans the facts table. With `reaggregate: false`, `yearly_2025` is left
 * out (dropped if present) for the caller to build later with reaggregationSql(): the dashboard's first
 * paint does not need it.
 */
export function prepareSql(optimised = true, options: { reaggregate?: boolean } = {}): string[] {
	const kind = optimised ? 'TABLE' : 'VIEW';
	return [
		`DROP TABLE IF EXISTS yearly_2025`,
		`DROP VIEW IF EXISTS yearly_2025`,
		`DROP TABLE IF EXISTS yearly`,
		`DROP VIEW IF EXISTS yearly`,
		`DROP TABLE IF EXISTS unit_counts`,
		`DROP VIEW IF EXISTS unit_counts`,
		`DROP VIEW IF EXISTS figures`,
		FIGURES_VIEW_SQL,
		// How many units exist per list, level and area: the denominators of "n of N units reported",
		// read for every year shown. A few hundred rows instead of a scan of the units per year.
		`CREATE ${kind} unit_counts AS
		SELECT scheme, level, province_code, province_2025, COUNT(*)::INTEGER AS units
		FROM units GROUP BY ALL`,
		`CREATE ${kind} yearly AS
		WITH own AS (
			SELECT scheme, unit_code, year, source_id, 0 AS is_rollup, ${metricList('')}
			FROM facts WHERE scope = 'own' AND period = 'year' AND year IS NOT NULL
			UNION ALL
			SELECT scheme, unit_code, year, source_id, 1 AS is_rollup, ${monthRollup}
			FROM facts WHERE scope = 'own' AND period = 'month' AND year IS NOT NULL
			GROUP BY scheme, unit_code, year, source_id
			-- Twelve rows, one per month: a bit per month is cheaper than COUNT(DISTINCT month).
			HAVING COUNT(*) = 12 AND bit_or(CASE WHEN month BETWEEN 1 AND 12 THEN 1 << (month::INTEGER - 1) END) = 4095
		), ranked AS (
			SELECT own.*, s.kind AS source_kind,
				row_number() OVER (
					PARTITION BY own.scheme, own.unit_code, own.year
					ORDER BY CASE s.kind WHEN 'reported' THEN 0 WHEN 'imported' THEN 1 ELSE 2 END,
						own.is_rollup,
						-- Figures a user read from a report come after the bundled reports' (which were checked
						-- by hand); of two such reports, the earlier stays (ids sort by time).
						starts_with(own.source_id, 'report-'),
						-- Of two imports, the later one (import ids sort by time) replaces the earlier.
						CASE WHEN s.kind = 'imported' THEN own.source_id END DESC NULLS LAST, own.source_id
				) AS pick
			FROM own JOIN sources s ON s.id = own.source_id
		)
		SELECT r.scheme || ':' || r.unit_code AS unit_key, r.scheme, r.unit_code AS code, r.year::INTEGER AS year,
			u.level, u.province_code, u.province_2025, u.parent_code, r.source_kind, r.source_id, ${metricList('r.')},
			FALSE AS approx, 1 AS contributors
		FROM ranked r JOIN units u ON u.scheme = r.scheme AND u.code = r.unit_code
		WHERE r.pick = 1
		-- Grouped by year and level, the filters every view applies (a full sort costs a quarter of the build).
		ORDER BY year, u.level`,
		...(options.reaggregate === false ? [] : [reaggregateSql(kind)]),
	];
}
