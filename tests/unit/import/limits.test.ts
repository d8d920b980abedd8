/**
 * Files under the size limit that used to exhaust memory or time (issue 16): each is refused early, by
 * the limit it passes, with that limit named in both languages.
 */
import { describe, expect, test, vi } from 'vitest';
import { autoMapping } from '../../../src/import/columns.ts';
import { readCsvRows } from '../../../src/import/csv.ts';
import { LIMITS } from '../../../src/import/limits.ts';
import { parquetShape } from '../../../src/import/parquet-footer.ts';
import { readImportFile } from '../../../src/import/read.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { validateRows } from '../../../src/import/validate.ts';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { xmlEvents } from '../../../src/import/xml.ts';
import { xlsxDeclaring, zipParts } from '../../helpers/hostile-files.ts';
import { UNITS, parquetBytes } from '../../helpers/import-fixtures.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

const options = { decodeParquet: decodeParquetNode };
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, decodeParquet = decodeParquetNode) {
	const result = await readImportFile(bytes, { decodeParquet });
	if (result.ok) throw new Error('the file was read');
	return result.error;
}

describe('CSV: rows, lines, columns and cells counted as the text is read', () => {
	const small = { rows: 3, lines: 20, columns: 4, cells: 100 };

	test('blank rows do not count towards the row limit, but do towards the line limit', () => {
		const text = `a,b\n1,2\n${'\n'.repeat(10)},\n3,4\n`;
		const read = readCsvRows(text, ',', small);
		expect(read.ok && read.rows.map((r) => r.number)).toEqual([
			1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
		]);
		expect(readCsvRows(`${text}5,6\n`, ',', small)).toEqual({ ok: false, limit: 'rows' });
		expect(readCsvRows(`a\n${'\n'.repeat(25)}`, ',', small)).toEqual({ ok: false, limit: 'lines' });
	});

	test('a line wider than the column limit, or too many cells, stops the reading', () => {
		expect(readCsvRows('a,b,c,d,e\n', ',', small)).toEqual({ ok: false, limit: 'columns' });
		// Commas inside quotes are not separators.
		expect(readCsvRows('"a,b,c,d,e",f\n', ',', small).ok).toBe(true);
		expect(readCsvRows('a,b,c,d\n'.repeat(3), ',', { ...small, cells: 10 })).toEqual({
			ok: false,
			limit: 'cells',
		});
	});

	test('a 49 MB file of blank lines is refused at the line limit, without parsing it all', async () => {
		const bytes = new Uint8Array(49_000_000).fill(0x0a);
		const error = await refusal(bytes);
		expect(error.code).toBe('too_many_lines');
		expect(error.message.vi).toContain('500.000 dòng kể cả dòng trống');
		expect(error.message.en).toContain('500,000 lines counting blank ones');
	});

	test('100,000 rows of figures with blank lines between them are read', async () => {
		const rows = Array.from({ length: LIMITS.rows }, (_, i) => `276,${2000 + (i % 25)}\n\n`);
		const result = await readImportFile(utf8(`Mã đơn vị,Năm\n${rows.join('')}`), options);
		if (!result.ok) throw new Error(result.error.message.en);
		expect(result.ok && result.sheet.rows.filter((r) => r.cells[0] !== null)).toHaveLength(
			LIMITS.rows,
		);
		const error = await refusal(utf8(`Mã đơn vị,Năm\n${rows.join('')}276,2024\n`));
		expect(error.code).toBe('too_many_rows');
		expect(error.message.vi).toContain('100.000 dòng số liệu');
	});

	test('one line of five million commas is refused at the column limit', async () => {
		const error = await refusal(utf8(`a${','.repeat(5_000_000)}`));
		expect(error.code).toBe('too_many_columns');
		expect(error.message.vi).toContain('256 cột');
	});
});

describe('XLSX: the inflated size of all parts together is capped', () => {
	test('twenty sheets declaring 90 MB each are refused before any is inflated', async () => {
		// Each under the part limit (100 MB), together 1.8 GB: the issue's workbook froze the page at 4 GB.
		const bytes = xlsxDeclaring(20, 90_000_000);
		expect(bytes.length).toBeLessThan(20_000);
		const error = await refusal(bytes);
		expect(error.code).toBe('too_large_unzipped');
		expect(error.message.vi).toContain('200 MB');
		expect(error.message.en).toContain('200 MB');
	});

	test('one sheet over the part limit names that limit', async () => {
		const error = await refusal(xlsxDeclaring(1, 150_000_000));
		expect(error.code).toBe('part_too_large');
		expect(error.message.vi).toContain('100 MB');
	});

	test('parts under the part limit pass until their total passes the total limit', () => {
		const limits = { maxPartBytes: 2e6, maxRows: 10, maxColumns: 5, maxCells: 100 };
		const book = xlsxDeclaring(3, 400_000);
		const under = readXlsx(book, { ...limits, maxTotalBytes: 2e6 });
		expect(under.ok || under.limit).not.toBe('unzippedBytes');
		expect(readXlsx(book, { ...limits, maxTotalBytes: 1e6 })).toEqual({
			ok: false,
			reason: 'the workbook is too large once inflated',
			limit: 'unzippedBytes',
		});
	});
});

describe('Parquet: the row count is read from the footer before decoding', () => {
	test('the footer gives rows and columns; a damaged footer gives null, never an exception', () => {
		const bytes = parquetBytes({
			unit_code: { type: 'utf8', values: ['276', '006', '24'] },
			year: { type: 'int32', values: [2023, 2023, 2024] },
		});
		expect(parquetShape(bytes)).toEqual({ rows: 3, columns: 2 });
		for (let cut = 1; cut < 60; cut++) {
			const damaged = bytes.slice();
			// Overwrite a byte of the footer (just before its length and magic) with every kind of junk.
			damaged[bytes.length - 8 - cut] = (cut * 37) & 0xff;
			expect(() => parquetShape(damaged)).not.toThrow();
		}
		expect(parquetShape(new Uint8Array([0x50, 0x41, 0x52, 0x31]))).toBeNull();
	});

	test('a footer declaring a map of billions of booleans is refused at once (found by fuzzing)', () => {
		// Field 3 as a map (0x3b) of 2^32 − 1 entries whose keys and values are booleans (0x12): each
		// takes a byte, so the nine bytes of this footer cannot hold them.
		const footer = [0x3b, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x12, 0x00, 0x00];
		const bytes = new Uint8Array([
			0x50,
			0x41,
			0x52,
			0x31,
			...footer,
			9,
			0,
			0,
			0,
			0x50,
			0x41,
			0x52,
			0x31,
		]);
		const start = performance.now();
		expect(parquetShape(bytes)).toBeNull();
		expect(performance.now() - start).toBeLessThan(2_000);
	});

	test('a file declaring more rows than the limit is refused without being decoded', async () => {
		const bytes = parquetBytes({
			supervisions: { type: 'int32', values: new Array<number>(LIMITS.rows + 1).fill(1) },
		});
		const decode = vi.fn(decodeParquetNode);
		const error = await refusal(bytes, decode);
		expect(error.code).toBe('too_many_rows');
		expect(decode).not.toHaveBeenCalled();
	});
});

describe('the XML reader is linear on unclosed constructs', () => {
	test.each([
		['unclosed CDATA sections', '<![CDATA['.repeat(100_000)],
		['unclosed comments', '<!--'.repeat(100_000)],
		['unclosed quoted attributes', '<c r="'.repeat(100_000)],
		['one unclosed CDATA before many tags', `<si><t><![CDATA[${'<t>a</t>'.repeat(100_000)}`],
	])('%s', (_, xml) => {
		const start = performance.now();
		const events = [...xmlEvents(xml)].length;
		// Quadratic reading took minutes on these; linear takes milliseconds. The bound is generous.
		expect(performance.now() - start).toBeLessThan(5_000);
		expect(events).toBeLessThan(10);
	});

	test('a workbook whose shared strings leave a CDATA open is read or refused, quickly', () => {
		const book = zipParts({
			'xl/workbook.xml': '<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>',
			'xl/sharedStrings.xml': `<sst><si><t><![CDATA[${'<si><t>x</t></si>'.repeat(50_000)}`,
			'xl/worksheets/sheet1.xml':
				'<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData></worksheet>',
		});
		const start = performance.now();
		const result = readXlsx(book);
		expect(performance.now() - start).toBeLessThan(5_000);
		expect(result.ok).toBe(true);
	});
});

describe('checking many rows that share one problem', () => {
	const units = new UnitCatalog(UNITS);
	const headers = ['Mã đơn vị', 'Danh mục', 'Năm', 'Kỳ họp thường lệ'];
	const check = (rows: (string | number)[][]) =>
		validateRows({
			sheet: { headerRow: 1, headers, rows: rows.map((cells, i) => ({ number: i + 2, cells })) },
			mapping: autoMapping(headers),
			units,
		});

	test('8,000 identical rows: each duplicate lists five others and counts the rest', () => {
		const result = check(Array.from({ length: 8_000 }, () => ['276', '2023', 2023, 2]));
		expect(result.rejectedRows).toHaveLength(8_000);
		const first = result.issues.find((i) => i.row === 2)!;
		expect(first.message.vi).toBe(
			'Trùng đơn vị, kỳ báo cáo và phạm vi với dòng 3, 4, 5, 6, 7 và 7.994 dòng khác: không biết dòng nào đúng. Giữ một dòng rồi nhập lại.',
		);
		expect(first.message.en).toContain('as row 3, 4, 5, 6, 7 and 7,994 other rows:');
		const characters = result.issues.reduce(
			(n, i) => n + i.message.vi.length + i.message.en.length,
			0,
		);
		expect(characters).toBeLessThan(8_000 * 400);
	});

	test('the same wrong code on every row is looked up once', () => {
		const rows = Array.from({ length: 2_000 }, (_, i) => ['99999', '2023', 2000 + (i % 20), 2]);
		const result = check(rows);
		const messages = new Set(
			result.issues.filter((i) => i.code === 'unknown_unit').map((i) => i.message.vi),
		);
		expect(result.rejectedRows).toHaveLength(2_000);
		expect(messages.size).toBe(1);
	});
});
