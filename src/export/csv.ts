/**
 * CSV of a query result (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote, a line break or edge blanks, quotes doubled. NULL is an empty field; numbers keep the
 * machine form (1234.5) so any program reads them. The file starts with a UTF-8 byte-order mark so that
 * Excel opens Vietnamese text correctly.
 */
import type { Table } from 'apache-arrow';
import { columnValues, resultColumns, type CellValue } from './result-columns.ts';

export const BOM = '\uFEFF';

export function csvField(value: CellValue): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a table, with a header row and a leading byte-order mark. */
export function tableToCsv(table: Table): string {
	const columns = resultColumns(table);
	const values = columnValues(table);
	const lines = [columns.map((c) => csvField(c.name)).join(',')];
	for (let row = 0; row < table.numRows; row++) {
		lines.push(values.map((column) => csvField(column[row] ?? null)).join(','));
	}
	return `${BOM}${lines.join('\r\n')}\r\n`;
}
