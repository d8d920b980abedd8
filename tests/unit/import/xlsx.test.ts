import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import { columnIndexOf } from '../../../src/import/xlsx-sheet.ts';

/** A workbook written the way Excel writes one: shared strings (one with rich-text runs and a phonetic
 * run), a namespace prefix, a cell reference that skips columns, a row without its number, entities. */
function excelLikeWorkbook(): Uint8Array {
	const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	return zipSync({
		'[Content_Types].xml': strToU8('<Types/>'),
		'xl/workbook.xml': strToU8(
			`<x:workbook xmlns:x="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Báo cáo" sheetId="7" r:id="rId3"/></x:sheets></x:workbook>`,
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			'<Relationships><Relationship Id="rId3" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
		),
		'xl/sharedStrings.xml': strToU8(
			`<sst xmlns="${ns}"><si><t>Mã đơn vị</t></si><si><r><t>Kỳ họp </t></r><r><rPr><b/></rPr><t xml:space="preserve">thường lệ</t></r><rPh><t>PHONETIC</t></rPh></si><si><t>A &amp; B &#7841;</t></si><si><t>006</t></si></sst>`,
		),
		'xl/worksheets/data.xml': strToU8(
			`<x:worksheet xmlns:x="${ns}"><x:sheetData>` +
				'<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
				'<x:row r="3"><x:c r="A3" t="s"><x:v>3</x:v></x:c><x:c r="C3"><x:v>2</x:v></x:c></x:row>' +
				'<x:row><x:c t="inlineStr"><x:is><x:t>nội tuyến</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v>1.5</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>' +
				'<x:row r="9"><x:c r="B9" t="str"><x:v>=công thức</x:v></x:c><x:c r="C9" t="e"><x:v>#N/A</x:v></x:c></x:row>' +
				'<x:row r="10"><x:c r="A10"/></x:row>' +
				'</x:sheetData></x:worksheet>',
		),
	});
}

describe('XLSX', () => {
	test('cell references to column indexes', () => {
		expect(['A1', 'B5', 'Z9', 'AA1', 'XFD1', '1'].map(columnIndexOf)).toEqual([
			0, 1, 25, 26, 16383, -1,
		]);
	});

	test('what is written is read back: text stays text (leading zeros too), numbers stay numbers', () => {
		const bytes = writeXlsx([
			{
				name: 'Số liệu',
				rows: [
					['Mã đơn vị', 'Năm', 'Ghi chú'],
					['006', 2023, 'a < b & "c"'],
					['276', null, 'Thạch Thất'],
				],
				textColumns: [0],
				header: true,
				widths: [12, 8, 20],
			},
			{ name: 'Hướng dẫn', rows: [['x']] },
		]);
		const book = readXlsx(bytes);
		expect(book).toEqual({
			ok: true,
			sheets: [
				{
					name: 'Số liệu',
					rows: [
						{ number: 1, cells: ['Mã đơn vị', 'Năm', 'Ghi chú'] },
						{ number: 2, cells: ['006', 2023, 'a < b & "c"'] },
						{ number: 3, cells: ['276', null, 'Thạch Thất'] },
					],
				},
				{ name: 'Hướng dẫn', rows: [{ number: 1, cells: ['x'] }] },
			],
		});
	});

	test("a workbook as Excel writes it: shared strings, rich text, prefixes, skipped cells, rows' numbers", () => {
		expect(readXlsx(excelLikeWorkbook())).toEqual({
			ok: true,
			sheets: [
				{
					name: 'Báo cáo',
					rows: [
						{ number: 1, cells: ['Mã đơn vị', null, 'Kỳ họp thường lệ'] },
						{ number: 3, cells: ['006', null, 2] },
						{ number: 4, cells: ['nội tuyến', 'TRUE', 1.5, 'A & B ạ'] },
						{ number: 9, cells: [null, '=công thức', '#N/A'] },
					],
				},
			],
		});
	});

	test('garbage, a zip that is no workbook, a cut-off file: refused with a reason, never thrown', () => {
		const cases = [
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
			zipSync({ 'hello.txt': strToU8('hi') }),
			excelLikeWorkbook().slice(0, 200),
			new Uint8Array(0),
		];
		for (const bytes of cases) {
			const book = readXlsx(bytes);
			expect(book.ok).toBe(false);
			expect(!book.ok && book.reason.length).toBeGreaterThan(0);
		}
	});

	test('limits: too many rows are refused', () => {
		const rows = Array.from({ length: 30 }, (_, i) => [i]);
		expect(
			readXlsx(writeXlsx([{ name: 'a', rows }]), {
				maxPartBytes: 1e6,
				maxTotalBytes: 1e7,
				maxRows: 10,
				maxColumns: 5,
				maxCells: 1e6,
			}),
		).toEqual({
			ok: false,
			reason: 'too many rows',
			limit: 'rows',
		});
	});
});
