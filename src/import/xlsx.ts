/**
 * Excel workbooks (.xlsx, Office Open XML) read and written with fflate's zip and a small XML reader:
 * cell values only (no formulas evaluated: the cached value is read; no styles, no dates, which the
 * contract does not need). Numbers stay numbers, so a count typed as 1,5 in Excel arrives as 1.5 and is
 * refused as a decimal, while text cells keep what was typed ("1.143").
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

export interface WorkbookSheet {
	name: string;
	rows: SheetRow[];
}

export type WorkbookResult =
	{ ok: true; sheets: WorkbookSheet[] } | { ok: false; reason: string; limit?: LimitId };

export interface XlsxLimits {
	/** Largest uncompressed part read, in bytes (a zip bomb stops here). */
	maxPartBytes: number;
	/** Most uncompressed bytes of all the parts read together (many parts just under the part limit). */
	maxTotalBytes: number;
	/** Rows with content, in each sheet. */
	maxRows: number;
	maxColumns: number;
	/** Cells of the rows with content, in all sheets together. */
	maxCells: number;
}

const DEFAULT_LIMITS: XlsxLimits = {
	maxPartBytes: 100_000_000,
	maxTotalBytes: 200_000_000,
	maxRows: 200_000,
	maxColumns: 256,
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
	if (!letters) return -1;
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

function wantedPart(name: string): boolean {
	return (
		name === 'xl/workbook.xml' ||
		name === 'xl/_rels/workbook.xml.rels' ||
		name === 'xl/sharedStrings.xml' ||
		/^xl\/worksheets\/[^/]+\.xml$/.test(name)
	);
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
				strings.push(current);
				current = null;
			} else if (e.name === 'rPh') phonetic = Math.max(0, phonetic - 1);
			else if (e.name === 't') inText = false;
		} else if (inText && phonetic === 0 && current !== null) {
			current += e.text;
		}
	}
	return strings;
}

/** The rows of a sheet with content; `budget.cells` is what is left of the cell limit for all sheets. */
function sheetRows(
	xml: string,
	strings: string[],
	limits: XlsxLimits,
	budget: { cells: number },
): SheetRow[] | LimitId {
	const rows: SheetRow[] = [];
	let row: SheetRow | null = null;
	let lastRow = 0;
	let cell: { col: number; type: string; value: string; inline: string } | null = null;
	let inValue = false;
	let inInline = false;
	for (const e of xmlEvents(xml)) {
		if (e.type === 'open') {
			if (e.name === 'row') {
				const n = Number(e.attrs.r);
				lastRow = Number.isInteger(n) && n > lastRow ? n : lastRow + 1;
				row = { number: lastRow, cells: [] };
			} else if (e.name === 'c' && row) {
				const col = e.attrs.r ? columnIndexOf(e.attrs.r) : row.cells.length;
				cell = {
					col: col < 0 ? row.cells.length : col,
					type: e.attrs.t ?? 'n',
					value: '',
					inline: '',
				};
			} else if (e.name === 'v' && cell) inValue = !e.selfClosing;
			else if (e.name === 't' && cell) inInline = !e.selfClosing;
		} else if (e.type === 'close') {
			if (e.name === 'v') inValue = false;
			else if (e.name === 't') inInline = false;
			else if (e.name === 'c' && row && cell) {
				if (cell.col >= limits.maxColumns) return 'columns';
				const value = cellValue(cell.type, cell.value, cell.inline, strings);
				while (row.cells.length < cell.col) row.cells.push(null);
				row.cells[cell.col] = value;
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
	return rows;
}

function cellValue(type: string, value: string, inline: string, strings: string[]): Cell {
	switch (type) {
		case 's': {
			const index = Number(value);
			return Number.isInteger(index) ? (strings[index] ?? null) : null;
		}
		case 'inlineStr':
			return inline === '' ? null : inline;
		case 'str':
		case 'e':
		case 'd':
			return value === '' ? null : value;
		case 'b':
			return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : null;
		default: {
			if (value.trim() === '') return null;
			const n = Number(value);
			return Number.isFinite(n) ? n : value;
		}
	}
}

/** The sheets of a workbook in their order, with their non-empty rows. Never throws. */
export function readXlsx(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_LIMITS): WorkbookResult {
	let parts: Record<string, Uint8Array>;
	try {
		// Sizes are the ones the zip declares; fflate inflates into a buffer of that size, so a part that
		// lies about its size cannot grow past it. Nothing is inflated once a limit is passed.
		let tooBig: LimitId | null = null;
		let total = 0;
		parts = unzipSync(bytes, {
			filter: (file) => {
				if (tooBig || !wantedPart(file.name)) return false;
				total += file.originalSize;
				if (file.originalSize > limits.maxPartBytes) tooBig = 'partBytes';
				else if (total > limits.maxTotalBytes) tooBig = 'unzippedBytes';
				return !tooBig;
			},
		});
		if (tooBig) return limitHit(tooBig);
	} catch (error) {
		return {
			ok: false,
			reason: `not a zip file (${error instanceof Error ? error.message : error})`,
		};
	}
	try {
		const text = (name: string) => {
			const part = ownValue(parts, name);
			// Read once: the text is all that is needed (and the bytes can go).
			delete parts[name];
			return part ? strFromU8(part) : undefined;
		};
		const workbook = text('xl/workbook.xml');
		if (!workbook) return { ok: false, reason: 'no xl/workbook.xml' };
		const targets = new Map<string, string>();
		for (const e of xmlEvents(text('xl/_rels/workbook.xml.rels') ?? '')) {
			if (e.type === 'open' && e.name === 'Relationship' && e.attrs.Id && e.attrs.Target) {
				const target = e.attrs.Target.replace(/^\/?xl\//, '').replace(/^\//, '');
				targets.set(e.attrs.Id, `xl/${target}`);
			}
		}
		const strings = sharedStrings(text('xl/sharedStrings.xml'));
		const sheets: WorkbookSheet[] = [];
		const budget = { cells: limits.maxCells };
		let index = 0;
		for (const e of xmlEvents(workbook)) {
			if (e.type !== 'open' || e.name !== 'sheet') continue;
			index++;
			const path = (e.attrs.id && targets.get(e.attrs.id)) || `xl/worksheets/sheet${index}.xml`;
			const xml = text(path);
			if (xml === undefined) continue;
			const rows = sheetRows(xml, strings, limits, budget);
			if (typeof rows === 'string') return limitHit(rows);
			sheets.push({ name: e.attrs.name ?? `Sheet${index}`, rows });
		}
		if (sheets.length === 0) return { ok: false, reason: 'no worksheet' };
		return { ok: true, sheets };
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
	const pane = sheet.header
		? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
		: '';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
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
				.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
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
