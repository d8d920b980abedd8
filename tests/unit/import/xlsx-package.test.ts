import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { resolveTarget } from '../../../src/import/xlsx-parts.ts';
import { cellTextOf, decodeEscapes } from '../../../src/import/xlsx-text.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook whose parts have the given names; `sheetData` is the sheet's rows. */
function workbook(
	sheetData: string,
	options: {
		strings?: string[];
		names?: Partial<
			Record<'types' | 'rootRels' | 'workbook' | 'rels' | 'sheet' | 'strings', string>
		>;
		extra?: string;
	} = {},
): Uint8Array {
	const names = {
		types: '[Content_Types].xml',
		rootRels: '_rels/.rels',
		workbook: 'xl/workbook.xml',
		rels: 'xl/_rels/workbook.xml.rels',
		sheet: 'xl/worksheets/sheet1.xml',
		strings: 'xl/sharedStrings.xml',
		...options.names,
	};
	const sst = (options.strings ?? [])
		.map((s) => `<si><t xml:space="preserve">${s}</t></si>`)
		.join('');
	return zipSync({
		[names.types]: strToU8(
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
		),
		[names.rootRels]: strToU8(
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		),
		[names.workbook]: strToU8(
			`<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		),
		[names.rels]: strToU8(
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		),
		[names.sheet]: strToU8(
			`<worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData>${options.extra ?? ''}</worksheet>`,
		),
		[names.strings]: strToU8(`<sst xmlns="${NS}">${sst}</sst>`),
	});
}

const rowsOf = (bytes: Uint8Array) => {
	const book = readXlsx(bytes);
	if (!book.ok) throw new Error(book.reason);
	return book.sheets[0]!.rows;
};

describe('cell text', () => {
	test('_xHHHH_ escapes are decoded, an escaped underscore keeps the rest literal', () => {
		expect(decodeEscapes('Dòng 1_x000D_\nDòng 2')).toBe('Dòng 1\r\nDòng 2');
		expect(decodeEscapes('a_x0009_b')).toBe('a\tb');
		expect(decodeEscapes('_x005F_x000D_')).toBe('_x000D_');
		expect(decodeEscapes('x_1_y _xZZZZ_')).toBe('x_1_y _xZZZZ_');
	});

	test('CR LF and lone CR inside a cell become \\n', () => {
		expect(cellTextOf('Kỳ họp_x000D_\nthường lệ')).toBe('Kỳ họp\nthường lệ');
		expect(cellTextOf('a\r\nb\rc')).toBe('a\nb\nc');
	});

	test('relationship targets resolve against their source folder', () => {
		expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe(
			'xl/worksheets/sheet1.xml',
		);
		expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/a.xml')).toBe('xl/worksheets/a.xml');
		expect(resolveTarget('xl/workbook.xml', '../xl/./sharedStrings.xml')).toBe(
			'xl/sharedStrings.xml',
		);
		expect(resolveTarget('', 'xl\\workbook.xml')).toBe('xl/workbook.xml');
	});
});

describe('XLSX text and structure faults', () => {
	test('escapes and CR LF in shared, inline and formula strings', () => {
		const rows = rowsOf(
			workbook(
				'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Chuyên_x000D_\nđề</t></is></c><c r="C1" t="str"><v>x_x0009_y</v></c></row>',
				{ strings: ['Kỳ họp_x000D_\nthường lệ'] },
			),
		);
		expect(rows).toEqual([{ number: 1, cells: ['Kỳ họp\nthường lệ', 'Chuyên\nđề', 'x\ty'] }]);
	});

	test('parts named with other capitals (and backslashes) are found', () => {
		const rows = rowsOf(
			workbook('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>', {
				strings: ['Mã đơn vị'],
				names: {
					strings: 'xl/SharedStrings.xml',
					sheet: 'XL/Worksheets/Sheet1.xml',
					rels: 'xl/_rels/Workbook.xml.rels',
					rootRels: '_RELS/.rels',
					types: '[content_types].xml',
				},
			}),
		);
		expect(rows).toEqual([{ number: 1, cells: ['Mã đơn vị', 5] }]);
		const backslashes = rowsOf(
			workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
				strings: ['Năm'],
				names: { sheet: 'xl\\worksheets\\sheet1.xml' },
			}),
		);
		expect(backslashes).toEqual([{ number: 1, cells: ['Năm'] }]);
	});

	test('a workbook part found through _rels/.rels where it is not xl/workbook.xml', () => {
		const bytes = zipSync({
			'_rels/.rels': strToU8(
				`<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="/book/Main.xml"/></Relationships>`,
			),
			'book/Main.xml': strToU8(
				`<workbook xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="s"/></sheets></workbook>`,
			),
			'book/_rels/Main.xml.rels': strToU8(
				`<Relationships><Relationship Id="s" Type="${REL}/worksheet" Target="data/one.xml"/></Relationships>`,
			),
			'book/data/one.xml': strToU8(
				'<worksheet><sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData></worksheet>',
			),
		});
		expect(rowsOf(bytes)).toEqual([{ number: 2, cells: [null, 7] }]);
	});

	test('a row numbered 0 does not move the rows after it', () => {
		const rows = rowsOf(
			workbook(
				'<row r="0"><c t="inlineStr"><is><t>tiêu đề</t></is></c></row>' +
					'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
					'<row r="5"><c r="A5"><v>5</v></c></row>',
			),
		);
		expect(rows.map((r) => [r.number, r.cells[0]])).toEqual([
			[1, 'tiêu đề'],
			[1, 1],
			[2, 2],
			[5, 5],
		]);
	});

	test('a row without a number takes it from its cells', () => {
		const rows = rowsOf(workbook('<row><c r="B7"><v>3</v></c></row><row><c><v>4</v></c></row>'));
		expect(rows).toEqual([
			{ number: 7, cells: [null, 3] },
			{ number: 8, cells: [4] },
		]);
	});

	test('empty styled cells to column XFD do not widen a row or refuse the file', () => {
		const styled = Array.from({ length: 400 }, (_, i) => `<c r="${colRef(i + 3)}1" s="4"/>`).join(
			'',
		);
		const rows = rowsOf(
			workbook(`<row r="1"><c r="A1"><v>1</v></c>${styled}<c r="XFD1" s="2"/></row>`),
		);
		expect(rows).toEqual([{ number: 1, cells: [1] }]);
	});

	test('one stray value at column 300 is read; one beyond the column limit is counted, not fatal', () => {
		const rows = rowsOf(workbook('<row r="1"><c r="A1"><v>1</v></c><c r="KN1"><v>9</v></c></row>'));
		expect(rows[0]!.cells).toHaveLength(300);
		expect(rows[0]!.cells[299]).toBe(9);
		const book = readXlsx(
			workbook(
				'<row r="1"><c r="A1"><v>1</v></c><c r="KN1"><v>9</v></c><c r="KO1"><v>9</v></c></row>',
			),
			{ maxPartBytes: 1e6, maxTotalBytes: 1e7, maxRows: 10, maxColumns: 256, maxCells: 1e6 },
		);
		expect(book.ok && book.sheets[0]).toEqual({
			name: 'Tổng hợp',
			rows: [{ number: 1, cells: [1] }],
			dropped: { cells: 2, first: 'KN1' },
		});
	});

	test('merged cells are listed with their rectangles', () => {
		const book = readXlsx(
			workbook('<row r="1"><c r="A1"><v>1</v></c></row>', {
				extra:
					'<mergeCells count="2"><mergeCell ref="C5:D5"/><mergeCell ref="A5:A6"/></mergeCells>',
			}),
		);
		expect(book.ok && book.sheets[0]!.merges).toEqual([
			{ top: 5, bottom: 5, left: 2, right: 3 },
			{ top: 5, bottom: 6, left: 0, right: 0 },
		]);
	});
});

/** Letters of a 0-based column. */
function colRef(index: number): string {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** A workbook whose cells have the given styles, with a styles part and the date system chosen. */
function datedWorkbook(cells: string, date1904: boolean): Uint8Array {
	return zipSync({
		'_rels/.rels': strToU8(
			`<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		),
		'xl/workbook.xml': strToU8(
			`<workbook xmlns:r="${REL}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="A" sheetId="1" r:id="s"/></sheets></workbook>`,
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			`<Relationships><Relationship Id="s" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="t" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
		),
		'xl/styles.xml': strToU8(
			'<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>' +
				'<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
				'<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="165"/></cellXfs></styleSheet>',
		),
		'xl/worksheets/sheet1.xml': strToU8(
			`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`,
		),
	});
}

describe('dates', () => {
	const cells =
		'<c r="A1" s="1"><v>45291</v></c><c r="B1" s="2"><v>45291</v></c><c r="C1" s="3"><v>45291.5</v></c>' +
		'<c r="D1" s="4"><v>45291</v></c><c r="E1"><v>45291</v></c><c r="F1" t="d"><v>2023-12-31T00:00:00</v></c>' +
		'<c r="G1" s="1"><v>59</v></c><c r="H1" s="1"><v>61</v></c>';

	test('date-formatted cells come out as dates in the 1900 system; numbers stay numbers', () => {
		expect(rowsOf(datedWorkbook(cells, false))[0]!.cells).toEqual([
			'31/12/2023',
			'31/12/2023',
			'31/12/2023 12:00',
			45291,
			45291,
			'31/12/2023',
			'28/02/1900',
			'01/03/1900',
		]);
	});

	test('the 1904 system is honoured', () => {
		expect(rowsOf(datedWorkbook(cells, true))[0]!.cells.slice(0, 3)).toEqual([
			'01/01/2028',
			'01/01/2028',
			'01/01/2028 12:00',
		]);
	});
});
