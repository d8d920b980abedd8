/**
 * SQL for measures, over rows of the `yearly` table (one row per unit and year, one column per metric).
 * NULL propagates by design: a sum or ratio with an unreported part is itself unreported.
 */
import { measureById, type MeasureId } from '../model/measures.ts';
import { ident } from './sql.ts';

/** The value of a measure for one unit-year row (columns under an optional table alias such as `y.`); NULL where any part is not reported. */
export function unitValueSql(id: MeasureId, alias = ''): string {
	const { formula } = measureById(id);
	const column = (metric: string) => `${alias}${ident(metric)}`;
	switch (formula.kind) {
		case 'metric':
			return column(formula.metric);
		case 'sum':
			return `(${formula.parts.map(column).join(' + ')})`;
		case 'ratio':
			return `(${unitValueSql(formula.numerator, alias)}::DOUBLE / NULLIF(${unitValueSql(formula.denominator, alias)}, 0))`;
	}
}

/**
 * The measure over a group of unit-year rows: counts add up over the units that reported them;
 * a ratio is the ratio of sums over the units that reported both parts (not the mean of unit ratios).
 */
export function aggregateSql(id: MeasureId): string {
	const { formula } = measureById(id);
	if (formula.kind !== 'ratio') return `SUM(${unitValueSql(id)})::DOUBLE`;
	const numerator = unitValueSql(formula.numerator);
	const denominator = unitValueSql(formula.denominator);
	const both = `${numerator} IS NOT NULL AND ${denominator} IS NOT NULL`;
	return `(SUM(${numerator}) FILTER (WHERE ${both})::DOUBLE / NULLIF(SUM(${denominator}) FILTER (WHERE ${both}), 0))`;
}

/** How many unit-year rows of the group report the measure. */
export function reportedCountSql(id: MeasureId): string {
	return `COUNT(${unitValueSql(id)})::INTEGER`;
}
