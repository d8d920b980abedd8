/**
 * CSV text → rows of cells. The separator is found from the text: comma, semicolon (Excel where the
 * decimal mark is a comma) or tab (Excel's "Unicode text"). Parsing is d3-dsv's (RFC 4180 quoting), row by
 * row, counting against the limits as it goes: a file that passes one stops there, not after all of it
 * has been held in memory.
 */
import { dsvFormat } from 'd3-dsv';
import { LimitReached, type LimitId } from './limits.ts';
import type { SheetRow } from './types.ts';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts of a character outside quotes in each of the first lines of the text. */
function countsPerLine(text: string, delimiter: string, maxLines = 20): number[] {
	const counts: number[] = [];
	let count = 0;
	let quoted = false;
	for (let i = 0; i < text.length && counts.length < maxLines; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === delimiter) count++;
		else if (!quoted && ch === '\n') {
			counts.push(count);
			count = 0;
		}
	}
	if (counts.length < maxLines && count > 0) counts.push(count);
	return counts;
}

/**
 * The separator that splits the first lines most consistently: the one whose most common count per
 * non-empty line is highest, ties broken by the order comma, semicolon, tab. A single column is comma.
 */
export function sniffDelimiter(text: string): Delimiter {
	let best: Delimiter = ',';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = countsPerLine(text, d).filter((n) => n > 0);
		if (counts.length === 0) continue;
		const tally = new Map<number, number>();
		for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
		const [mode, times] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
		// Lines agreeing on the count matter most; more columns break ties.
		const score = times * 1000 + mode;
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/** Rows of cells; cells are trimmed text. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): string[][] {
	return dsvFormat(delimiter).parseRows(text.replace(/^\ufeff/, ''));
}

export interface CsvLimits {
	/** Rows with content (blank rows do not count). */
	rows: number;
	/** Rows including blank ones. */
	lines: number;
	columns: number;
	/** Cells of the rows with content. */
	cells: number;
}

export type CsvRows = { ok: true; rows: SheetRow[] } | { ok: false; limit: LimitId };

/**
 * The first limit on lines or columns the text passes, found by counting separators and line ends outside
 * quotes, before anything is parsed: d3-dsv builds a whole row before handing it over, so a line of
 * millions of commas is caught here first, and a file of millions of line ends stops after the first
 * half-million of them. A line break inside quotes belongs to its cell, as in the parser.
 */
export function passedLimit(
	text: string,
	delimiter: string,
	limits: Pick<CsvLimits, 'lines' | 'columns'>,
): LimitId | null {
	const sep = delimiter.charCodeAt(0);
	let fields = 1;
	let lines = 1;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 34) quoted = !quoted;
		else if (quoted) continue;
		else if (ch === sep) {
			if (++fields > limits.columns) return 'columns';
		} else if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
			fields = 1;
			// A last line end closes the last line and opens none.
			if (++lines > limits.lines && i + 1 < text.length) return 'lines';
		}
	}
	return null;
}

/**
 * Rows of cells numbered as lines of the file (quoted line breaks stay in their cell); empty and
 * whitespace-only cells are null. Stops at the first limit passed.
 */
export function readCsvRows(text: string, delimiter: Delimiter, limits: CsvLimits): CsvRows {
	const body = text.replace(/^\ufeff/, '');
	const passed = passedLimit(body, delimiter, limits);
	if (passed) return { ok: false, limit: passed };
	const rows: SheetRow[] = [];
	let lines = 0;
	let content = 0;
	let cells = 0;
	try {
		dsvFormat(delimiter).parseRows(body, (record) => {
			if (++lines > limits.lines) throw new LimitReached('lines');
			const row = record.map((c) => (c.trim() === '' ? null : c));
			if (row.some((c) => c !== null)) {
				if (++content > limits.rows) throw new LimitReached('rows');
				cells += row.length;
				if (cells > limits.cells) throw new LimitReached('cells');
			}
			rows.push({ number: lines, cells: row });
			// Nothing is collected by d3 itself.
			return null;
		});
	} catch (error) {
		if (error instanceof LimitReached) return { ok: false, limit: error.limit };
		throw error;
	}
	return { ok: true, rows };
}

/** One CSV line of the given cells, quoted where needed. */
export function formatCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	return dsvFormat(',').formatRows(rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
}
