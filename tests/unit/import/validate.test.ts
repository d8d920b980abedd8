import { describe, expect, test } from 'vitest';
import { autoMapping } from '../../../src/import/columns.ts';
import type { Cell } from '../../../src/import/types.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { UNITS } from '../../helpers/import-fixtures.ts';
import { MESSAGES } from '../../../src/import/issue-messages.ts';
import { factKey, validateRows } from '../../../src/import/validate.ts';

const units = new UnitCatalog(UNITS);

const HEADERS = ['Mã đơn vị', 'Danh mục', 'Năm', 'Kỳ họp thường lệ'];

/** Validate rows (numbered from 2, under a header on row 1) with the headers' automatic mapping. */
function check(
	headers: string[],
	rows: Cell[][],
	existing?: Map<string, { kind: string; title: string }>,
) {
	return validateRows({
		sheet: { headerRow: 1, headers, rows: rows.map((cells, i) => ({ number: i + 2, cells })) },
		mapping: autoMapping(headers),
		units,
		existing,
	});
}

/** Issues as row, column letter, severity, code and Vietnamese message. */
function brief(result: ReturnType<typeof check>) {
	return result.issues.map((i) => ({
		row: i.row,
		column: i.column?.letter ?? null,
		severity: i.severity,
		code: i.code,
		vi: i.message.vi,
	}));
}

describe('a clean file', () => {
	test('rows become facts; Vietnamese numbers, leading zeros and defaults are read right', () => {
		const result = check(
			[
				'Mã đơn vị',
				'Tên đơn vị',
				'Danh mục (2023/2025)',
				'Năm',
				'Kỳ báo cáo',
				'Phạm vi',
				'Kiến nghị cử tri tiếp nhận',
				'Kiến nghị cử tri đã giải quyết',
				'Ghi chú',
			],
			[
				['276', 'Huyện Thạch Thất', '2023', '2023', 'Cả năm', '', '1.143', '1.002', 'theo báo cáo'],
				['09955', 'Xã Thạch Thất', 2025, 2025, '', 'Tổng của HĐND cấp dưới', '02', '', ''],
			],
		);
		expect(result.issues).toEqual([]);
		expect(result.rejectedRows).toEqual([]);
		expect(result.accepted).toEqual([
			{
				row: 2,
				unit_code: '276',
				scheme: '2023',
				year: 2023,
				period: 'year',
				month: null,
				term: null,
				scope: 'own',
				values: { petitions_received: 1143, petitions_resolved: 1002 },
				qualifier: null,
				note: 'theo báo cáo',
			},
			{
				row: 3,
				unit_code: '09955',
				scheme: '2025',
				year: 2025,
				period: 'year',
				month: null,
				term: null,
				scope: 'subunits',
				values: { petitions_received: 2, petitions_resolved: null },
				qualifier: null,
				note: null,
			},
		]);
	});
});

describe('unknown unit codes', () => {
	test('suggests the closest units by name when the file has a name column', () => {
		const result = check(
			['Mã đơn vị', 'Tên đơn vị', 'Năm', 'Kỳ họp thường lệ'],
			[['999', 'Thach That', 2023, 2]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'A',
				severity: 'error',
				code: 'unknown_unit',
				vi: 'Mã đơn vị 999 không có trong danh mục 2023. Có thể là: Huyện Thạch Thất (276); Xã Thạch Thán (10105).',
			},
		]);
		expect(result.issues[0]!.message.en).toBe(
			'Unit code 999 is not in the 2023 list. Did you mean: Huyện Thạch Thất (276); Xã Thạch Thán (10105)?',
		);
		expect(result.rejectedRows).toEqual([2]);
	});

	test('suggests the closest codes without a name column', () => {
		const result = check(HEADERS, [['278', '2023', 2023, 2]]);
		expect(brief(result)[0]!.vi).toBe(
			'Mã đơn vị 278 không có trong danh mục 2023. Có thể là: Huyện Quốc Oai (277); Huyện Thạch Thất (276).',
		);
	});

	test('a code that lost its leading zeros is read back when only one unit fits (warning)', () => {
		const result = check(
			['Mã đơn vị', 'Tên đơn vị', 'Năm', 'Kỳ họp thường lệ'],
			[[6, 'Đống Đa', 2019, 2]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'A',
				severity: 'warning',
				code: 'code_padded',
				vi: 'Mã 6 được hiểu là 006 (Quận Đống Đa): mã mất số 0 đầu, thường do Excel đổi thành số.',
			},
		]);
		expect(result.accepted[0]!.unit_code).toBe('006');
	});

	test('…and refused when several units fit', () => {
		const result = check(HEADERS, [['6', '2023', 2019, 2]]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'A',
				severity: 'error',
				code: 'ambiguous_code',
				vi: 'Mã 6 không có trong danh mục 2023; nếu bị mất số 0 đầu thì có thể là Tỉnh Bắc Kạn (06) hoặc Quận Đống Đa (006): ghi đủ mã.',
			},
		]);
	});
});

describe('the 2025 reorganisation: a code of the other list', () => {
	test('a 2023 code used with scheme 2025', () => {
		const result = check(HEADERS, [['276', '2025', 2025, 2]]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'A',
				severity: 'error',
				code: 'other_scheme',
				vi: 'Mã 276 không có trong danh mục 2025 mà thuộc danh mục 2023: Huyện Thạch Thất. Số liệu trước 01/7/2025 ghi Danh mục = 2023.',
			},
		]);
	});

	test('a reused code with the year of the other list explains the reuse', () => {
		const result = check(HEADERS, [['24', '2025', 2023, 2]]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'B',
				severity: 'error',
				code: 'year_not_in_scheme',
				vi: 'Danh mục 2025 chỉ có từ 01/7/2025: số liệu năm 2023 thuộc danh mục 2023. Mã 24 năm 2025 là Tỉnh Bắc Ninh, trước 01/7/2025 là Tỉnh Bắc Giang (mã được dùng lại sau sắp xếp đơn vị hành chính).',
			},
		]);
		expect(result.issues[0]!.message.en).toBe(
			'The 2025 list only exists from 1 July 2025: figures of 2023 belong to the 2023 list. Code 24 is Tỉnh Bắc Ninh in the 2025 list, and was Tỉnh Bắc Giang before 1 July 2025 (codes were reused after the reorganisation).',
		);
	});

	test('a reused code whose name is the old unit', () => {
		const result = check(
			['Mã đơn vị', 'Tên đơn vị', 'Danh mục', 'Năm', 'Kỳ họp thường lệ'],
			[['24', 'Bắc Giang', '2025', 2025, 2]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'B',
				severity: 'error',
				code: 'name_other_scheme',
				vi: 'Tên "Bắc Giang" là đơn vị của danh mục khác, không phải danh mục 2025. Mã 24 năm 2025 là Tỉnh Bắc Ninh, trước 01/7/2025 là Tỉnh Bắc Giang (mã được dùng lại sau sắp xếp đơn vị hành chính). Kiểm tra cột Danh mục.',
			},
		]);
	});

	test('the old list with a year after the reorganisation', () => {
		const result = check(HEADERS, [['276', '2023', 2026, 2]]);
		expect(brief(result)[0]).toMatchObject({
			row: 2,
			column: 'B',
			code: 'year_not_in_scheme',
			vi: 'Danh mục 2023 chỉ dùng đến 30/6/2025: số liệu năm 2026 thuộc danh mục 2025.',
		});
	});

	test("a name that differs from the code's unit only warns; the code is used", () => {
		const result = check(
			['Mã đơn vị', 'Tên đơn vị', 'Năm', 'Kỳ họp thường lệ'],
			[['276', 'Quốc Oai', 2023, 2]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'B',
				severity: 'warning',
				code: 'name_mismatch',
				vi: 'Tên "Quốc Oai" khác tên của mã 276 (Huyện Thạch Thất): dùng theo mã.',
			},
		]);
		expect(result.accepted).toHaveLength(1);
	});

	test('without a scheme column the list follows from the year', () => {
		const result = check(
			['Mã đơn vị', 'Năm', 'Kỳ họp thường lệ'],
			[
				['24', 2024, 2],
				['24', 2026, 2],
			],
		);
		expect(result.issues).toEqual([]);
		expect(result.accepted.map((f) => f.scheme)).toEqual(['2023', '2025']);
	});

	test('an empty scheme cell in a scheme column is taken from the year, with a warning', () => {
		const result = check(HEADERS, [['24', '', 2025, 2]]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'B',
				severity: 'warning',
				code: 'scheme_inferred',
				vi: 'Không ghi danh mục: theo năm 2025, dùng danh mục 2025.',
			},
		]);
		expect(result.accepted[0]!.scheme).toBe('2025');
	});
});

describe('count columns', () => {
	test.each([
		[
			'1,5',
			'decimal',
			'"1,5" là số thập phân: số kỳ họp thường lệ phải là số nguyên (viết 1.143 hoặc 1143 cho một nghìn một trăm bốn mươi ba).',
		],
		[
			2.5,
			'decimal',
			'"2.5" là số thập phân: số kỳ họp thường lệ phải là số nguyên (viết 1.143 hoặc 1143 cho một nghìn một trăm bốn mươi ba).',
		],
		[
			'1,143',
			'ambiguous_number',
			'"1,143" có dấu phẩy: theo cách viết Việt Nam đó là số thập phân. Nếu là số nguyên, viết 1.143 hoặc 1143.',
		],
		[
			'hai',
			'not_a_number',
			'"hai" không phải là số: ghi số nguyên, hoặc để trống nếu không báo cáo (không ghi 0 thay cho ô trống).',
		],
		['-2', 'negative', '"-2" là số âm: số đếm không thể âm.'],
		[-2, 'negative', '"-2" là số âm: số đếm không thể âm.'],
	])('%j is refused (%s) at its row and column', (value, code, vi) => {
		const result = check(HEADERS, [['276', '2023', 2023, value]]);
		expect(brief(result)).toEqual([{ row: 2, column: 'D', severity: 'error', code, vi }]);
		expect(result.issues[0]!.column).toEqual({
			index: 3,
			letter: 'D',
			header: 'Kỳ họp thường lệ',
			id: 'sessions_regular',
		});
		expect(result.accepted).toEqual([]);
		expect(result.rejectedRows).toEqual([2]);
	});

	test('"hơn 50" is 50 with the row qualified "at least" (warning)', () => {
		const result = check(HEADERS, [['276', '2023', 2023, 'hơn 50']]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'D',
				severity: 'warning',
				code: 'qualifier_from_text',
				vi: '"hơn 50" được ghi là 50, tính chất "ít nhất" (áp dụng cho cả dòng).',
			},
		]);
		expect(result.accepted[0]).toMatchObject({
			values: { sessions_regular: 50 },
			qualifier: 'at_least',
		});
	});

	test('two different qualifiers in one row are refused', () => {
		const result = check(
			[...HEADERS, 'Cuộc giám sát'],
			[['276', '2023', 2023, 'hơn 5', 'khoảng 10']],
		);
		expect(brief(result)).toContainEqual({
			row: 2,
			column: 'E',
			severity: 'error',
			code: 'qualifier_conflict',
			vi: '"khoảng 10" mâu thuẫn với tính chất "ít nhất" của dòng: một dòng chỉ có một tính chất số liệu.',
		});
	});

	test('a row with no figure at all is refused', () => {
		const result = check(HEADERS, [['276', '2023', 2023, '']]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: null,
				severity: 'error',
				code: 'no_figures',
				vi: 'Dòng không có số liệu nào ở các cột chỉ tiêu: không có gì để nhập.',
			},
		]);
	});
});

describe('petitions', () => {
	test('resolved above received is refused, at the resolved column', () => {
		const result = check(
			['Mã đơn vị', 'Năm', 'Kiến nghị cử tri tiếp nhận', 'Kiến nghị cử tri đã giải quyết'],
			[
				['276', 2023, '100', '1.200'],
				['277', 2023, 100, 100],
			],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'D',
				severity: 'error',
				code: 'resolved_above_received',
				vi: 'Kiến nghị đã giải quyết (1200) nhiều hơn kiến nghị tiếp nhận (100).',
			},
		]);
		expect(result.accepted.map((f) => f.row)).toEqual([3]);
	});
});

describe('duplicates', () => {
	test('the same unit, period and scope twice in the file: both rows refused, each naming the other', () => {
		const result = check(HEADERS, [
			['276', '2023', 2023, 2],
			['277', '2023', 2023, 2],
			['276', '2023', '2023', 3],
		]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'A',
				severity: 'error',
				code: 'duplicate',
				vi: 'Trùng đơn vị, kỳ báo cáo và phạm vi với dòng 4: không biết dòng nào đúng. Giữ một dòng rồi nhập lại.',
			},
			{
				row: 4,
				column: 'A',
				severity: 'error',
				code: 'duplicate',
				vi: 'Trùng đơn vị, kỳ báo cáo và phạm vi với dòng 2: không biết dòng nào đúng. Giữ một dòng rồi nhập lại.',
			},
		]);
		expect(result.accepted.map((f) => f.row)).toEqual([3]);
	});

	test('other scopes and months are not duplicates', () => {
		const result = check(
			['Mã đơn vị', 'Năm', 'Kỳ báo cáo', 'Tháng', 'Phạm vi', 'Cuộc giám sát'],
			[
				['276', 2023, '', '', 'own', 1],
				['276', 2023, '', '', 'subunits', 1],
				['276', 2023, 'tháng', 1, '', 1],
				['276', 2023, 'Tháng', 2, '', 1],
			],
		);
		expect(result.issues).toEqual([]);
	});

	test('figures already imported or reported are kept, with a warning saying which wins', () => {
		const key = factKey({
			scheme: '2023',
			unit_code: '276',
			period: 'year',
			year: 2023,
			month: null,
			term: null,
			scope: 'own',
		});
		const key2 = factKey({
			scheme: '2023',
			unit_code: '277',
			period: 'year',
			year: 2023,
			month: null,
			term: null,
			scope: 'own',
		});
		const existing = new Map([
			[key, { kind: 'imported', title: 'cu.xlsx' }],
			[key2, { kind: 'reported', title: 'Bản tin' }],
		]);
		const result = check(
			HEADERS,
			[
				['276', '2023', 2023, 2],
				['277', '2023', 2023, 2],
			],
			existing,
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'A',
				severity: 'warning',
				code: 'duplicate_imported',
				vi: 'Đã có số liệu cùng đơn vị, kỳ báo cáo và phạm vi trong tệp đã nhập "cu.xlsx": biểu đồ sẽ dùng tệp nhập sau cùng.',
			},
			{
				row: 3,
				column: 'A',
				severity: 'warning',
				code: 'duplicate_reported',
				vi: 'Đã có số liệu báo cáo cùng đơn vị, kỳ báo cáo và phạm vi ("Bản tin"): biểu đồ vẫn dùng số liệu báo cáo.',
			},
		]);
		expect(result.accepted).toHaveLength(2);
	});
});

describe('a term total filed as a year', () => {
	test('a term in the year column', () => {
		const result = check(HEADERS, [['276', '2023', '2021-2026', 40]]);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'C',
				severity: 'error',
				code: 'term_in_year',
				vi: '"2021-2026" là một nhiệm kỳ, không phải một năm: số liệu cả nhiệm kỳ ghi Kỳ báo cáo = "Cả nhiệm kỳ", Nhiệm kỳ = 2021-2026, để trống Năm.',
			},
		]);
	});

	test('period "year" with a term in the term column', () => {
		const result = check(
			['Mã đơn vị', 'Năm', 'Kỳ báo cáo', 'Nhiệm kỳ', 'Cuộc giám sát'],
			[['276', 2021, 'Cả năm', '2016–2021', 60]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'D',
				severity: 'error',
				code: 'term_as_year',
				vi: 'Kỳ báo cáo là cả năm nhưng dòng ghi nhiệm kỳ 2016-2021: nếu đây là tổng cả nhiệm kỳ, ghi Kỳ báo cáo = "Cả nhiệm kỳ" và để trống Năm; nếu là số liệu một năm, xóa nhiệm kỳ.',
			},
		]);
	});

	test('a term total done right: no year, the term, its list from the term', () => {
		const result = check(
			['Mã đơn vị', 'Năm', 'Kỳ báo cáo', 'Nhiệm kỳ', 'Cuộc giám sát'],
			[['276', '', 'Cả nhiệm kỳ', '2016-2021', 60]],
		);
		expect(result.issues).toEqual([]);
		expect(result.accepted[0]).toMatchObject({
			scheme: '2023',
			year: null,
			period: 'term',
			term: '2016-2021',
		});
	});

	test('a term total with a year keeps the term and drops the year (warning)', () => {
		const result = check(
			['Mã đơn vị', 'Danh mục', 'Năm', 'Kỳ báo cáo', 'Nhiệm kỳ', 'Cuộc giám sát'],
			[['276', '2023', 2021, 'term', '2016-2021', 60]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'C',
				severity: 'warning',
				code: 'year_ignored_for_term',
				vi: 'Số liệu cả nhiệm kỳ không thuộc một năm: bỏ năm 2021.',
			},
		]);
		expect(result.accepted[0]!.year).toBeNull();
	});
});

describe('other cells', () => {
	test.each([
		[
			['Mã đơn vị', 'Năm', 'Cuộc giám sát'],
			['', 2023, 1],
			'missing_code',
			'A',
			'Thiếu mã đơn vị: mỗi dòng phải có mã đơn vị hành chính.',
		],
		[
			['Mã đơn vị', 'Năm', 'Cuộc giám sát'],
			['276', '', 1],
			'missing_year',
			'B',
			'Thiếu năm: số liệu theo năm, 6 tháng, 9 tháng hoặc tháng phải ghi năm.',
		],
		[
			['Mã đơn vị', 'Năm', 'Cuộc giám sát'],
			['276', '23', 1],
			'invalid_year',
			'B',
			'Năm "23" không hợp lệ: ghi năm bằng 4 chữ số, ví dụ 2023.',
		],
		[
			['Mã đơn vị', 'Danh mục', 'Năm', 'Cuộc giám sát'],
			['276', 'cũ', 2023, 1],
			'invalid_scheme',
			'B',
			'Danh mục "cũ" không hợp lệ: ghi 2023 (danh mục đến 30/6/2025) hoặc 2025 (từ 01/7/2025).',
		],
		[
			['Mã đơn vị', 'Năm', 'Kỳ', 'Cuộc giám sát'],
			['276', 2023, 'quý 1', 1],
			'invalid_period',
			'C',
			'Kỳ báo cáo "quý 1" không hợp lệ: ghi Cả năm, 6 tháng đầu năm, 9 tháng đầu năm, Tháng hoặc Cả nhiệm kỳ.',
		],
		[
			['Mã đơn vị', 'Năm', 'Tháng', 'Cuộc giám sát'],
			['276', 2023, 13, 1],
			'invalid_month',
			'C',
			'Tháng "13" không hợp lệ: ghi số từ 1 đến 12.',
		],
		[
			['Mã đơn vị', 'Năm', 'Kỳ', 'Cuộc giám sát'],
			['276', 2023, 'Tháng', 1],
			'missing_month',
			'C',
			'Kỳ báo cáo là tháng nhưng thiếu tháng: ghi số từ 1 đến 12.',
		],
		[
			['Mã đơn vị', 'Năm', 'Kỳ', 'Tháng', 'Cuộc giám sát'],
			['276', 2023, 'Cả năm', 3, 1],
			'month_without_month_period',
			'D',
			'Có ghi tháng nhưng kỳ báo cáo không phải là tháng: xóa tháng, hoặc ghi Kỳ báo cáo = "Tháng".',
		],
		[
			['Mã đơn vị', 'Kỳ', 'Nhiệm kỳ', 'Cuộc giám sát'],
			['276', 'nhiệm kỳ', '2019-2024', 1],
			'invalid_term',
			'C',
			'Nhiệm kỳ "2019-2024" không hợp lệ: ghi 2016-2021, 2021-2026, 2026-2031.',
		],
		[
			['Mã đơn vị', 'Năm', 'Phạm vi', 'Cuộc giám sát'],
			['276', 2023, 'tỉnh', 1],
			'invalid_scope',
			'C',
			'Phạm vi "tỉnh" không hợp lệ: ghi "Của chính HĐND cấp này" hoặc "Tổng của HĐND cấp dưới".',
		],
		[
			['Mã đơn vị', 'Năm', 'Tính chất số liệu', 'Cuộc giám sát'],
			['276', 2023, 'chắc chắn', 1],
			'invalid_qualifier',
			'C',
			'Tính chất số liệu "chắc chắn" không hợp lệ: để trống, hoặc ghi "ít nhất" hay "khoảng".',
		],
	])('%j %j → %s', (headers, row, code, column, vi) => {
		const result = check(headers, [row]);
		expect(brief(result)).toContainEqual({ row: 2, column, severity: 'error', code, vi });
		expect(result.rejectedRows).toEqual([2]);
	});

	test("a year outside the dashboard's range is kept with a warning", () => {
		const result = check(
			['Mã đơn vị', 'Danh mục', 'Năm', 'Cuộc giám sát'],
			[['276', '2023', 2012, 1]],
		);
		expect(brief(result)).toEqual([
			{
				row: 2,
				column: 'C',
				severity: 'warning',
				code: 'year_outside_range',
				vi: 'Năm 2012 nằm ngoài khoảng 2016–2026 mà bảng số liệu hiển thị: vẫn nhập nhưng không hiện trên biểu đồ.',
			},
		]);
	});
});

describe('empty rows and file-level problems', () => {
	test('empty rows are skipped and reported; every row is accepted, rejected or empty', () => {
		const result = check(HEADERS, [
			['276', '2023', 2023, 2],
			[null, '', '  ', null],
			['x', '2023', 2023, 2],
		]);
		expect(brief(result)).toContainEqual({
			row: 3,
			column: null,
			severity: 'info',
			code: 'empty_row',
			vi: 'Dòng trống: bỏ qua.',
		});
		expect(result.emptyRows).toEqual([3]);
		expect(result.rejectedRows).toEqual([4]);
		expect(result.accepted.map((f) => f.row)).toEqual([2]);
		expect(result.totalRows).toBe(3);
	});

	test('no code column, no metric column, and columns outside the template are said at the header row', () => {
		const result = check(['Tên', 'Năm', 'Xếp loại'], [['Thạch Thất', 2023, 'A']]);
		expect(brief(result).filter((i) => i.row === 1)).toEqual([
			{
				row: 1,
				column: null,
				severity: 'error',
				code: 'no_code_column',
				vi: MESSAGES.noCodeColumn().vi,
			},
			{
				row: 1,
				column: null,
				severity: 'error',
				code: 'no_metric_column',
				vi: MESSAGES.noMetricColumn().vi,
			},
			{
				row: 1,
				column: 'C',
				severity: 'info',
				code: 'ignored_column',
				vi: 'Cột "Xếp loại" không thuộc mẫu: không nhập.',
			},
		]);
		expect(result.rejectedRows).toEqual([2]);
	});
});
