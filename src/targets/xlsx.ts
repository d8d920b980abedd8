/**
 * Targets as an Excel workbook, for offices that keep their lists in Excel rather than CSV: the same
 * columns and the same checking of each row as the CSV (`rows.ts`), written and read by the project's
 * own XLSX writer and reader.
 */
import { readXlsx } from '../import/xlsx.ts';
import { writeXlsx } from '../import/xlsx-write.ts';
import { targetsFromRows, targetsToRows, type TargetReadResult } from './rows.ts';
import type { Target } from './target.ts';

/** The user's targets as .xlsx bytes: one sheet, a frozen bold header, the id column as text. */
export function targetsToXlsx(targets: readonly Target[]): Uint8Array {
	return writeXlsx([
		{
			name: 'Chỉ tiêu',
			rows: targetsToRows(targets),
			widths: [22, 60, 24, 10, 16, 16, 12, 10],
			textColumns: [0, 5],
			header: true,
		},
	]);
}

/** Targets from the first visible sheet of a workbook; a file that is not one says so in both languages. */
export function targetsFromXlsx(bytes: Uint8Array, now = new Date()): TargetReadResult {
	const book = readXlsx(bytes);
	const sheet = book.ok ? (book.sheets.find((s) => !s.hidden) ?? book.sheets[0]) : undefined;
	if (!sheet) {
		return {
			targets: [],
			problems: [
				{
					line: 1,
					reason: {
						vi: 'Không đọc được tệp Excel (.xlsx) này.',
						en: 'This Excel (.xlsx) file cannot be read.',
					},
				},
			],
		};
	}
	// The reader gives only rows with content, each with its number in the sheet: the line the user sees.
	return targetsFromRows(
		sheet.rows.map((r) => ({ line: r.number, cells: r.cells })),
		now,
	);
}
