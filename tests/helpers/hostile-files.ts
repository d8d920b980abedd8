/**
 * Files made to exhaust a reader while staying under the size limit, generated small: the issue's
 * measurements (a 49 MB CSV of line ends, an XLSX whose parts inflate to 190 MB each, a Parquet declaring
 * millions of rows) are rebuilt here from their structure, with zip sizes declared rather than written.
 */
import { strToU8, zipSync } from 'fflate';
import { writeXlsx } from '../../src/import/xlsx-write.ts';

/**
 * A workbook whose zip declares each of its parts (but workbook.xml) to inflate to `declaredBytes`: the
 * central directory's "uncompressed size" fields are rewritten, the data stays tiny.
 */
export function xlsxDeclaring(sheets: number, declaredBytes: number): Uint8Array {
	const book = writeXlsx(
		Array.from({ length: sheets }, (_, i) => ({
			name: `Trang ${i + 1}`,
			rows: [['Mã đơn vị'], ['276']],
		})),
	);
	const bytes = new Uint8Array(book);
	const view = new DataView(bytes.buffer);
	const decoder = new TextDecoder();
	for (let i = 0; i + 46 <= bytes.length; i++) {
		if (view.getUint32(i, true) !== 0x02014b50) continue;
		const nameLength = view.getUint16(i + 28, true);
		const name = decoder.decode(bytes.subarray(i + 46, i + 46 + nameLength));
		if (name.startsWith('xl/worksheets/')) view.setUint32(i + 24, declaredBytes, true);
	}
	return bytes;
}

/** A plain zip of the given text parts, for workbooks with hand-written XML. */
export function zipParts(parts: Record<string, string>): Uint8Array {
	return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}
