/**
 * Excel workbooks (.xlsx, Office Open XML) read with fflate's zip and a small XML reader (written by
 * xlsx-write.ts; one sheet's XML is read by xlsx-sheet.ts):
 * cell values only (no formulas evaluated: the cached value is read; styles only to tell dates, which
 * come out as "dd/mm/yyyy" text, see xlsx-dates.ts). Numbers stay numbers, so a count typed as 1,5 in
 * Excel arrives as 1.5 and is refused as a decimal, while text cells keep what was typed ("1.143").
 *
 * Why not a library: read-excel-file is not on the registry mirror, exceljs weighs about 1 MB and needs
 * Node's stream polyfills in the browser, and SheetJS on npm is an old release.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ownValue } from '../model/own.ts';
import type { LimitId } from './limits.ts';
import type { SheetRow } from './types.ts';
import { xmlEvents } from './xml.ts';
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
import { styleKinds } from './xlsx-dates.ts';
import {
	sharedStrings,
	sheetRows,
	type CellRange,
	type DateStyles,
	type SheetLimits,
} from './xlsx-sheet.ts';

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

export type WorkbookResult =
	| { ok: true; sheets: WorkbookSheet[]; date1904?: boolean }
	| { ok: false; reason: string; limit?: LimitId };

export interface XlsxLimits extends SheetLimits {
	/** Largest uncompressed part read, in bytes (a zip bomb stops here). */
	maxPartBytes: number;
	/** Most uncompressed bytes of all the parts read together (many parts just under the part limit). */
	maxTotalBytes: number;
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
