/**
 * Every problem code of the import has a message in Vietnamese and in English, and can be met: each
 * reading code is walked through its message and, where a file can cause it, through a file that does;
 * each checking code through a table that causes it.
 */
import { describe, expect, test } from 'vitest';
import { autoMapping } from '../../../src/import/columns.ts';
import { readErrorMessage, readImportFile } from '../../../src/import/read.ts';
import { READ_ERROR_CODES, type Cell, type ReadError } from '../../../src/import/types.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { ISSUE_CODES, type IssueCode } from '../../../src/import/issue-messages.ts';
import { factKey, validateRows } from '../../../src/import/validate.ts';
import type { Bilingual } from '../../../src/model/metrics.ts';
import { xlsxDeclaring } from '../../helpers/hostile-files.ts';
import { UNITS, parquetBytes } from '../../helpers/import-fixtures.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

function expectBilingual(message: Bilingual, code: string): void {
	expect(message.vi.length, code).toBeGreaterThan(10);
	expect(message.en.length, code).toBeGreaterThan(10);
	expect(message.vi, code).toMatch(VIETNAMESE);
	expect(message.vi, code).not.toBe(message.en);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A file that causes each reading code; absent for codes no file can cause (a bug's, say). */
const CAUSES: Partial<Record<ReadError['code'], () => Uint8Array>> = {
	empty: () => utf8('\n\n  \n'),
	too_large: () => new Uint8Array(50_000_001),
	encoding: () => new Uint8Array([0x81, 0x75, 0x8b, 0x63, 0x89, 0xef, 0x81, 0x76]),
	binary: () => new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7]),
	xls: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
	xlsx: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]),
	parquet: () => new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]),
	too_many_rows: () =>
		parquetBytes({ supervisions: { type: 'int32', values: new Array<number>(100_001).fill(1) } }),
	too_many_lines: () => utf8(`Mã đơn vị\n${'\n'.repeat(500_001)}`),
	too_many_columns: () => utf8(`a${',a'.repeat(256)}\n`),
	too_many_cells: () => utf8(`${'1,'.repeat(200)}1\n`.repeat(15_000)),
	too_large_unzipped: () => xlsxDeclaring(5, 60_000_000),
	part_too_large: () => xlsxDeclaring(1, 150_000_000),
};

describe('reading codes', () => {
	test.each(READ_ERROR_CODES)('%s has a message in both languages', (code) => {
		expectBilingual(readErrorMessage(code), code);
	});

	test.each(Object.keys(CAUSES) as ReadError['code'][])(
		'%s is what its file gets',
		async (code) => {
			const result = await readImportFile(CAUSES[code]!(), { decodeParquet: decodeParquetNode });
			expect(result.ok ? 'read' : result.error.code).toBe(code);
			if (!result.ok) expectBilingual(result.error.message, code);
		},
	);
});

const units = new UnitCatalog(UNITS);

const COLUMNS = {
	code: 'Mã đơn vị',
	name: 'Tên đơn vị',
	scheme: 'Danh mục',
	year: 'Năm',
	period: 'Kỳ báo cáo',
	month: 'Tháng',
	term: 'Nhiệm kỳ',
	scope: 'Phạm vi',
	qualifier: 'Tính chất số liệu',
	sessions: 'Kỳ họp thường lệ',
	received: 'Kiến nghị cử tri tiếp nhận',
	resolved: 'Kiến nghị cử tri đã giải quyết',
} as const;
type Field = keyof typeof COLUMNS;
type Row = Partial<Record<Field, Cell>>;

/** Thạch Thất's 2023 figures: a row with no problem, which each case changes. */
const BASE: Row = { code: '276', scheme: '2023', year: '2023', sessions: '2' };

interface Case {
	rows: Row[];
	/** Other headers than the standard ones. */
	headers?: string[];
	existing?: 'reported' | 'imported';
}

const one = (change: Row): Case => ({ rows: [{ ...BASE, ...change }] });

const CASES: Record<IssueCode, Case> = {
	no_code_column: { headers: ['Năm', 'Kỳ họp thường lệ'], rows: [] },
	no_metric_column: { headers: ['Mã đơn vị', 'Năm'], rows: [] },
	ignored_column: { headers: [...Object.values(COLUMNS), 'Người lập biểu'], rows: [BASE] },
	empty_row: { rows: [{}] },
	term_in_year: one({ year: '2021-2026' }),
	invalid_year: one({ year: 'năm ngoái' }),
	year_outside_range: one({ year: '1995' }),
	invalid_month: one({ period: 'Tháng', month: '13' }),
	invalid_term: one({ term: '2020-2025', period: 'Cả nhiệm kỳ', year: '' }),
	invalid_period: one({ period: 'quý' }),
	term_as_year: one({ period: 'Cả năm', term: '2021-2026' }),
	missing_year: one({ year: '' }),
	missing_term: one({ period: 'Cả nhiệm kỳ', year: '' }),
	year_ignored_for_term: one({ period: 'Cả nhiệm kỳ', term: '2021-2026' }),
	missing_month: one({ period: 'Tháng' }),
	month_without_month_period: one({ period: 'Cả năm', month: '3' }),
	invalid_scheme: one({ scheme: 'mới' }),
	scheme_inferred: one({ scheme: '' }),
	scheme_unknown: one({ scheme: '', year: '', period: 'Cả nhiệm kỳ', term: '2021-2026' }),
	invalid_scope: one({ scope: 'toàn tỉnh' }),
	invalid_qualifier: one({ qualifier: 'chắc chắn' }),
	missing_code: one({ code: '' }),
	code_padded: one({ code: '6', name: 'Quận Đống Đa' }),
	ambiguous_code: one({ code: '6' }),
	other_scheme: one({ code: '09955' }),
	unknown_unit: one({ code: '99999' }),
	year_not_in_scheme: one({ year: '2026' }),
	name_other_scheme: one({ code: '24', scheme: '2025', year: '2025', name: 'Bắc Giang' }),
	name_mismatch: one({ name: 'Huyện Quốc Oai' }),
	qualifier_from_text: one({ sessions: 'hơn 2' }),
	qualifier_conflict: one({ qualifier: 'khoảng', sessions: 'hơn 2' }),
	decimal: one({ sessions: '1,5' }),
	ambiguous_number: one({ sessions: '1,143' }),
	negative: one({ sessions: '-3' }),
	too_large: one({ sessions: '99999999999' }),
	not_a_number: one({ sessions: 'hai' }),
	no_figures: one({ sessions: '' }),
	resolved_above_received: one({ received: '5', resolved: '7' }),
	duplicate: { rows: [BASE, BASE] },
	duplicate_reported: { rows: [BASE], existing: 'reported' },
	duplicate_imported: { rows: [BASE], existing: 'imported' },
};

describe('checking codes', () => {
	test('every code has a case', () => {
		expect(Object.keys(CASES).sort()).toEqual([...ISSUE_CODES].sort());
	});

	test.each([...ISSUE_CODES])('%s: met by its table, with a message in both languages', (code) => {
		const c = CASES[code];
		const headers = c.headers ?? Object.values(COLUMNS);
		const fields = Object.keys(COLUMNS) as Field[];
		const existing = c.existing
			? new Map([
					[
						factKey({
							scheme: '2023',
							unit_code: '276',
							period: 'year',
							year: 2023,
							month: null,
							term: null,
							scope: 'own',
						}),
						{ kind: c.existing, title: 'Báo cáo năm 2023' },
					],
				])
			: undefined;
		const result = validateRows({
			sheet: {
				headerRow: 1,
				headers,
				rows: c.rows.map((row, i) => ({
					number: i + 2,
					cells: fields.map((f) => row[f] ?? null),
				})),
			},
			mapping: autoMapping(headers),
			units,
			existing,
		});
		const issue = result.issues.find((i) => i.code === code);
		expect(issue, JSON.stringify(result.issues.map((i) => i.code))).toBeDefined();
		expectBilingual(issue!.message, code);
	});
});
