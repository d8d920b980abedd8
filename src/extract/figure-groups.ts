/**
 * Report figures grouped as the template's rows: one group per unit, period and scope (the identity of a
 * fact). A figure with no unit, or with a period the `facts` table has no place for (a quarter, a span
 * of dates), is left out with an error.
 */
import { factKey } from '../import/validate.ts';
import type { Bilingual } from '../model/metrics.ts';
import type { PeriodKind } from '../model/periods.ts';
import { parseUnitKey } from '../model/units.ts';
import { TO_IMPORT_MESSAGES } from './to-import-messages.ts';
import type { ExtractedFigure } from './types.ts';

/** Records a problem of a figure (see FigureProblem in to-import.ts). */
export type AddProblem = (
	figure: ExtractedFigure,
	severity: 'error' | 'warning',
	message: Bilingual,
) => void;

/** A figure's period in the `facts` table, or null when the table has no such period. */
const STORED_PERIOD: Record<ExtractedFigure['period']['kind'], PeriodKind | null> = {
	year: 'year',
	h1: 'h1',
	m9: 'm9',
	month: 'month',
	term: 'term',
	quarter: null,
	span: null,
};

export interface Group {
	key: string;
	unitKey: string;
	scheme: string;
	code: string;
	period: PeriodKind;
	year: number | null;
	month: number | null;
	term: string | null;
	scope: string;
	/** Figures in the order of the text. */
	figures: ExtractedFigure[];
}

/** The figures by group, in the order of their first figure; what cannot be grouped is reported. */
export function groupFigures(
	figures: readonly ExtractedFigure[],
	problem: AddProblem,
): Map<string, Group> {
	const groups = new Map<string, Group>();
	for (const figure of figures) {
		const unit = figure.unitKey ? parseUnitKey(figure.unitKey) : undefined;
		if (!figure.unitKey || !unit) {
			const names = figure.unitCandidates.map((c) => `${c.nameWithType} (${c.province})`);
			problem(figure, 'error', TO_IMPORT_MESSAGES.chooseUnit(names));
			continue;
		}
		const period = STORED_PERIOD[figure.period.kind];
		if (!period) {
			problem(figure, 'error', TO_IMPORT_MESSAGES.choosePeriod());
			continue;
		}
		// A term total belongs to no year, and only a month row has a month: as the validator keeps them.
		const fields = {
			scheme: unit.scheme,
			unit_code: unit.code,
			period,
			year: period === 'term' ? null : figure.period.year,
			month: period === 'month' ? figure.period.month : null,
			term: period === 'term' ? figure.period.term : null,
			scope: figure.scope,
		};
		const key = factKey(fields);
		const group = groups.get(key) ?? {
			key,
			unitKey: figure.unitKey,
			scheme: fields.scheme,
			code: fields.unit_code,
			period,
			year: fields.year,
			month: fields.month,
			term: fields.term,
			scope: fields.scope,
			figures: [],
		};
		group.figures.push(figure);
		groups.set(key, group);
	}
	return groups;
}
