/**
 * SQL of the per-council form (see src/model/comparable.ts) over `yearly` or `yearly_2025` rows.
 * On `yearly_2025` a row carries `contributors` (the old councils on the territory) and `council_weight`
 * (their shares added up: a commune split over two new ones counts half in each); on `yearly` every row
 * is one council's own figure.
 */
import { hasPerCouncilForm, type Form } from '../model/comparable.ts';
import type { MeasureId } from '../model/measures.ts';
import type { Basis } from '../model/basis.ts';
import { aggregateSql, unitValueSql } from './measure-sql.ts';

/** The divisor of one row's per-council value. */
export function councilWeightSql(basis: Basis, alias = ''): string {
	return basis === 'units2025' ? `${alias}council_weight` : '1.0';
}

/** How many councils one row's figure comes from. */
export function councilCountSql(basis: Basis, alias = ''): string {
	return basis === 'units2025' ? `${alias}contributors` : '1';
}

const perCouncil = (form: Form, measure: MeasureId) =>
	form === 'perCouncil' && hasPerCouncilForm(measure);

/** The measure of one unit-year row in the form shown; NULL where not reported. */
export function formValueSql(measure: MeasureId, form: Form, basis: Basis, alias = ''): string {
	const value = unitValueSql(measure, alias);
	return perCouncil(form, measure) ? `(${value} / ${councilWeightSql(basis, alias)})` : value;
}

/**
 * The measure over a group of unit-year rows in the form shown: per council, the total over the rows that
 * reported it divided by their councils (a mean per council, not a mean of the rows' means).
 */
export function formAggregateSql(measure: MeasureId, form: Form, basis: Basis): string {
	if (!perCouncil(form, measure)) return aggregateSql(measure);
	const value = unitValueSql(measure);
	return `(SUM(${value})::DOUBLE / NULLIF(SUM(${councilWeightSql(basis)}) FILTER (WHERE ${value} IS NOT NULL), 0))`;
}

/**
 * The councils behind a group's figure: their shares added up and rounded, so that an old commune split
 * over two new communes of the area counts once, not twice.
 */
export function formCouncilsSql(measure: MeasureId, basis: Basis): string {
	const value = unitValueSql(measure);
	return `COALESCE(ROUND(SUM(${councilWeightSql(basis)}) FILTER (WHERE ${value} IS NOT NULL)), 0)::INTEGER`;
}
