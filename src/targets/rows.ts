/**
 * Targets as rows of cells, the one shape the CSV and the XLSX files share: one row per target, the
 * columns named as in the data contract (`metric`, `level`, `period`…), lists (unit types, units)
 * separated by `;`. Reading checks every row and says which rows were refused and why; good rows are
 * kept. Each file format only turns its bytes into rows (or rows into bytes), so a row is judged the
 * same way whichever file it came in.
 */
import type { Bilingual, MetricId } from '../model/metrics.ts';
import type { PeriodChoiceKind } from '../model/periods.ts';
import type { UnitLevel } from '../model/units.ts';
import { newTargetId, targetProblem, type Target } from './target.ts';

export const TARGET_COLUMNS = [
	'id',
	'label',
	'metric',
	'level',
	'unit_types',
	'units',
	'period',
	'threshold',
] as const;

/** A row of a targets file: its number as the user sees it (1 = the header) and its cells. */
export interface TargetRow {
	line: number;
	/** Text, or a number when a spreadsheet typed the cell as one. */
	cells: readonly (string | number | null)[];
}

export interface TargetReadResult {
	targets: Target[];
	/** Refused rows: their line number (1 = the header) and why. */
	problems: { line: number; reason: Bilingual }[];
}

/** The header and one row per target; the threshold stays a number (a spreadsheet sums it). */
export function targetsToRows(targets: readonly Target[]): (string | number)[][] {
	return [
		[...TARGET_COLUMNS],
		...targets.map((t) => [
			t.id,
			t.label,
			t.metric,
			t.level ?? '',
			t.unitTypes.join(';'),
			t.units.join(';'),
			t.period,
			t.threshold,
		]),
	];
}

const text = (cell: string | number | null | undefined) =>
	cell === null || cell === undefined ? '' : String(cell).trim();

const list = (cell: string) =>
	cell
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);

/** Targets from rows, the first being the header; a row without an id gets a new one. */
export function targetsFromRows(rows: readonly TargetRow[], now = new Date()): TargetReadResult {
	const header = (rows[0]?.cells ?? []).map((h) => text(h).toLowerCase());
	const missing = ['label', 'metric', 'period', 'threshold'].filter((c) => !header.includes(c));
	if (missing.length > 0) {
		return {
			targets: [],
			problems: [
				{
					line: rows[0]?.line ?? 1,
					reason: {
						vi: `Thiếu cột: ${missing.join(', ')}.`,
						en: `Missing columns: ${missing.join(', ')}.`,
					},
				},
			],
		};
	}
	const result: TargetReadResult = { targets: [], problems: [] };
	rows.slice(1).forEach((row, i) => {
		if (row.cells.every((c) => !text(c))) return;
		const cell = (name: string) => text(row.cells[header.indexOf(name)]);
		const threshold = cell('threshold');
		const target: Target = {
			id: cell('id') || newTargetId(now, i),
			label: cell('label'),
			metric: cell('metric') as MetricId,
			level: (cell('level') || null) as UnitLevel | null,
			unitTypes: list(cell('unit_types')),
			units: list(cell('units')),
			period: cell('period') as PeriodChoiceKind,
			// A decimal comma is how a Vietnamese spreadsheet writes a fraction.
			threshold: threshold === '' ? NaN : Number(threshold.replace(',', '.')),
		};
		const problem = targetProblem(target);
		if (problem) result.problems.push({ line: row.line, reason: problem });
		else result.targets.push(target);
	});
	return result;
}
