/** Shapes shared by the import readers, the validator and the app. No DOM, no DuckDB. */
import type { Bilingual, MetricId } from '../model/metrics.ts';
import type { FactScope, PeriodKind } from '../model/periods.ts';
import type { Scheme } from '../model/units.ts';
import type { ReadSource, RegionInfo } from './source.ts';

/** One cell as a reader hands it over: text, a number (typed spreadsheet cells), or nothing. */
export type Cell = string | number | null;

/** A row of the file with its number as the user sees it (the header row is row 1 in a plain file). */
export interface SheetRow {
	number: number;
	cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx' | 'parquet';

/** A table read from a file: its header texts and the rows below the header. */
export interface Sheet {
	format: FileFormat;
	/** For text files: the encoding the bytes were read with (`utf-8`, `utf-8 BOM`, `windows-1258`…). */
	encoding?: string;
	/** For text files: the field separator found. */
	delimiter?: string;
	/** For workbooks: the name of the sheet read. */
	sheetName?: string;
	/** What the reader did that the user should know (values beyond the column limit, say). */
	notices?: Bilingual[];
	/** Where the table was found, sheet by sheet (header rows, columns, data rows, title block). */
	regions?: RegionInfo[];
	/** Row number of the header. */
	headerRow: number;
	headers: string[];
	rows: SheetRow[];
}

/** Every reason a file cannot be read at all; each has a message in both languages. */
export const READ_ERROR_CODES = [
	'empty',
	'too_large',
	'encoding',
	'binary',
	'xls',
	'xlsx',
	'parquet',
	'no_header',
	'too_many_rows',
	'too_many_lines',
	'too_many_columns',
	'too_many_cells',
	'too_large_unzipped',
	'part_too_large',
	'unreadable',
] as const;

/** Why a file could not be read at all (nothing of it is used). */
export interface ReadError {
	code: (typeof READ_ERROR_CODES)[number];
	message: Bilingual;
}

/** A file read: the table taken by default, and the file's sheets as read, to take another table. */
export type ReadResult =
	{ ok: true; sheet: Sheet; source?: ReadSource } | { ok: false; error: ReadError };

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a file: where it is, how bad, and what it means in plain words. */
export interface ImportIssue {
	/** Row number as in the file (header = 1 in a plain file); 0 for the file as a whole. */
	row: number;
	/** The column, or null for a whole row. */
	column: { index: number; letter: string; header: string; id: string | null } | null;
	/** `error` rejects the row; `warning` keeps it; `info` only tells. */
	severity: Severity;
	code: string;
	message: Bilingual;
}

/** One accepted row in the shape of the `facts` table (without its source). */
export interface ImportedFact {
	/** Row number in the file it came from. */
	row: number;
	unit_code: string;
	scheme: Scheme;
	year: number | null;
	period: PeriodKind;
	month: number | null;
	term: string | null;
	scope: FactScope;
	values: Partial<Record<MetricId, number | null>>;
	qualifier: 'at_least' | 'approx' | null;
	note: string | null;
}
