/** The coverage states and their names, and rows and counts from query results: plain data, no DOM, no SQL. */
import type { CoverageState } from '../../../db/coverage.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

export const COVERAGE_STATES: readonly CoverageState[] = [
	'reported',
	'imported',
	'simulated',
	'missing',
	'absent',
];

/** How each state is named: in the legend, the counts, a cell's tooltip and the table. */
export const STATE_LABELS: Readonly<Record<CoverageState, MessageKey>> = {
	reported: 'dataCoverageReported',
	imported: 'dataCoverageImported',
	simulated: 'dataCoverageSimulated',
	missing: 'dataCoverageMissing',
	absent: 'dataCoverageAbsent',
};

export interface CoverageCell {
	unit_key: string;
	year: number;
	state: CoverageState;
	source_id: string | null;
}

export interface CoverageRow {
	key: string;
	/** One entry per year of the range, in order. */
	cells: { year: number; state: CoverageState; sourceId: string | null }[];
}

/** Rows in the order the cells came (the query orders them), one cell per year; gaps are `absent`. */
export function coverageRows(
	cells: readonly CoverageCell[],
	years: readonly number[],
): CoverageRow[] {
	const byKey = new Map<string, Map<number, CoverageCell>>();
	for (const cell of cells) {
		let row = byKey.get(cell.unit_key);
		if (!row) {
			row = new Map();
			byKey.set(cell.unit_key, row);
		}
		row.set(cell.year, cell);
	}
	return [...byKey].map(([key, row]) => ({
		key,
		cells: years.map((year) => {
			const cell = row.get(year);
			return { year, state: cell?.state ?? 'absent', sourceId: cell?.source_id ?? null };
		}),
	}));
}

/** Units per year and state; every state present for every year (0 where none). */
export function coverageCounts(
	rows: readonly { year: number; state: CoverageState; units: number }[],
	years: readonly number[],
): Map<number, Record<CoverageState, number>> {
	const counts = new Map<number, Record<CoverageState, number>>(
		years.map((y) => [y, { reported: 0, imported: 0, simulated: 0, missing: 0, absent: 0 }]),
	);
	for (const r of rows) {
		const entry = counts.get(r.year);
		if (entry) entry[r.state] = r.units;
	}
	return counts;
}
