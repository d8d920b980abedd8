import { describe, expect, test } from 'vitest';
import { detectRegion, isNumberingRow, regionAt } from '../../../src/import/table-region.ts';
import { readTitleBlock } from '../../../src/import/title-block.ts';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import { councilSheet, THACH_THAT_COMMUNES } from '../../helpers/council-workbook.ts';

function sheetOf(bytes: Uint8Array) {
	const book = readXlsx(bytes);
	if (!book.ok) throw new Error(book.reason);
	return book.sheets[0]!;
}

describe('finding the table under a title block', () => {
	test('a two-row merged header: the parent label carried to its children, the numbering row skipped', () => {
		const sheet = sheetOf(
			writeXlsx([councilSheet('2023', 'HĐND HUYỆN THẠCH THẤT', 'Năm 2023', THACH_THAT_COMMUNES)]),
		);
		const region = detectRegion(sheet.rows, sheet.merges)!;
		expect(region.headerRowNumbers).toEqual([7, 8]);
		expect(region.headers).toEqual([
			'STT',
			'Mã ĐVHC',
			'Đơn vị',
			'Kỳ họp › Thường lệ',
			'Kỳ họp › Chuyên đề',
			'Số cuộc giám sát',
			'Kiến nghị cử tri › Tiếp nhận',
			'Kiến nghị cử tri › Đã giải quyết',
		]);
		expect(region.mapping).toEqual([
			null,
			'unit_code',
			'unit_name',
			'sessions_regular',
			'sessions_thematic',
			'supervisions',
			'petitions_received',
			'petitions_resolved',
		]);
		const body = sheet.rows.slice(region.bodyIndex, region.bodyEnd);
		// Three communes and the total; the signature block below is not part of the table.
		expect(body.map((r) => r.number)).toEqual([10, 11, 12, 13]);
	});

	test('the same header without merges (as a CSV keeps it): the parent is carried to the right', () => {
		const sheet = sheetOf(
			writeXlsx([
				{
					...councilSheet('a', 'HĐND XÃ HẠ BẰNG', 'Năm 2023', THACH_THAT_COMMUNES),
					merges: [],
				},
			]),
		);
		const region = detectRegion(sheet.rows, [])!;
		expect(region.headerRowNumbers).toEqual([7, 8]);
		expect(region.headers.slice(3)).toEqual([
			'Kỳ họp › Thường lệ',
			'Kỳ họp › Chuyên đề',
			'Số cuộc giám sát',
			'Kiến nghị cử tri › Tiếp nhận',
			'Kiến nghị cử tri › Đã giải quyết',
		]);
	});

	test('a header the user moves: labels and body follow', () => {
		const sheet = sheetOf(
			writeXlsx([councilSheet('x', 'HĐND HUYỆN THẠCH THẤT', 'Năm 2023', THACH_THAT_COMMUNES)]),
		);
		const index = sheet.rows.findIndex((r) => r.number === 8);
		const region = regionAt(sheet.rows, sheet.merges ?? [], index, 1);
		expect(region.headerRowNumbers).toEqual([8]);
		expect(region.headers[3]).toBe('Thường lệ');
		expect(region.mapping[3]).toBe('sessions_regular');
	});

	test('the template itself: its one header row is found at row 1', () => {
		const region = detectRegion([
			{ number: 1, cells: ['Mã đơn vị', 'Năm', 'Cuộc giám sát'] },
			{ number: 2, cells: ['276', 2023, 13] },
		])!;
		expect(region.headerRowNumbers).toEqual([1]);
		expect(region.bodyIndex).toBe(1);
		expect(region.bodyEnd).toBe(2);
	});

	test('no header anywhere: null', () => {
		expect(detectRegion([{ number: 1, cells: ['a', 'b'] }])).toBeNull();
	});

	test('numbering rows', () => {
		expect(isNumberingRow({ number: 1, cells: ['(1)', '(2)', '(3)', '(4)'] })).toBe(true);
		expect(isNumberingRow({ number: 1, cells: ['A', 'B', 1, 2, 3] })).toBe(true);
		expect(isNumberingRow({ number: 1, cells: [1, '276', 2, 4] })).toBe(false);
	});
});

describe('the title block', () => {
	test('unit and year from a district council report', () => {
		expect(
			readTitleBlock([
				'HĐND HUYỆN THẠCH THẤT',
				'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
				'THƯỜNG TRỰC HĐND',
				'Độc lập - Tự do - Hạnh phúc',
				'BẢNG TỔNG HỢP KẾT QUẢ HOẠT ĐỘNG CỦA HĐND CÁC XÃ, THỊ TRẤN',
				'Năm 2023',
				'Thạch Thất, ngày 20 tháng 12 năm 2023',
			]),
		).toEqual({ unit: 'HUYỆN THẠCH THẤT', unitLevel: 'district', period: 'year', year: 2023 });
	});

	test('the most specific unit; half years, nine months, months, terms', () => {
		expect(
			readTitleBlock([
				'ỦY BAN NHÂN DÂN\nHUYỆN THẠCH THẤT',
				'HĐND XÃ HẠ BẰNG',
				'6 THÁNG ĐẦU NĂM 2024',
			]),
		).toEqual({ unit: 'XÃ HẠ BẰNG', unitLevel: 'commune', period: 'h1', year: 2024 });
		expect(readTitleBlock(['Đơn vị: Phường Láng', 'Báo cáo 9 tháng năm 2025'])).toEqual({
			unit: 'Phường Láng',
			unitLevel: 'commune',
			period: 'm9',
			year: 2025,
		});
		expect(readTitleBlock(['KẾT QUẢ THÁNG 3 NĂM 2025'])).toEqual({
			period: 'month',
			year: 2025,
			month: 3,
		});
		expect(readTitleBlock(['HĐND TỈNH BẮC KẠN KHÓA X, NHIỆM KỲ 2021-2026', 'NĂM 2023'])).toEqual({
			unit: 'TỈNH BẮC KẠN',
			unitLevel: 'province',
			period: 'year',
			year: 2023,
		});
		expect(readTitleBlock(['TỔNG HỢP CẢ NHIỆM KỲ 2021-2026'])).toEqual({
			period: 'term',
			term: '2021-2026',
		});
		expect(readTitleBlock(['HĐND CÁC XÃ, THỊ TRẤN'])).toEqual({});
	});
});
