/** What the import panel offers and says of files: the chooser's types, each format's name. */
import type { FileFormat } from '../../../import/types.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file chooser's filter: the readers' formats, by extension and by type. */
export const ACCEPTED_FILES = `.csv,.tsv,.txt,.xlsx,.parquet,text/csv,${XLSX_TYPE}`;

export const FORMAT_NAMES: Readonly<Record<FileFormat, string>> = {
	csv: 'CSV',
	xlsx: 'Excel (.xlsx)',
	parquet: 'Parquet',
};

/** The separator of a text file as the user is told it: a tab has no visible sign of its own. */
export function separatorName(delimiter: string | undefined): string {
	return delimiter === '\t' ? 'Tab' : (delimiter ?? ',');
}
