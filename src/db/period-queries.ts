/**
 * Figures for a period as it was reported. A figure for a period comes only from rows of that period: a
 * term total is never spread over its years, a half year is never doubled into a year, a year is never
 * cut into halves. The one sum allowed is of months into the period they make up exactly (twelve months
 * into their year, three into their quarter, six into the first half), and only when every month is
 * there from one source: that is the same period, counted month by month.
 */
import { METRIC_IDS, type MetricId } from '../model/metrics.ts';
import { periodMonths, samePeriodLastYear, type Period } from '../model/periods.ts';
import { parseUnitKey } from '../model/units.ts';
import { ident, num, str } from './sql.ts';

const metricList = (alias = '') => METRIC_IDS.map((id) => `${alias}${ident(id)}`).join(', ');

/** The condition on `facts` for rows filed under exactly this period. */
export function periodWhere(p: Period, alias = ''): string {
	const c = (name: string) => `${alias}${name}`;
	switch (p.kind) {
		case 'year':
		case 'h1':
		case 'm9':
			return `${c('period')} = ${str(p.kind)} AND ${c('year')} = ${num(p.year)}`;
		case 'quarter':
			return 'FALSE'; // the facts have no quarter rows: a quarter is read from its months
		case 'month':
			return `${c('period')} = 'month' AND ${c('year')} = ${num(p.year)} AND ${c('month')} = ${num(p.month)}`;
		case 'term':
			return `${c('period')} = 'term' AND ${c('term')} = ${str(p.term)}`;
	}
}

/**
 * The rows of a period, one per unit, scope and source: the rows filed under it, and (for a year, a
 * first half, nine months or a quarter) the sum of its months where one source gives every one of them.
 * A metric missing in any month is missing for the period.
 */
function periodRowsSql(p: Period): string {
	const direct = `SELECT scheme, unit_code, scope, source_id, qualifier, note, FALSE AS from_months, ${metricList()}
		FROM facts WHERE ${periodWhere(p)}`;
	const months = periodMonths(p);
	if (!months || p.kind === 'month' || p.kind === 'term') return direct;
	const [first, last] = months;
	const count = last - first + 1;
	const sums = METRIC_IDS.map(
		(id) =>
			`CASE WHEN COUNT(${ident(id)}) = ${count} THEN SUM(${ident(id)})::INTEGER END AS ${ident(id)}`,
	).join(', ');
	return `${direct}
		UNION ALL
		SELECT scheme, unit_code, scope, source_id,
			CASE WHEN BOOL_OR(qualifier = 'approx') THEN 'approx' WHEN BOOL_OR(qualifier = 'at_least') THEN 'at_least' END,
			NULL, TRUE, ${sums}
		FROM facts
		WHERE period = 'month' AND year = ${num(p.year)} AND month BETWEEN ${num(first)} AND ${num(last)}
		GROUP BY scheme, unit_code, scope, source_id
		HAVING COUNT(*) = ${count} AND COUNT(DISTINCT month) = ${count}`;
}

/**
 * One row per unit and scope for the period: where several sources give it, reported beats imported
 * beats simulated (as in `yearly`), a row filed under the period beats one summed from months, a later
 * import beats an earlier one.
 */
export function periodFactsSql(p: Period): string {
	return `SELECT * EXCLUDE (pick) FROM (
		SELECT r.*, s.kind AS source_kind,
			row_number() OVER (
				PARTITION BY r.scheme, r.unit_code, r.scope
				ORDER BY CASE s.kind WHEN 'reported' THEN 0 WHEN 'imported' THEN 1 ELSE 2 END,
					r.from_months, starts_with(r.source_id, 'report-'),
					CASE WHEN s.kind = 'imported' THEN r.source_id END DESC NULLS LAST, r.source_id
			) AS pick
		FROM (${periodRowsSql(p)}) r JOIN sources s ON s.id = r.source_id
	) WHERE pick = 1`;
}

function unitParts(unitKey: string) {
	const parsed = parseUnitKey(unitKey);
	if (!parsed) throw new Error(`Not a unit key: ${unitKey}`);
	return parsed;
}

/** A row of unitPeriodSql. */
export interface UnitPeriodRow extends Record<MetricId, number | null> {
	/** `current`: the period asked; `previous`: the same period last year (or the previous term). */
	which: 'current' | 'previous';
	scope: 'own' | 'subunits';
	source_id: string;
	source_kind: 'reported' | 'simulated' | 'imported';
	qualifier: string | null;
	from_months: boolean;
	note: string | null;
}

/**
 * A unit's stated figures for the period and for the same period last year: its own, and the sum over
 * its sub-units where a report states it (scope `subunits`). Nothing else: no year for a term, no year
 * for a half year.
 */
export function unitPeriodSql(unitKey: string, p: Period): string {
	const { scheme, code } = unitParts(unitKey);
	const previous = samePeriodLastYear(p);
	const part = (period: Period, which: string) =>
		`SELECT ${str(which)} AS which, f.* EXCLUDE (scheme, unit_code)
		FROM (${periodFactsSql(period)}) f
		WHERE f.scheme = ${str(scheme)} AND f.unit_code = ${str(code)}`;
	return `${part(p, 'current')}${previous ? `\n\tUNION ALL ${part(previous, 'previous')}` : ''}
	ORDER BY which, scope`;
}

/** A row of subunitPeriodSql: one sub-unit, its own figures for the period (`m_<id>`) and last year's (`p_<id>`). */
export interface SubunitPeriodRow {
	unit_key: string;
	name: string;
	label_order: number;
	source_id: string | null;
	source_kind: string | null;
	previous_source_id: string | null;
	[column: `m_${string}`]: number | null;
	[column: `p_${string}`]: number | null;
}

/**
 * Every sub-unit of a unit (its children in the unit's own list), with its own figures for the period
 * and the same period last year; NULL where it did not report, and no row is dropped, so that coverage
 * and "did not report" can be told from zero.
 */
export function subunitPeriodSql(parentKey: string, p: Period): string {
	const { scheme, code } = unitParts(parentKey);
	const previous = samePeriodLastYear(p);
	const own = (period: Period | null) =>
		period
			? `(SELECT * FROM (${periodFactsSql(period)}) WHERE scope = 'own' AND scheme = ${str(scheme)})`
			: `(SELECT NULL::VARCHAR AS unit_code, NULL::VARCHAR AS source_id, ${METRIC_IDS.map((id) => `NULL::INTEGER AS ${ident(id)}`).join(', ')} WHERE FALSE)`;
	const current = METRIC_IDS.map((id) => `c.${ident(id)} AS ${ident(`m_${id}`)}`).join(', ');
	const last = METRIC_IDS.map((id) => `l.${ident(id)} AS ${ident(`p_${id}`)}`).join(', ');
	return `SELECT u.scheme || ':' || u.code AS unit_key, u.name_with_type AS name, u.label_order,
		c.source_id, c.source_kind, l.source_id AS previous_source_id, ${current}, ${last}
	FROM units u
	LEFT JOIN ${own(p)} c ON c.unit_code = u.code
	LEFT JOIN ${own(previous)} l ON l.unit_code = u.code
	WHERE u.scheme = ${str(scheme)} AND u.parent_code = ${str(code)}
	ORDER BY u.label_order`;
}

/** Which periods a unit and its sub-units have figures for, to offer only periods with something to show. */
export function periodsAvailableSql(unitKey: string): string {
	const { scheme, code } = unitParts(unitKey);
	return `SELECT DISTINCT f.period, f.year, f.month, f.term FROM facts f
	LEFT JOIN units u ON u.scheme = f.scheme AND u.code = f.unit_code
	WHERE f.scheme = ${str(scheme)} AND (f.unit_code = ${str(code)} OR u.parent_code = ${str(code)})
	ORDER BY f.year NULLS LAST, f.period, f.month`;
}

/** The measures the period panel shows, as SQL over a row of metrics (NULL when a part is missing). */
export const PERIOD_PANEL_MEASURES = {
	sessions_total: (a: string) => `(${a}"sessions_regular" + ${a}"sessions_thematic")`,
	supervisions: (a: string) => `${a}"supervisions"`,
	explanatory_hearings: (a: string) => `${a}"explanatory_hearings"`,
	petitions_resolved: (a: string) => `${a}"petitions_resolved"`,
} as const;
export type PeriodPanelMeasure = keyof typeof PERIOD_PANEL_MEASURES;

/** A row of areaPeriodSql: `which` period, units of the list, units reporting, and per measure its sum and count. */
export interface AreaPeriodRow {
	which: 'current' | 'previous';
	units: number;
	reporting: number;
	any_simulated: boolean;
	[column: `v_${string}`]: number | null;
	[column: `n_${string}`]: number | null;
}

/**
 * The units of one level in an area (`areaCondition` over `units`), summed for the period and for the
 * same period last year, each in the list of units valid in its year: the sum of the units that reported
 * the period, with how many did, never a figure of another period.
 */
export function areaPeriodSql(
	p: Period,
	level: string,
	areaCondition: (alias: string) => string,
	schemeOf: (period: Period) => string,
): string {
	const part = (period: Period, which: string) => {
		const measures = Object.entries(PERIOD_PANEL_MEASURES)
			.map(
				([id, sql]) =>
					`SUM(${sql('f.')})::DOUBLE AS ${ident(`v_${id}`)}, COUNT(${sql('f.')})::INTEGER AS ${ident(`n_${id}`)}`,
			)
			.join(', ');
		return `SELECT ${str(which)} AS which, COUNT(*)::INTEGER AS units, COUNT(f.unit_code)::INTEGER AS reporting,
			COALESCE(BOOL_OR(f.source_kind = 'simulated'), FALSE) AS any_simulated, ${measures}
		FROM units u
		LEFT JOIN (SELECT * FROM (${periodFactsSql(period)}) WHERE scope = 'own') f
			ON f.scheme = u.scheme AND f.unit_code = u.code
		WHERE u.scheme = ${str(schemeOf(period))} AND u.level = ${str(level)} AND ${areaCondition('u.')}`;
	};
	const previous = samePeriodLastYear(p);
	return `${part(p, 'current')}${previous ? `\n\tUNION ALL ${part(previous, 'previous')}` : ''}`;
}

/** A row of unitsPeriodSql: one unit, the panel's measures for the period (`m_<id>`) and last year's (`p_<id>`). */
export interface UnitsPeriodRow {
	unit_key: string;
	source_kind: string | null;
	[column: `m_${string}`]: number | null;
	[column: `p_${string}`]: number | null;
}

/**
 * Chosen units (in the order given), each with its own figures for the period and the same period last
 * year; NULL where it did not report that period.
 */
export function unitsPeriodSql(unitKeys: readonly string[], p: Period): string {
	const values = unitKeys
		.map((key, i) => {
			const { scheme, code } = unitParts(key);
			return `(${str(scheme)}, ${str(code)}, ${num(i)})`;
		})
		.join(', ');
	if (!values) return `SELECT NULL::VARCHAR AS unit_key WHERE FALSE`;
	const previous = samePeriodLastYear(p);
	const own = (period: Period | null) =>
		period
			? `(SELECT * FROM (${periodFactsSql(period)}) WHERE scope = 'own')`
			: `(SELECT NULL::VARCHAR AS scheme, NULL::VARCHAR AS unit_code, ${METRIC_IDS.map((id) => `NULL::INTEGER AS ${ident(id)}`).join(', ')} WHERE FALSE)`;
	const measures = Object.entries(PERIOD_PANEL_MEASURES)
		.map(([id, sql]) => `${sql('c.')} AS ${ident(`m_${id}`)}, ${sql('l.')} AS ${ident(`p_${id}`)}`)
		.join(', ');
	return `SELECT v.scheme || ':' || v.code AS unit_key, c.source_kind, ${measures}
	FROM (VALUES ${values}) v(scheme, code, ord)
	LEFT JOIN ${own(p)} c ON c.scheme = v.scheme AND c.unit_code = v.code
	LEFT JOIN ${own(previous)} l ON l.scheme = v.scheme AND l.unit_code = v.code
	ORDER BY v.ord`;
}
