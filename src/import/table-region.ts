/**
 * Where the table is in a sheet that opens with a title block: which row or rows make the header (a
 * two-row merged header, "Kỳ họp" over "Thường lệ | Chuyên đề", is read as "Kỳ họp › Thường lệ" and
 * "Kỳ họp › Chuyên đề"), which columns it spans, and which rows below it are data (a row numbering the
 * columns, "(1) (2) (3)", and the signature block under the table are left out).
 *
 * The header is the band of one to three rows among the first rows whose labels name the most columns of
 * the template (the catalogue's Vietnamese and English labels and their common variants); a taller band
 * must name more columns than a shorter one to be chosen.
 */
import { normaliseHeader, type ImportColumnId } from './columns.ts';
import { matchHeaderVariant } from './header-variants.ts';
import type { Cell, SheetRow } from './types.ts';
import type { CellRange } from './xlsx-sheet.ts';

/** A table found in a sheet; indexes are into the sheet's rows, columns are 0-based. */
export interface TableRegion {
	/** Index of the header band's first row, and how many rows it has. */
	headerIndex: number;
	headerHeight: number;
	/** Row numbers of the header band as in the file. */
	headerRowNumbers: number[];
	/** The first and last column with a header label. */
	firstColumn: number;
	lastColumn: number;
	/** A label per column from 0 to lastColumn ('' where there is none). */
	headers: string[];
	/** The column each label names (the first time it is named), null elsewhere. */
	mapping: (ImportColumnId | null)[];
	/** The data rows: indexes from bodyIndex (inclusive) to bodyEnd (exclusive). */
	bodyIndex: number;
	bodyEnd: number;
}

/** Rows of the sheet searched for a header. */
const SEARCHED_ROWS = 40;
/** The tallest header band tried. */
const MAX_HEIGHT = 3;
/** Joins a parent label to its child's. */
export const LABEL_JOIN = ' › ';

const textOf = (cell: Cell | undefined): string =>
	cell === null || cell === undefined
		? ''
		: String(cell).normalize('NFC').replace(/\s+/g, ' ').trim();

/** The value shown in a cell, following merges: a merged range shows its top-left cell's value. */
function mergedText(
	rows: readonly SheetRow[],
	byNumber: ReadonlyMap<number, SheetRow>,
	merges: readonly CellRange[],
	rowIndex: number,
	col: number,
): { text: string; merged: boolean } {
	const row = rows[rowIndex]!;
	const own = textOf(row.cells[col]);
	if (own) return { text: own, merged: false };
	for (const m of merges) {
		if (row.number < m.top || row.number > m.bottom || col < m.left || col > m.right) continue;
		return { text: textOf(byNumber.get(m.top)?.cells[m.left]), merged: true };
	}
	return { text: '', merged: false };
}

/**
 * The labels of a header band, one per column: the band's texts top to bottom, repeated ones once, a
 * merged parent carried to every child. Without merges (a CSV of a merged header), an empty cell above a
 * child takes the parent label on its left when that parent has children too.
 */
export function bandLabels(
	rows: readonly SheetRow[],
	merges: readonly CellRange[],
	headerIndex: number,
	height: number,
): string[] {
	const band = rows.slice(headerIndex, headerIndex + height);
	// A merge's top-left cell is at or above the band: only those rows and merges are looked at.
	const byNumber = new Map(rows.slice(0, headerIndex + height).map((r) => [r.number, r]));
	const top = band[0]?.number ?? 0;
	const bottom = band.at(-1)?.number ?? 0;
	const inBand = merges.filter((m) => m.bottom >= top && m.top <= bottom);
	const width = Math.max(0, ...band.map((r) => r.cells.length));
	const grid = band.map((_, k) =>
		Array.from({ length: width }, (_, c) => mergedText(rows, byNumber, inBand, headerIndex + k, c)),
	);
	for (let k = 0; k < grid.length - 1; k++) {
		for (let c = 1; c < width; c++) {
			const cell = grid[k]![c]!;
			const below = grid[k + 1]![c]!;
			const left = grid[k]![c - 1]!;
			if (cell.text || cell.merged || !below.text || !left.text) continue;
			if (grid[k + 1]![c - 1]!.text && grid[k + 1]![c - 1]!.text !== left.text) {
				grid[k]![c] = { text: left.text, merged: true };
			}
		}
	}
	return Array.from({ length: width }, (_, c) => {
		const parts: string[] = [];
		for (const row of grid) {
			const t = row[c]!.text;
			if (t && parts.at(-1) !== t) parts.push(t);
		}
		return parts.join(LABEL_JOIN);
	});
}

/** The column a (possibly composed) label names: the whole, else the child, else the parent. */
export function labelColumn(label: string): ImportColumnId | null {
	if (!label) return null;
	const parts = label.split(LABEL_JOIN);
	const whole = matchHeaderVariant(parts.join(' '));
	if (whole || parts.length === 1) return whole;
	return matchHeaderVariant(parts.at(-1)!) ?? matchHeaderVariant(parts[0]!);
}

/** For each label, the column it names; a column is taken once, by its first label. */
export function labelMapping(labels: readonly string[]): (ImportColumnId | null)[] {
	const taken = new Set<ImportColumnId>();
	return labels.map((l) => {
		const id = labelColumn(l);
		if (!id || taken.has(id)) return null;
		taken.add(id);
		return id;
	});
}

/** A row that only numbers the columns: "1 2 3 4", "(1) (2) (3)", "A B 1 2". */
export function isNumberingRow(row: SheetRow): boolean {
	const texts = row.cells.map(textOf).filter((t) => t !== '');
	if (texts.length < 3) return false;
	if (!texts.every((t) => /^\(?[0-9]{1,2}\)?$|^\(?[A-Za-z]\)?$/.test(t))) return false;
	const numbers = texts
		.map((t) => /\d+/.exec(t)?.[0])
		.filter((t) => t !== undefined)
		.map(Number);
	return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

const looksLikeCount = (cell: Cell | undefined): boolean =>
	typeof cell === 'number' || (typeof cell === 'string' && /^\s*\d[\d.\s]*\s*$/.test(cell));

/** The region whose header band starts at `headerIndex` with `height` rows. */
export function regionAt(
	rows: readonly SheetRow[],
	merges: readonly CellRange[],
	headerIndex: number,
	height: number,
): TableRegion {
	const h = Math.max(1, Math.min(height, rows.length - headerIndex));
	const labels = bandLabels(rows, merges, headerIndex, h);
	let last = labels.length - 1;
	while (last >= 0 && labels[last] === '') last--;
	const headers = labels.slice(0, last + 1);
	const first = Math.max(
		0,
		headers.findIndex((l) => l !== ''),
	);
	const mapping = labelMapping(headers);
	let bodyIndex = headerIndex + h;
	if (rows[bodyIndex] && isNumberingRow(rows[bodyIndex]!)) bodyIndex++;
	// The table ends with its last row that holds a unit code or a count; below are signatures and notes.
	const codeColumn = mapping.indexOf('unit_code');
	const countColumns = mapping.flatMap((id, i) => (id && !NON_COUNTS.has(id) ? [i] : []));
	let bodyEnd = rows.length;
	// Only a report with a title block has a signature block; a plain file keeps its last rows.
	const report = headerIndex > 0 || h > 1;
	if (report && (codeColumn >= 0 || countColumns.length > 0)) {
		bodyEnd = bodyIndex;
		for (let i = rows.length - 1; i >= bodyIndex; i--) {
			const cells = rows[i]!.cells;
			if (
				(codeColumn >= 0 && textOf(cells[codeColumn]) !== '') ||
				countColumns.some((c) => looksLikeCount(cells[c]))
			) {
				bodyEnd = i + 1;
				break;
			}
		}
	}
	return {
		headerIndex,
		headerHeight: h,
		headerRowNumbers: rows.slice(headerIndex, headerIndex + h).map((r) => r.number),
		firstColumn: first,
		lastColumn: last,
		headers,
		mapping,
		bodyIndex,
		bodyEnd,
	};
}

const NON_COUNTS = new Set<ImportColumnId>([
	'unit_code',
	'unit_name',
	'scheme',
	'year',
	'period',
	'month',
	'term',
	'scope',
	'qualifier',
	'note',
]);

const matchedCount = (mapping: readonly (ImportColumnId | null)[]) =>
	mapping.filter((m) => m !== null).length;

/** Does a row hold text that could be a label (not only numbers)? */
const hasLabel = (row: SheetRow) =>
	row.cells.some((c) => typeof c === 'string' && /\p{L}/u.test(c) && normaliseHeader(c) !== '');

/**
 * How well a band reads as the header: template columns named first; then labels that need every row
 * of the band ("Kỳ họp › Thường lệ" names a column, a title over "Mã đơn vị" does not); then fewer rows.
 */
function bandScore(labels: readonly string[], height: number): { matched: number; score: number } {
	const matched = matchedCount(labelMapping(labels));
	const composed = labels.filter(
		(l) =>
			l.split(LABEL_JOIN).length === height &&
			height > 1 &&
			matchHeaderVariant(l.split(LABEL_JOIN).join(' ')) !== null,
	).length;
	return { matched, score: matched * 100 + composed * 2 - height };
}

/**
 * The table of a sheet: the header band naming the most template columns (at least two), or null when
 * no band does.
 */
export function detectRegion(
	rows: readonly SheetRow[],
	merges: readonly CellRange[] = [],
): TableRegion | null {
	let best: { index: number; height: number; score: number } | null = null;
	for (let i = 0; i < Math.min(rows.length, SEARCHED_ROWS); i++) {
		if (!hasLabel(rows[i]!)) continue;
		for (let h = 1; h <= MAX_HEIGHT && i + h <= rows.length; h++) {
			if (h > 1 && !hasLabel(rows[i + h - 1]!)) break;
			const { matched, score } = bandScore(bandLabels(rows, merges, i, h), h);
			if (matched >= 2 && (!best || score > best.score)) best = { index: i, height: h, score };
		}
	}
	return best ? regionAt(rows, merges, best.index, best.height) : null;
}
