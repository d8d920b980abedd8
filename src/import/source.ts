/**
 * What a reader hands over before the table is chosen: every sheet of the file with its rows as they are
 * (a CSV or Parquet file is one sheet). The table (which sheets, which header rows) is taken from it
 * afterwards, by the importer or by the user, without reading the file again.
 */
import type { Bilingual } from '../model/metrics.ts';
import type { TitleFacts } from './title-block.ts';
import type { FileFormat, SheetRow } from './types.ts';
import type { CellRange } from './xlsx-sheet.ts';

export interface SourceSheet {
	name: string;
	rows: SheetRow[];
	merges?: CellRange[];
	hidden?: boolean;
	/** What the reader noticed in this sheet (values beyond the column limit, say). */
	notices?: Bilingual[];
}

export interface ReadSource {
	format: FileFormat;
	encoding?: string;
	delimiter?: string;
	sheets: SourceSheet[];
	/** Notices about the whole file (a legacy encoding converted, say). */
	notices?: Bilingual[];
	/** The header is the first row (Parquet column names): never searched for. */
	fixedHeader?: boolean;
}

/** Where a table was found in one sheet, for the mapping step to show. */
export interface RegionInfo {
	sheetName?: string;
	/** Row numbers of the header band as in the file. */
	headerRows: number[];
	/** Index of the header band's first row in the sheet's rows, and its height (to move it). */
	headerIndex: number;
	headerHeight: number;
	firstColumn: number;
	lastColumn: number;
	/** First and last data row numbers (null when there are none). */
	firstRow: number | null;
	lastRow: number | null;
	/** What the title block (and the sheet's name) says. */
	title: TitleFacts;
}
