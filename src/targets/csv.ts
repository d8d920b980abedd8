/**
 * Targets as CSV, to keep, share and edit in a spreadsheet: one row per target, the columns named as in
 * the data contract (`metric`, `level`, `period`…). Lists (unit types, units) are separated by `;`.
 * Reading checks every row and says which rows were refused and why; good rows are kept.
 */
import { BOM, csvField } from '../export/csv.ts';
import { parseCsv } from '../import/csv.ts';
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

/** The user's targets as CSV text (with a byte-order mark, so that Excel reads Vietnamese right). */
export function targetsToCsv(targets: readonly Target[]): string {
	const lines = [TARGET_COLUMNS.join(',')];
	for (const t of targets) {
		lines.push(
			[
				t.id,
				t.label,
				t.metric,
				t.level ?? '',
				t.unitTypes.join(';'),
				t.units.join(';'),
				t.period,
				String(t.threshold),
			]
				.map(csvField)
				.join(','),
		);
	}
	return `${BOM}${lines.join('\r\n')}\r\n`;
}

export interface TargetCsvResult {
	targets: Target[];
	/** Refused rows: their line number (1 = the header) and why. */
	problems: { line: number; reason: Bilingual }[];
}

const list = (text: string | undefined) =>
	(text ?? '')
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);

/** Targets from CSV text; a row without an id gets a new one. */
export function targetsFromCsv(text: string, now = new Date()): TargetCsvResult {
	const rows = parseCsv(text);
	const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
	const missing = ['label', 'metric', 'period', 'threshold'].filter((c) => !header.includes(c));
	if (missing.length > 0) {
		return {
			targets: [],
			problems: [
				{
					line: 1,
					reason: {
						vi: `Thiếu cột: ${missing.join(', ')}.`,
						en: `Missing columns: ${missing.join(', ')}.`,
					},
				},
			],
		};
	}
	const result: TargetCsvResult = { targets: [], problems: [] };
	rows.slice(1).forEach((cells, i) => {
		if (cells.every((c) => !c.trim())) return;
		const cell = (name: string) => cells[header.indexOf(name)]?.trim() ?? '';
		const threshold = Number(cell('threshold').replace(',', '.'));
		const target: Target = {
			id: cell('id') || newTargetId(now, i),
			label: cell('label'),
			metric: cell('metric') as MetricId,
			level: (cell('level') || null) as UnitLevel | null,
			unitTypes: list(cell('unit_types')),
			units: list(cell('units')),
			period: cell('period') as PeriodChoiceKind,
			threshold: cell('threshold') === '' ? NaN : threshold,
		};
		const problem = targetProblem(target);
		if (problem) result.problems.push({ line: i + 2, reason: problem });
		else result.targets.push(target);
	});
	return result;
}
