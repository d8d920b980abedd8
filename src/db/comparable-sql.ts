/**
 * SQL of the per-council form (see src/model/comparable.ts) over `yearly` or `yearly_2025` rows.
 *
 * On `yearly` every row is one council's own figure, so per council is the figure itself and an area's
 * value is the mean over the councils that reported. On `yearly_2025` a row before 2025 stands for the
 * old councils on a new territory: per council divides, metric by metric, the sum over the contributors
 * that reported (`rs_<metric>`) by their shares (`rw_<metric>`: a commune split over two new ones counts
 * half in each), so that one silent old council leaves the mean of the others instead of a gap. A sum of
 * metrics (sessions_total) is the sum of its parts per council. Rates stay ratios of sums.
 */
import { hasPerCouncilForm, type Form } from '../model/comparable.ts';
import { measureById, type MeasureId } from '../model/measures.ts';
import type { MetricId } from '../model/metrics.ts';
import type { Basis } from '../model/basis.ts';
import { aggregateSql, reportedCountSql, unitValueSql } from './measure-sql.ts';
import { ident } from './sql.ts';

const perCouncil = (form: Form, measure: MeasureId) =>
	form === 'perCouncil' && hasPerCouncilForm(measure);

/** The counted metrics a count measure adds up (one for a metric, its parts for a sum). */
function partsOf(measure: MeasureId): readonly MetricId[] {
	const { formula } = measureById(measure);
	if (formula.kind === 'metric') return [formula.metric];
	if (formula.kind === 'sum') return formula.parts;
	throw new Error(`A rate has no per-council form: ${measure}`);
}

const column = (prefix: string, metric: MetricId, alias: string) =>
	`${alias}${ident(`${prefix}${metric}`)}`;

/** The measure of one unit-year row in the form shown; NULL where not reported. */
export function formValueSql(measure: MeasureId, form: Form, basis: Basis, alias = ''): string {
	if (!perCouncil(form, measure) || basis !== 'units2025') return unitValueSql(measure, alias);
	const parts = partsOf(measure).map(
		(m) => `(${column('rs_', m, alias)} / NULLIF(${column('rw_', m, alias)}, 0))`,
	);
	return `(${parts.join(' + ')})`;
}

/**
 * The measure over a group of unit-year rows in the form shown: per council, the total over the councils
 * that reported it divided by their number (a mean per council, not a mean of the rows' means).
 */
export function formAggregateSql(measure: MeasureId, form: Form, basis: Basis): string {
	if (!perCouncil(form, measure)) return aggregateSql(measure);
	if (basis !== 'units2025') {
		const value = unitValueSql(measure);
		return `(SUM(${value})::DOUBLE / NULLIF(COUNT(${value}), 0))`;
	}
	const parts = partsOf(measure).map(
		(m) => `(SUM(${column('rs_', m, '')}) / NULLIF(SUM(${column('rw_', m, '')}), 0))`,
	);
	return `(${parts.join(' + ')})`;
}

/** How many rows of a group have the measure in the form shown. */
export function formReportedCountSql(measure: MeasureId, form: Form, basis: Basis): string {
	return perCouncil(form, measure)
		? `COUNT(${formValueSql(measure, form, basis)})::INTEGER`
		: reportedCountSql(measure);
}

/** How many councils one row's figure in the form shown comes from. */
export function formCouncilCountSql(
	measure: MeasureId,
	form: Form,
	basis: Basis,
	alias = '',
): string {
	if (basis !== 'units2025') return '1';
	if (!perCouncil(form, measure)) return `${alias}contributors`;
	return column('rn_', partsOf(measure)[0]!, alias);
}

/**
 * The councils behind a group's figure: their shares added up and rounded, so that an old commune split
 * over two new communes of the area counts once, not twice. For a rate or a total, the councils of the
 * rows that reported the measure.
 */
export function formCouncilsSql(measure: MeasureId, basis: Basis, form: Form = 'total'): string {
	if (basis !== 'units2025') return formReportedCountSql(measure, form, basis);
	if (!perCouncil(form, measure)) {
		const value = unitValueSql(measure);
		return `COALESCE(ROUND(SUM(council_weight) FILTER (WHERE ${value} IS NOT NULL)), 0)::INTEGER`;
	}
	return `COALESCE(ROUND(SUM(${column('rw_', partsOf(measure)[0]!, '')})), 0)::INTEGER`;
}
