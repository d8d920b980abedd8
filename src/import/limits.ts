/**
 * The limits every reader keeps while it reads, so that no file under the size limit can exhaust the
 * page's memory: rows, lines, columns and cells are counted as they come (a reader stops at the first one
 * passed), and a workbook's parts are measured before they are inflated. Each limit has its own message,
 * so the user learns which one the file passed.
 */
import type { Bilingual } from '../model/metrics.ts';

export const LIMITS = {
	/** Size of the file as dropped, in bytes. */
	fileBytes: 50_000_000,
	/** Rows with content below the header (blank rows do not count). */
	rows: 100_000,
	/** Rows of a text file including blank ones: a file of nothing but line ends stops here, fast. */
	lines: 500_000,
	columns: 256,
	/** Cells of the rows with content (rows × their width). */
	cells: 3_000_000,
	/** All the parts of a workbook that are read, inflated, in bytes. */
	unzippedBytes: 200_000_000,
	/** One part of a workbook, inflated, in bytes. */
	partBytes: 100_000_000,
} as const;

/** Rows with content a reader keeps above the data limit: the header and title lines above it. */
export const HEADER_ALLOWANCE = 50;

export type LimitId = 'rows' | 'lines' | 'columns' | 'cells' | 'unzippedBytes' | 'partBytes';

const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-GB');
const mb = (bytes: number) => bytes / 1_000_000;

/** Why a file passing `limit` is refused, naming the limit, and what to do. */
export function limitMessage(limit: LimitId): Bilingual {
	switch (limit) {
		case 'rows':
			return {
				vi: `Tệp có hơn ${vi(LIMITS.rows)} dòng số liệu (giới hạn số dòng): chia nhỏ tệp rồi nhập từng phần.`,
				en: `The file has more than ${en(LIMITS.rows)} rows of figures (the row limit): split it and import the parts.`,
			};
		case 'lines':
			return {
				vi: `Tệp có hơn ${vi(LIMITS.lines)} dòng kể cả dòng trống (giới hạn số dòng của tệp văn bản): xóa các dòng trống hoặc chia nhỏ tệp.`,
				en: `The file has more than ${en(LIMITS.lines)} lines counting blank ones (the line limit of a text file): remove the blank lines or split the file.`,
			};
		case 'columns':
			return {
				vi: `Tệp có hơn ${vi(LIMITS.columns)} cột (giới hạn số cột): mẫu nhập chỉ cần các cột của mẫu.`,
				en: `The file has more than ${en(LIMITS.columns)} columns (the column limit): the template needs only its own columns.`,
			};
		case 'cells':
			return {
				vi: `Tệp có hơn ${vi(LIMITS.cells)} ô số liệu (giới hạn số ô): bỏ các cột không thuộc mẫu hoặc chia nhỏ tệp.`,
				en: `The file has more than ${en(LIMITS.cells)} cells (the cell limit): remove the columns not in the template or split the file.`,
			};
		case 'unzippedBytes':
			return {
				vi: `Tệp .xlsx khi giải nén lớn hơn ${vi(mb(LIMITS.unzippedBytes))} MB (giới hạn dung lượng giải nén): lưu các trang số liệu thành tệp riêng hoặc CSV.`,
				en: `The .xlsx file inflates to more than ${en(mb(LIMITS.unzippedBytes))} MB (the inflated size limit): save the data sheets as a separate file or as CSV.`,
			};
		case 'partBytes':
			return {
				vi: `Một phần của tệp .xlsx khi giải nén lớn hơn ${vi(mb(LIMITS.partBytes))} MB (giới hạn dung lượng một trang): chia nhỏ trang tính.`,
				en: `One part of the .xlsx file inflates to more than ${en(mb(LIMITS.partBytes))} MB (the size limit of one sheet): split the sheet.`,
			};
	}
}

/** Thrown inside a reader's loop to stop at a limit; caught by the reader, never escapes it. */
export class LimitReached extends Error {
	constructor(readonly limit: LimitId) {
		super(`limit: ${limit}`);
	}
}
