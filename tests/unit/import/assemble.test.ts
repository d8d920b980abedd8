import { describe, expect, test } from 'vitest';
import { assembleTable } from '../../../src/import/assemble.ts';
import { readImportFile } from '../../../src/import/read.ts';
import type { ReadSource } from '../../../src/import/source.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { UnitNames, type NamedUnit } from '../../../src/import/unit-names.ts';
import { validateRows } from '../../../src/import/validate.ts';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import { councilSheet, THACH_THAT_COMMUNES } from '../../helpers/council-workbook.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

const options = { decodeParquet: decodeParquetNode };

/** Real 2023 codes: Thạch Thất and three of its communes, and a namesake of Hạ Bằng elsewhere. */
export const UNITS: NamedUnit[] = [
	{
		code: '01',
		scheme: '2023',
		name: 'Hà Nội',
		nameWithType: 'Thành phố Hà Nội',
		level: 'province',
		parent: null,
	},
	{
		code: '276',
		scheme: '2023',
		name: 'Thạch Thất',
		nameWithType: 'Huyện Thạch Thất',
		level: 'district',
		parent: '01',
	},
	{
		code: '10009',
		scheme: '2023',
		name: 'Hạ Bằng',
		nameWithType: 'Xã Hạ Bằng',
		level: 'commune',
		parent: '276',
	},
	{
		code: '09955',
		scheme: '2023',
		name: 'Liên Quan',
		nameWithType: 'Thị trấn Liên Quan',
		level: 'commune',
		parent: '276',
	},
	{
		code: '09958',
		scheme: '2023',
		name: 'Đại Đồng',
		nameWithType: 'Xã Đại Đồng',
		level: 'commune',
		parent: '276',
	},
	{
		code: '99999',
		scheme: '2023',
		name: 'Đại Đồng',
		nameWithType: 'Xã Đại Đồng',
		level: 'commune',
		parent: '999',
	},
];

async function sourceOf(bytes: Uint8Array): Promise<ReadSource> {
	const read = await readImportFile(bytes, options);
	if (!read.ok || !read.source) throw new Error('not read');
	return read.source;
}

describe('a report with a title block', () => {
	test('mapped without hand work: merged header, year from the title, totals and signatures left out', async () => {
		const bytes = writeXlsx([
			councilSheet('Tổng hợp', 'HĐND HUYỆN THẠCH THẤT', 'Năm 2023', THACH_THAT_COMMUNES),
		]);
		const read = await readImportFile(bytes, options);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const { sheet } = assembleTable(read.source!, [{ sheet: 0 }]);
		expect(sheet.headers).toEqual([
			'STT',
			'Mã ĐVHC',
			'Đơn vị',
			'Kỳ họp › Thường lệ',
			'Kỳ họp › Chuyên đề',
			'Số cuộc giám sát',
			'Kiến nghị cử tri › Tiếp nhận',
			'Kiến nghị cử tri › Đã giải quyết',
			'Năm (theo tiêu đề)',
		]);
		expect(sheet.rows.map((r) => [r.number, r.cells[1], r.cells[8]])).toEqual([
			[10, '10009', 2023],
			[11, '09955', 2023],
			[12, '09958', 2023],
		]);
		expect(sheet.regions).toEqual([
			{
				sheetName: 'Tổng hợp',
				headerRows: [7, 8],
				headerIndex: 4,
				headerHeight: 2,
				firstColumn: 0,
				lastColumn: 7,
				firstRow: 10,
				lastRow: 13,
				title: { unit: 'HUYỆN THẠCH THẤT', unitLevel: 'district', period: 'year', year: 2023 },
			},
		]);
		expect(sheet.notices?.map((n) => n.vi)).toEqual([
			'Dòng tổng cộng không nhập (dòng 13): biểu đồ tự cộng từ các đơn vị.',
			'2 dòng bên dưới bảng (chữ ký, ghi chú) không thuộc bảng số liệu: bỏ qua.',
		]);
		const { mapping } = assembleTable(read.source!, [{ sheet: 0 }]);
		const result = validateRows({ sheet, mapping, units: new UnitCatalog(UNITS) });
		expect(result.accepted.map((f) => [f.unit_code, f.year, f.period, f.values])).toEqual([
			[
				'10009',
				2023,
				'year',
				{
					sessions_regular: 2,
					sessions_thematic: 1,
					supervisions: 4,
					petitions_received: 31,
					petitions_resolved: 29,
				},
			],
			['09955', 2023, 'year', expect.any(Object)],
			['09958', 2023, 'year', expect.any(Object)],
		]);
		expect(result.rejectedRows).toEqual([]);
	});

	test('rows that name their communes without codes: codes found by name within the title unit', async () => {
		const source = await sourceOf(
			writeXlsx([
				councilSheet(
					'Tổng hợp',
					'HĐND HUYỆN THẠCH THẤT',
					'6 tháng đầu năm 2023',
					THACH_THAT_COMMUNES,
					{
						codes: false,
					},
				),
			]),
		);
		const { sheet, mapping } = assembleTable(source, [{ sheet: 0 }], {
			units: new UnitNames(UNITS),
		});
		const at = (id: string) => mapping.indexOf(id as never);
		expect(sheet.headers.slice(8)).toEqual([
			'Năm (theo tiêu đề)',
			'Kỳ báo cáo (theo tiêu đề)',
			'Mã đơn vị (theo tên)',
		]);
		expect(sheet.rows.map((r) => [r.cells[at('unit_code')], r.cells[at('period')]])).toEqual([
			['10009', '6 tháng đầu năm'],
			['09955', '6 tháng đầu năm'],
			// Two communes are named Đại Đồng: the one in Thạch Thất.
			['09958', '6 tháng đầu năm'],
		]);
		const result = validateRows({ sheet, mapping, units: new UnitCatalog(UNITS) });
		expect(result.accepted.map((f) => [f.unit_code, f.period, f.year])).toEqual([
			['10009', 'h1', 2023],
			['09955', 'h1', 2023],
			['09958', 'h1', 2023],
		]);
	});

	test('the user moves the header: the table follows', async () => {
		const source = await sourceOf(
			writeXlsx([
				councilSheet('Tổng hợp', 'HĐND HUYỆN THẠCH THẤT', 'Năm 2023', THACH_THAT_COMMUNES),
			]),
		);
		const { sheet } = assembleTable(source, [{ sheet: 0, header: { index: 5, height: 1 } }]);
		expect(sheet.regions![0]!.headerRows).toEqual([8]);
		expect(sheet.headers[3]).toBe('Thường lệ');
	});
});

/** A commune's own sheet: the district's title block, the commune in the sheet's name, one row. */
function communeSheet(name: string, supervisions: number, hidden = false) {
	return {
		name,
		hidden,
		rows: [
			['HĐND HUYỆN THẠCH THẤT'],
			['KẾT QUẢ HOẠT ĐỘNG HĐND CẤP XÃ NĂM 2023'],
			[],
			['Kỳ họp thường lệ', 'Kỳ họp chuyên đề', 'Cuộc giám sát'],
			[2, 1, supervisions],
		],
	};
}

describe('sheets', () => {
	test('a hidden first sheet is skipped unless chosen', async () => {
		const bytes = writeXlsx([
			councilSheet('Cũ', 'HĐND HUYỆN THẠCH THẤT', 'Năm 2022', THACH_THAT_COMMUNES, {
				hidden: true,
			}),
			councilSheet('Mới', 'HĐND HUYỆN THẠCH THẤT', 'Năm 2023', THACH_THAT_COMMUNES.slice(0, 1)),
		]);
		const read = await readImportFile(bytes, options);
		expect(read.ok && read.sheet.sheetName).toBe('Mới');
		expect(read.ok && read.source!.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
			['Cũ', true],
			['Mới', false],
		]);
		// Chosen by the user, both are read, each with the year of its own title block.
		const { sheet, mapping } = assembleTable(read.ok ? read.source! : (null as never), [
			{ sheet: 0 },
			{ sheet: 1 },
		]);
		const year = mapping.indexOf('year');
		const code = mapping.indexOf('unit_code');
		expect(sheet.rows.map((r) => [r.cells[code], r.cells[year], r.cells.at(-1)])).toEqual([
			['10009', 2022, 'Cũ'],
			['09955', 2022, 'Cũ'],
			['09958', 2022, 'Cũ'],
			['10009', 2023, 'Mới'],
		]);
		expect(sheet.headers.at(-1)).toBe('Trang tính');
	});

	test('a sheet per commune is read as a whole, each commune taken from its sheet name', async () => {
		const bytes = writeXlsx([
			communeSheet('Hạ Bằng', 4),
			communeSheet('Liên Quan', 5),
			communeSheet('Đại Đồng', 3),
		]);
		const source = await sourceOf(bytes);
		const read = await readImportFile(bytes, options);
		// Every sheet has the same table for its own commune: all are read by default.
		expect(read.ok && read.sheet.regions!.map((r) => r.sheetName)).toEqual([
			'Hạ Bằng',
			'Liên Quan',
			'Đại Đồng',
		]);
		const { sheet, mapping } = assembleTable(
			source,
			[0, 1, 2].map((sheet) => ({ sheet })),
			{ units: new UnitNames(UNITS) },
		);
		expect(sheet.headers.slice(3)).toEqual([
			'Năm (theo tiêu đề)',
			'Mã đơn vị (theo tiêu đề)',
			'Trang tính',
		]);
		const result = validateRows({ sheet, mapping, units: new UnitCatalog(UNITS) });
		expect(result.accepted.map((f) => [f.unit_code, f.year, f.values.supervisions])).toEqual([
			['10009', 2023, 4],
			['09955', 2023, 5],
			['09958', 2023, 3],
		]);
	});

	test('sheets per year, named by their year', async () => {
		const bytes = writeXlsx(
			['2022', '2023'].map((name) => ({
				name,
				rows: [
					['Mã đơn vị', 'Cuộc giám sát'],
					['276', Number(name) - 2000],
				],
			})),
		);
		const read = await readImportFile(bytes, options);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const year = read.sheet.headers.indexOf('Năm (theo tiêu đề)');
		expect(read.sheet.rows.map((r) => [r.cells[0], r.cells[1], r.cells[year]])).toEqual([
			['276', 22, 2022],
			['276', 23, 2023],
		]);
	});
});

describe('dates in year and month columns', () => {
	test('a year or month column of dates gives their year or month', () => {
		const source: ReadSource = {
			format: 'xlsx',
			sheets: [
				{
					name: 'A',
					rows: [
						{ number: 1, cells: ['Mã đơn vị', 'Năm', 'Tháng', 'Kỳ báo cáo', 'Cuộc giám sát'] },
						{ number: 2, cells: ['276', '31/12/2023', '01/03/2023 00:00', 'Tháng', 4] },
					],
				},
			],
		};
		const { sheet } = assembleTable(source, [{ sheet: 0 }]);
		expect(sheet.rows[0]!.cells).toEqual(['276', 2023, 3, 'Tháng', 4]);
	});
});
