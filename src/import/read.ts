/**
 * A dropped file → one table of header and rows, whatever its kind: CSV (encoding and separator found
 * from the bytes), XLSX (the table found under each sheet's title block, see assemble.ts) or Parquet.
 * The kind is read from the bytes, not trusted from the name. Never throws: a file that cannot be read gives an error
 * with a message for the user, and nothing of it is used.
 */
import type { Bilingual } from '../model/metrics.ts';
import { assembleTable, initialChoice } from './assemble.ts';
import { readCsvRows, sniffDelimiter } from './csv.ts';
import { DECODE_MESSAGES, decodeText } from './encoding.ts';
import { convertLegacyCells } from './legacy-detect.ts';
import { HEADER_ALLOWANCE, LIMITS, limitMessage, type LimitId } from './limits.ts';
import { readParquet, type ParquetDecoder } from './parquet.ts';
import type { ReadSource } from './source.ts';
import type { Cell, ReadError, ReadResult } from './types.ts';
import { readXlsx } from './xlsx.ts';

/** Largest file read, in bytes. */
export const MAX_FILE_BYTES = LIMITS.fileBytes;
/** Most data rows read from one file. */
export const MAX_ROWS = LIMITS.rows;
/**
 * Columns read from a workbook's sheet: far beyond any council table, well within Excel's 16,384. A
 * value beyond them is left out with a notice (a stray cell far right), not a refusal; the cell limit
 * still bounds what is held.
 */
export const MAX_COLUMNS = 1024;

/** The error code of each limit a reader may stop at. */
const LIMIT_CODES: Record<LimitId, ReadError['code']> = {
	rows: 'too_many_rows',
	lines: 'too_many_lines',
	columns: 'too_many_columns',
	cells: 'too_many_cells',
	unzippedBytes: 'too_large_unzipped',
	partBytes: 'part_too_large',
};

const limitFail = (limit: LimitId): ReadResult => fail(LIMIT_CODES[limit], limitMessage(limit));

/** What the streaming readers may hold: the data rows plus the header and title lines above them. */
const READ_LIMITS = {
	rows: LIMITS.rows + HEADER_ALLOWANCE,
	lines: LIMITS.lines,
	columns: LIMITS.columns,
	cells: LIMITS.cells,
};

export interface ReadOptions {
	/** Parquet bytes → Arrow IPC stream (the data layer's parquet-wasm). */
	decodeParquet: ParquetDecoder;
}

const fail = (code: ReadError['code'], message: Bilingual): ReadResult => ({
	ok: false,
	error: { code, message },
});

const MESSAGES = {
	empty: { vi: 'Tệp rỗng: không có dòng nào.', en: 'The file is empty: it has no rows.' },
	tooLarge: {
		vi: 'Tệp lớn hơn 50 MB: chia nhỏ tệp rồi nhập từng phần.',
		en: 'The file is larger than 50 MB: split it and import the parts.',
	},
	xls: {
		vi: 'Tệp Excel 97–2003 (.xls) không đọc được: mở bằng Excel và lưu lại dạng .xlsx hoặc CSV UTF-8.',
		en: 'Excel 97–2003 files (.xls) cannot be read: open it in Excel and save it as .xlsx or CSV UTF-8.',
	},
	xlsx: (reason: string): Bilingual => ({
		vi: `Tệp .xlsx bị hỏng hoặc không phải tệp Excel (${reason}). Mở và lưu lại bằng Excel rồi thử lại.`,
		en: `The .xlsx file is damaged or not an Excel file (${reason}). Open and save it again in Excel, then retry.`,
	}),
	parquet: (reason: string): Bilingual => ({
		vi: `Tệp Parquet không đọc được (${reason}).`,
		en: `The Parquet file cannot be read (${reason}).`,
	}),
	droppedCells: (cells: number, first: string): Bilingual => ({
		vi: `Không đọc ${cells.toLocaleString('vi-VN')} ô có giá trị nằm ngoài ${MAX_COLUMNS.toLocaleString('vi-VN')} cột đầu (ô đầu tiên: ${first}).`,
		en: `${cells.toLocaleString('en-GB')} cell(s) with values beyond the first ${MAX_COLUMNS.toLocaleString('en-GB')} columns were not read (the first: ${first}).`,
	}),
	legacyFile: (label: string): Bilingual => ({
		vi: `Tệp viết bằng bảng mã cũ ${label}: đã chuyển sang Unicode. Kiểm tra lại tên đơn vị và tiêu đề cột.`,
		en: `The file is written in the old ${label} encoding: converted to Unicode. Check the unit names and column headers.`,
	}),
	legacyCells: (cells: number, label: string): Bilingual => ({
		vi: `${cells.toLocaleString('vi-VN')} ô viết bằng bảng mã cũ ${label} (phông .VnTime, VNI-Times…): đã chuyển sang Unicode.`,
		en: `${cells.toLocaleString('en-GB')} cell(s) written in the old ${label} encoding (.VnTime, VNI-Times… fonts): converted to Unicode.`,
	}),
	noHeader: {
		vi: 'Không tìm thấy dòng tiêu đề: dòng đầu tiên có nội dung phải là tên các cột.',
		en: 'No header row found: the first row with content must name the columns.',
	},
};

/**
 * The message of each way a file can fail to be read (with "…" for the reader's own reason where the
 * message quotes one): what the test that walks every code checks.
 */
export function readErrorMessage(code: ReadError['code']): Bilingual {
	switch (code) {
		case 'empty':
			return MESSAGES.empty;
		case 'too_large':
			return MESSAGES.tooLarge;
		case 'encoding':
		case 'binary':
			return DECODE_MESSAGES[code];
		case 'xls':
			return MESSAGES.xls;
		case 'xlsx':
			return MESSAGES.xlsx('…');
		case 'parquet':
			return MESSAGES.parquet('…');
		case 'no_header':
			return MESSAGES.noHeader;
		case 'unreadable':
			return unreadable('…').error.message;
	}
	const limit = (Object.keys(LIMIT_CODES) as LimitId[]).find((l) => LIMIT_CODES[l] === code)!;
	return limitMessage(limit);
}

const isEmpty = (cells: readonly Cell[]) =>
	cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The table of the sheets read by default, or why there is none. */
function tableOf(source: ReadSource): ReadResult {
	const nonEmpty = source.sheets.some((s) => s.rows.some((r) => !isEmpty(r.cells)));
	if (!nonEmpty) return fail('empty', MESSAGES.empty);
	const { sheet } = assembleTable(source, initialChoice(source));
	// Blank rows do not count towards the limit.
	if (sheet.rows.filter((r) => !isEmpty(r.cells)).length > MAX_ROWS) return limitFail('rows');
	if (sheet.headers.every((h) => h === '')) return fail('no_header', MESSAGES.noHeader);
	return { ok: true, sheet, source };
}

type Kind = 'xlsx' | 'xls' | 'parquet' | 'text';

function kindOf(bytes: Uint8Array): Kind {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'xlsx';
	if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
	if (starts(0x50, 0x41, 0x52, 0x31)) return 'parquet';
	return 'text';
}

/** Read a file's bytes into a sheet, or say in plain words why not. Never throws. */
export async function readImportFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
	try {
		if (bytes.length === 0) return fail('empty', MESSAGES.empty);
		if (bytes.length > MAX_FILE_BYTES) return fail('too_large', MESSAGES.tooLarge);
		const kind = kindOf(bytes);
		if (kind === 'xls') return fail('xls', MESSAGES.xls);
		if (kind === 'xlsx') {
			const book = readXlsx(bytes, {
				maxPartBytes: LIMITS.partBytes,
				maxTotalBytes: LIMITS.unzippedBytes,
				maxRows: READ_LIMITS.rows,
				maxColumns: MAX_COLUMNS,
				maxCells: READ_LIMITS.cells,
			});
			if (!book.ok) {
				return book.limit ? limitFail(book.limit) : fail('xlsx', MESSAGES.xlsx(book.reason));
			}
			// Cells typed with legacy fonts (.VnTime, VNI-Times) arrive as Windows-1252 symbols.
			const legacy = convertLegacyCells(book.sheets);
			return tableOf({
				format: 'xlsx',
				...(legacy && { notices: [MESSAGES.legacyCells(legacy.cells, legacy.label)] }),
				sheets: book.sheets.map((sheet) => ({
					name: sheet.name,
					rows: sheet.rows,
					...(sheet.merges && { merges: sheet.merges }),
					...(sheet.hidden && { hidden: true }),
					...(sheet.dropped && {
						notices: [MESSAGES.droppedCells(sheet.dropped.cells, sheet.dropped.first)],
					}),
				})),
			});
		}
		if (kind === 'parquet') {
			const grid = await readParquet(bytes, options.decodeParquet, {
				rows: MAX_ROWS,
				columns: READ_LIMITS.columns,
				cells: READ_LIMITS.cells,
			});
			if (!grid.ok) {
				return grid.limit ? limitFail(grid.limit) : fail('parquet', MESSAGES.parquet(grid.reason));
			}
			return tableOf({
				format: 'parquet',
				fixedHeader: true,
				sheets: [{ name: 'parquet', rows: [{ number: 1, cells: grid.headers }, ...grid.rows] }],
			});
		}
		const decoded = decodeText(bytes);
		if (!decoded.ok) {
			return fail(decoded.reason, decoded.message);
		}
		const delimiter = sniffDelimiter(decoded.text);
		const csv = readCsvRows(decoded.text, delimiter, READ_LIMITS);
		if (!csv.ok) return limitFail(csv.limit);
		return tableOf({
			format: 'csv',
			encoding: decoded.encoding,
			delimiter,
			...(decoded.legacy && { notices: [MESSAGES.legacyFile(decoded.encoding)] }),
			sheets: [{ name: 'csv', rows: csv.rows }],
		});
	} catch (error) {
		// A reader bug must not take the page down: the file is refused with the reason.
		return unreadable(error);
	}
}

/** A file refused because reading or checking it failed unexpectedly, with the reason in both languages. */
export function unreadable(error: unknown): { ok: false; error: ReadError } {
	const reason = error instanceof Error ? error.message : String(error);
	return {
		ok: false,
		error: {
			code: 'unreadable',
			message: {
				vi: `Không đọc được tệp (${reason}).`,
				en: `The file could not be read (${reason}).`,
			},
		},
	};
}
