/**
 * The targets as a file: the user's own written out as CSV or XLSX, and read back from either, with what
 * the import says afterwards.
 */
import { interpolate, type Lang } from '../../../i18n/format.ts';
import { targetsFromCsv, targetsToCsv } from '../../../targets/csv.ts';
import type { TargetReadResult } from '../../../targets/rows.ts';
import type { Target } from '../../../targets/target.ts';
import { targetsFromXlsx, targetsToXlsx } from '../../../targets/xlsx.ts';
import { download } from '../../../ui/download.ts';
import { TARGETS_TEXT } from './messages.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadTargetsCsv(targets: readonly Target[]): void {
	download('chi-tieu.csv', targetsToCsv(targets), 'text/csv');
}

export function downloadTargetsXlsx(targets: readonly Target[]): void {
	download('chi-tieu.xlsx', targetsToXlsx(targets), XLSX_TYPE);
}

/** The targets of a CSV or XLSX file, and the rows refused. */
export function readTargetsFile(bytes: Uint8Array): TargetReadResult {
	// The kind is read from the bytes, as the data import does: a workbook is a zip ("PK").
	return bytes[0] === 0x50 && bytes[1] === 0x4b
		? targetsFromXlsx(bytes)
		: targetsFromCsv(new TextDecoder().decode(bytes));
}

/** What an import says: how many targets came in, then each refused row with its line. */
export function importNotes(result: TargetReadResult, lang: Lang): string[] {
	return [
		interpolate(TARGETS_TEXT.imported[lang], { n: result.targets.length }),
		...result.problems.map((p) =>
			interpolate(TARGETS_TEXT.refused[lang], { line: p.line, reason: p.reason[lang] }),
		),
	];
}
