/**
 * Excel workbooks (.xlsx, Office Open XML) read and written with fflate's zip and a small XML reader:
 * cell values only (no formulas evaluated: the cached value is read; styles only to tell dates, which
 * come out as "dd/mm/yyyy" text, see xlsx-dates.ts). Numbers stay numbers, so a count typed as 1,5 in
 * Excel arrives as 1.5 and is refused as a decimal, while text cells keep what was typed ("1.143").
 *
 * Why not a library: read-excel-file is not on the registry mirror, exceljs weighs about 1 MB and needs
 * Node's stream polyfills in the browser, and SheetJS on npm is an old release.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ownValue } from '../model/own.ts';
import { columnLetter } from './columns.ts';
import type { LimitId } from './limits.ts';
import type { Cell, SheetRow } from './types.ts';
import { escapeXml, xmlEvents } from './xml.ts';
import {
	contentTypes,
	foldPartName,
	isPackageMap,
	partIndex,
	relationships,
	relsPathOf,
	sharedStringsPath,
	stylesPath,
	workbookPath,
} from './xlsx-parts.ts';
import { isoToText, serialToText, styleKinds, type DateKind } from './xlsx-dates.ts';
import { cellTextOf } from './xlsx-text.ts';

export interface WorkbookSheet {
	name: string;
	rows: SheetRow[];
	/** Hidden or very hidden in Excel: not offered unless the user asks for it. */
	hidden?: boolean;
	/** Merged cell ranges (`<mergeCells>`), 0-based columns and 1-based rows as in the file. */
	merges?: CellRange[];
	/** Cells with a value beyond the column limit, not read; the first one's reference. */
	dropped?: { cells: number; first: string };
}

/** A rectangle of cells: 0-based columns, row numbers as in the file. */
export interface CellRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export type WorkbookResult =
	| { ok: true; sheets: WorkbookSheet[]; date1904?: boolean }
	| { ok: false; reason: string; limit?: LimitId };

export interface XlsxLimits {
	/** Largest uncompressed part read, in bytes (a zip bomb stops here). */
	maxPartBytes: number;
	/** Most uncompressed bytes of all the parts read together (many parts just under the part limit). */
	maxTotalBytes: number;
	/** Rows with content, in each sheet. */
	maxRows: number;
	/** Columns read; a value beyond is counted in `dropped`, not read (the file is not refused). */
	maxColumns: number;
	/** Cells of the rows with content, in all sheets together. */
	maxCells: number;
}

/** Excel's own limit is 16,384 columns; no council table comes near 1,024. */
const DEFAULT_LIMITS: XlsxLimits = {
	maxPartBytes: 100_000_000,
	maxTotalBytes: 200_000_000,
	maxRows: 200_000,
	maxColumns: 1024,
	maxCells: 3_000_000,
};

const REASONS: Record<LimitId, string> = {
	rows: 'too many rows',
	lines: 'too many rows',
	columns: 'too many columns',
	cells: 'too many cells',
	partBytes: 'a part of the workbook is too large',
	unzippedBytes: 'the workbook is too large once inflated',
};

const limitHit = (limit: LimitId): WorkbookResult => ({ ok: false, reason: REASONS[limit], limit });

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

function sharedStrings(xml: string | undefined): string[] {
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
interface DateStyles {
	kinds: Map<number, DateKind>;
	date1904: boolean;
}

/** The rows of a sheet with content; `budget.cells` is what is left of the cell limit for all sheets. */
function sheetRows(
	xml: string,
	strings: string[],
	limits: XlsxLimits,
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

type Parts = Record<string, Uint8Array>;

/**
 * Unzip the entries `wanted` accepts, or the limit one of them passes. Sizes are the ones the zip
 * declares; fflate inflates into a buffer of that size, so a part that lies about its size cannot grow
 * past it. Nothing more is inflated once a limit is passed; `budget.bytes` is what is left of the total.
 */
function unzipParts(
	bytes: Uint8Array,
	wanted: (name: string) => boolean,
	limits: XlsxLimits,
	budget: { bytes: number },
	names?: string[],
): Parts | LimitId {
	let tooBig: LimitId | null = null;
	const parts = unzipSync(bytes, {
		filter: (file) => {
			names?.push(file.name);
			if (tooBig || !wanted(file.name)) return false;
			budget.bytes -= file.originalSize;
			if (file.originalSize > limits.maxPartBytes) tooBig = 'partBytes';
			else if (budget.bytes < 0) tooBig = 'unzippedBytes';
			return !tooBig;
		},
	});
	return tooBig ?? parts;
}

/** The sheets of a workbook in their order, with their non-empty rows. Never throws. */
export function readXlsx(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_LIMITS): WorkbookResult {
	let maps: Parts | LimitId;
	const names: string[] = [];
	// All the parts read, the package's maps and then the workbook's own, share one inflated-size limit.
	const budget = { bytes: limits.maxTotalBytes };
	try {
		maps = unzipParts(bytes, isPackageMap, limits, budget, names);
	} catch (error) {
		return {
			ok: false,
			reason: `not a zip file (${error instanceof Error ? error.message : error})`,
		};
	}
	if (typeof maps === 'string') return limitHit(maps);
	try {
		const index = partIndex(names);
		const mapText = (path: string) => {
			const name = index.get(foldPartName(path));
			const part = name === undefined ? undefined : ownValue(maps, name);
			return part ? strFromU8(part) : undefined;
		};
		const types = contentTypes(mapText('[Content_Types].xml'));
		const workbookPart = workbookPath(mapText('_rels/.rels'), types);
		const rels = relationships(workbookPart, mapText(relsPathOf(workbookPart)));
		const byId = new Map(rels.map((r) => [r.id, r.target]));
		const stringsPart = sharedStringsPath(workbookPart, rels, types);
		const stylesPart = stylesPath(workbookPart, rels, types);
		// Every part the workbook points at, and the usual sheet names for workbooks without relationships.
		const wanted = new Set(
			[workbookPart, stringsPart, stylesPart, ...rels.map((r) => r.target)].map(foldPartName),
		);
		const worksheetFolder = `${workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1)}worksheets/`;
		const parts = unzipParts(
			bytes,
			(name) =>
				wanted.has(foldPartName(name)) ||
				foldPartName(name).startsWith(foldPartName(worksheetFolder)),
			limits,
			budget,
		);
		if (typeof parts === 'string') return limitHit(parts);
		const text = (path: string) => {
			const name = index.get(foldPartName(path));
			const part = name === undefined ? undefined : ownValue(parts, name);
			// Read once: the text is all that is needed (and the bytes can go).
			if (name !== undefined) delete parts[name];
			return part ? strFromU8(part) : undefined;
		};
		const workbook = text(workbookPart);
		if (!workbook) return { ok: false, reason: `no ${workbookPart}` };
		const strings = sharedStrings(text(stringsPart));
		const dates: DateStyles = { kinds: styleKinds(text(stylesPart)), date1904: false };
		const sheets: WorkbookSheet[] = [];
		const cells = { cells: limits.maxCells };
		let date1904 = false;
		let position = 0;
		for (const e of xmlEvents(workbook)) {
			if (e.type !== 'open') continue;
			if (e.name === 'workbookPr') {
				date1904 = e.attrs.date1904 === '1' || e.attrs.date1904?.toLowerCase() === 'true';
				dates.date1904 = date1904;
			}
			if (e.name !== 'sheet') continue;
			position++;
			const path = (e.attrs.id && byId.get(e.attrs.id)) || `${worksheetFolder}sheet${position}.xml`;
			const xml = text(path);
			if (xml === undefined) continue;
			const parsed = sheetRows(xml, strings, limits, dates, cells);
			if (typeof parsed === 'string') return limitHit(parsed);
			const sheet: WorkbookSheet = { name: e.attrs.name ?? `Sheet${position}`, rows: parsed.rows };
			if (e.attrs.state === 'hidden' || e.attrs.state === 'veryHidden') sheet.hidden = true;
			if (parsed.merges.length > 0) sheet.merges = parsed.merges;
			if (parsed.dropped) sheet.dropped = parsed.dropped;
			sheets.push(sheet);
		}
		if (sheets.length === 0) return { ok: false, reason: 'no worksheet' };
		return date1904 ? { ok: true, sheets, date1904 } : { ok: true, sheets };
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}

/** A sheet to write: rows of plain values; the first row is a bold header, `textColumns` are text. */
export interface SheetToWrite {
	name: string;
	rows: readonly (readonly (string | number | null)[])[];
	/** Column widths in characters. */
	widths?: readonly number[];
	/** 0-based columns formatted as text, so that Excel keeps the leading zeros typed there. */
	textColumns?: readonly number[];
	/** Freeze the first row. */
	header?: boolean;
	/** Merged ranges ("A5:A6"), as a report's title block and two-row header have. */
	merges?: readonly string[];
	/** Hidden in Excel. */
	hidden?: boolean;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(sheet: SheetToWrite): string {
	const text = new Set(sheet.textColumns ?? []);
	const cols = (sheet.widths ?? [])
		.map(
			(w, i) =>
				`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${text.has(i) ? ' style="2"' : ''}/>`,
		)
		.join('');
	const rows = sheet.rows
		.map((row, r) => {
			const cells = row
				.map((value, c) => {
					if (value === null || value === '') return '';
					const ref = `${columnLetter(c)}${r + 1}`;
					const style = r === 0 && sheet.header ? ' s="1"' : text.has(c) ? ' s="2"' : '';
					if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
					return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
				})
				.join('');
			return `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	const merges = sheet.merges?.length
		? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
		: '';
	const pane = sheet.header
		? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
		: '';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

/** A workbook of the given sheets as .xlsx bytes. Deterministic: no clock, fixed zip dates. */
export function writeXlsx(sheets: readonly SheetToWrite[]): Uint8Array {
	const mtime = new Date(2026, 0, 1);
	const file = (content: string): [Uint8Array, { mtime: Date }] => [strToU8(content), { mtime }];
	const files: Record<string, [Uint8Array, { mtime: Date }]> = {
		'[Content_Types].xml': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
				)
				.join('')}</Types>`,
		),
		'_rels/.rels': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		),
		'xl/workbook.xml': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
				.map(
					(s, i) =>
						`<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
				)
				.join('')}</sheets></workbook>`,
		),
		'xl/_rels/workbook.xml.rels': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
				)
				.join(
					'',
				)}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		),
		'xl/styles.xml': file(STYLES),
	};
	sheets.forEach((s, i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = file(sheetXml(s));
	});
	return zipSync(files, { level: 6 });
}
