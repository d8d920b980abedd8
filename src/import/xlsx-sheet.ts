/**
 * One worksheet's XML read into rows of cell values (shared strings, inline text, numbers, dates as
 * "dd/mm/yyyy" text) with its merged ranges, within the limits of the workbook being read (xlsx.ts).
 */
import { columnLetter } from './columns.ts';
import type { LimitId } from './limits.ts';
import type { Cell, SheetRow } from './types.ts';
import { xmlEvents } from './xml.ts';
import { isoToText, serialToText, type DateKind } from './xlsx-dates.ts';
import { cellTextOf } from './xlsx-text.ts';

/** A rectangle of cells: 0-based columns, row numbers as in the file. */
export interface CellRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export interface SheetLimits {
	/** Rows with content, in each sheet. */
	maxRows: number;
	/** Columns read; a value beyond is counted in `dropped`, not read (the file is not refused). */
	maxColumns: number;
}

/** 0-based column index of a cell reference ("B5" → 1); -1 when it has no letters. */
export function columnIndexOf(ref: string): number {
	const letters = /^[A-Z]+/i.exec(ref)?.[0];
	if (!letters || letters.length > 3) return -1;
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

/** Row number of a cell reference ("B5" → 5); null when it has none. */
function rowNumberOf(ref: string): number | null {
	const digits = /^[A-Z]*\$?(\d+)$/i.exec(ref.replace(/\$/g, ''))?.[1];
	const n = digits ? Number(digits) : NaN;
	return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** "A5:C6" → its rectangle; a single cell is a 1×1 range; null when unreadable. */
export function parseRange(ref: string): CellRange | null {
	const [a, b = a] = ref.split(':');
	if (!a || !b) return null;
	const left = columnIndexOf(a.replace(/\$/g, ''));
	const right = columnIndexOf(b.replace(/\$/g, ''));
	const top = rowNumberOf(a);
	const bottom = rowNumberOf(b);
	if (left < 0 || right < 0 || top === null || bottom === null) return null;
	return {
		top: Math.min(top, bottom),
		bottom: Math.max(top, bottom),
		left: Math.min(left, right),
		right: Math.max(left, right),
	};
}

/** The workbook's shared strings, in order (phonetic runs left out). */
export function sharedStrings(xml: string | undefined): string[] {
	if (!xml) return [];
	const strings: string[] = [];
	let current: string | null = null;
	let inText = false;
	let phonetic = 0;
	for (const e of xmlEvents(xml)) {
		if (e.type === 'open') {
			if (e.name === 'si') current = '';
			else if (e.name === 'rPh') phonetic++;
			else if (e.name === 't' && !e.selfClosing) inText = true;
		} else if (e.type === 'close') {
			if (e.name === 'si' && current !== null) {
				strings.push(cellTextOf(current));
				current = null;
			} else if (e.name === 'rPh') phonetic = Math.max(0, phonetic - 1);
			else if (e.name === 't') inText = false;
		} else if (inText && phonetic === 0 && current !== null) {
			current += e.text;
		}
	}
	return strings;
}

interface ParsedSheet {
	rows: SheetRow[];
	merges: CellRange[];
	dropped: { cells: number; first: string } | null;
}

/** How the workbook writes dates: which cell styles are dates, and its date system. */
export interface DateStyles {
	kinds: Map<number, DateKind>;
	date1904: boolean;
}

/** The rows of a sheet with content; `budget.cells` is what is left of the cell limit for all sheets. */
export function sheetRows(
	xml: string,
	strings: string[],
	limits: SheetLimits,
	dates: DateStyles,
	budget: { cells: number },
): ParsedSheet | LimitId {
	const rows: SheetRow[] = [];
	const merges: CellRange[] = [];
	let dropped: ParsedSheet['dropped'] = null;
	let row: SheetRow | null = null;
	let lastRow = 0;
	let cell: {
		col: number;
		ref: string;
		type: string;
		style: number;
		value: string;
		inline: string;
	} | null = null;
	let inValue = false;
	let inInline = false;
	let rowHasRef = false;
	for (const e of xmlEvents(xml)) {
		if (e.type === 'open') {
			if (e.name === 'row') {
				// A row's own number is kept; one without a usable number (absent, 0, text) follows the
				// last, so that a writer's stray `r="0"` does not move the rows after it.
				const n = Number(e.attrs.r);
				const number = Number.isSafeInteger(n) && n >= 1 ? n : lastRow + 1;
				rowHasRef = Number.isSafeInteger(n) && n >= 1;
				lastRow = Math.max(lastRow, number);
				row = { number, cells: [] };
			} else if (e.name === 'c' && row) {
				const col = e.attrs.r ? columnIndexOf(e.attrs.r) : row.cells.length;
				if (!rowHasRef && e.attrs.r) {
					// No row number: the cell's reference says which row this is.
					const fromRef = rowNumberOf(e.attrs.r);
					if (fromRef !== null && row.cells.length === 0) {
						row.number = fromRef;
						lastRow = Math.max(lastRow, fromRef);
					}
					rowHasRef = true;
				}
				cell = {
					col: col < 0 ? row.cells.length : col,
					ref: e.attrs.r ?? '',
					type: e.attrs.t ?? 'n',
					style: Number(e.attrs.s ?? 0),
					value: '',
					inline: '',
				};
			} else if (e.name === 'v' && cell) inValue = !e.selfClosing;
			else if (e.name === 't' && cell) inInline = !e.selfClosing;
			else if (e.name === 'mergeCell' && e.attrs.ref) {
				const range = parseRange(e.attrs.ref);
				if (range) merges.push(range);
			}
		} else if (e.type === 'close') {
			if (e.name === 'v') inValue = false;
			else if (e.name === 't') inInline = false;
			else if (e.name === 'c' && row && cell) {
				let value = cellValue(cell.type, cell.value, cell.inline, strings);
				const kind = dates.kinds.get(cell.style);
				if (typeof value === 'number' && kind) {
					value = serialToText(value, kind, dates.date1904) ?? value;
				} else if (cell.type === 'd' && typeof value === 'string') value = isoToText(value);
				// Empty cells (styled, bordered) take no room: the width is that of cells with values.
				if (value !== null) {
					if (cell.col >= limits.maxColumns) {
						dropped ??= { cells: 0, first: cell.ref || `${columnLetter(cell.col)}${row.number}` };
						dropped.cells++;
					} else {
						while (row.cells.length < cell.col) row.cells.push(null);
						row.cells[cell.col] = value;
					}
				}
				cell = null;
			} else if (e.name === 'row' && row) {
				if (row.cells.some((c) => c !== null)) {
					rows.push(row);
					budget.cells -= row.cells.length;
					if (budget.cells < 0) return 'cells';
				}
				if (rows.length > limits.maxRows) return 'rows';
				row = null;
			}
		} else if (cell && inValue) cell.value += e.text;
		else if (cell && inInline) cell.inline += e.text;
	}
	return { rows, merges, dropped };
}

function cellValue(type: string, value: string, inline: string, strings: string[]): Cell {
	switch (type) {
		case 's': {
			const index = Number(value);
			return Number.isInteger(index) ? (strings[index] ?? null) : null;
		}
		case 'inlineStr':
			return inline === '' ? null : cellTextOf(inline);
		case 'str':
		case 'e':
		case 'd':
			return value === '' ? null : cellTextOf(value);
		case 'b':
			return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : null;
		default: {
			if (value.trim() === '') return null;
			const n = Number(value);
			return Number.isFinite(n) ? n : value;
		}
	}
}
