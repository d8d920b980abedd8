/**
 * A chart's data as CSV, for Excel and for programs alike. The choices:
 * - comma-separated (RFC 4180), CRLF line ends, fields quoted when they hold a comma, a quote or a line
 *   break: every program reads it, and Excel in Vietnamese reads it when opened through Data › From
 *   Text/CSV (a semicolon would only suit Excel set to a comma decimal, and `sep=` lines break the BOM);
 * - UTF-8 with a byte-order mark, so Excel shows the diacritics of unit names;
 * - numbers in machine form with a dot decimal and no thousands separator (1234.5), so they stay
 *   numbers in any locale; an empty field where a figure was not reported.
 * The same conventions as the SQL workspace's downloads.
 */

import type { ExportOptions } from './export.ts';
import type { ImageFormat } from './save.ts';

export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';

/** A chart's data as a table: column labels (a `format` marks a column of figures) and rows. */
export interface PanelTable {
	columns: { label: string; format?: (value: number | null) => string }[];
	rows: CsvCell[][];
}

export function csvCell(value: CsvCell): string {
	if (value === null) return '';
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows (the first is the header) as CSV text with a byte-order mark. `comments` (the sources of the
 * figures, credits) go first as lines starting with "#", the convention programs skip on request
 * (pandas `comment='#'`, R `comment.char`); Excel shows them as the first rows.
 */
export function toCsv(
	rows: readonly (readonly CsvCell[])[],
	comments: readonly string[] = [],
): string {
	const head = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
	return `${CSV_BOM}${head}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The cells of a rendered table: a cell's `data-value` when it has one (the figure in machine form;
 * empty means not reported), else its text. The header row first.
 */
export function tableCells(table: HTMLTableElement): CsvCell[][] {
	const rows: CsvCell[][] = [];
	for (const row of table.rows) {
		rows.push(
			[...row.cells].map((cell) => {
				const value = cell.dataset.value;
				if (value !== undefined) {
					if (value === '') return null;
					const n = Number(value);
					return Number.isFinite(n) ? n : value;
				}
				return (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
			}),
		);
	}
	return rows;
}

/** A file name safe on every system: hdnd-ranking-2026-11-23.csv */
export function exportFileName(chart: string, date: Date, extension: string, suffix = ''): string {
	const day = [
		date.getFullYear(),
		String(date.getMonth() + 1).padStart(2, '0'),
		String(date.getDate()).padStart(2, '0'),
	].join('-');
	const name = chart.replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '') || 'chart';
	return `hdnd-${name}-${day}${suffix}.${extension}`;
}

/**
 * The file name of a chart or a sheet saved as an image. The size, a dark background and a PNG's density
 * are in the name, so that one chart saved in several forms keeps each: hdnd-ranking-2026-11-23-slide-dark@2x.png
 */
export function imageFileName(
	chart: string,
	date: Date,
	options: ExportOptions,
	format: ImageFormat,
): string {
	const suffix = `-${options.preset}${options.theme === 'dark' ? '-dark' : ''}`;
	return format.kind === 'svg'
		? exportFileName(chart, date, 'svg', suffix)
		: exportFileName(chart, date, 'png', `${suffix}@${format.density}x`);
}
