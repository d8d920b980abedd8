/**
 * Targets as CSV, to keep, share and edit in a spreadsheet. The columns and the checking of each row
 * are in `rows.ts`, shared with the XLSX file; here only the CSV text is written and read.
 */
import { BOM, csvField } from '../export/csv.ts';
import { parseCsv } from '../import/csv.ts';
import type { Target } from './target.ts';
import { targetsFromRows, targetsToRows, type TargetReadResult } from './rows.ts';

/** The user's targets as CSV text (with a byte-order mark, so that Excel reads Vietnamese right). */
export function targetsToCsv(targets: readonly Target[]): string {
	const lines = targetsToRows(targets).map((row) => row.map((c) => csvField(String(c))).join(','));
	return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Targets from CSV text; a row without an id gets a new one. */
export function targetsFromCsv(text: string, now = new Date()): TargetReadResult {
	// The parser gives one record per row; a quoted line break keeps a record on several lines, which
	// no target's cells have, so the record's place is its line.
	const rows = parseCsv(text).map((cells, i) => ({ line: i + 1, cells }));
	return targetsFromRows(rows, now);
}
