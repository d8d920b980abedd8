/**
 * Many rows with one problem read as one line of the report, and every problem code has a title for
 * that line in both languages.
 */
import { describe, expect, test } from 'vitest';
import { autoMapping } from '../../../src/import/columns.ts';
import { ISSUE_TITLES, groupIssues, rowRanges } from '../../../src/import/issue-groups.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { ISSUE_CODES } from '../../../src/import/issue-messages.ts';
import { validateRows } from '../../../src/import/validate.ts';
import { UNITS } from '../../helpers/import-fixtures.ts';

describe('titles of the problem codes', () => {
	test('every code has one, and no other code', () => {
		expect(Object.keys(ISSUE_TITLES).sort()).toEqual([...ISSUE_CODES].sort());
	});

	test.each([...ISSUE_CODES])('%s: in Vietnamese and in English', (code) => {
		const { vi, en } = ISSUE_TITLES[code];
		expect(vi.length).toBeGreaterThan(3);
		expect(en.length).toBeGreaterThan(3);
		expect(vi).not.toBe(en);
	});
});

test('rows as ranges, the first six of them', () => {
	expect(rowRanges([2, 3, 4, 7, 9, 10])).toBe('2–4, 7, 9–10');
	expect(rowRanges([1, 3, 5, 7, 9, 11, 13, 15])).toBe('1, 3, 5, 7, 9, 11…');
});

describe('grouping a checked file', () => {
	const units = new UnitCatalog(UNITS);
	const headers = ['Mã đơn vị', 'Danh mục', 'Năm', 'Kỳ họp thường lệ'];
	const check = (rows: (string | number)[][]) =>
		validateRows({
			sheet: { headerRow: 1, headers, rows: rows.map((cells, i) => ({ number: i + 2, cells })) },
			mapping: autoMapping(headers),
			units,
		});

	test('1,000 rows of unknown codes read as one line', () => {
		const result = check(
			Array.from({ length: 1_000 }, (_, i) => [String(90_000 + i), '2023', 2023, 2]),
		);
		const lines = groupIssues(result.issues);
		expect(lines).toHaveLength(1);
		const line = lines[0]!;
		if (line.kind !== 'group') throw new Error('not grouped');
		expect(line.message.vi).toBe('1.000 dòng: mã đơn vị không có trong danh mục — dòng 2–1001');
		expect(line.message.en).toBe('1,000 rows: unit code not in the list — rows 2–1001');
		expect(line.example.row).toBe(2);
	});

	test('8,000 identical rows read as one line', () => {
		const result = check(Array.from({ length: 8_000 }, () => ['276', '2023', 2023, 2]));
		const lines = groupIssues(result.issues);
		expect(lines.map((l) => (l.kind === 'group' ? l.message.vi : l.issue.code))).toEqual([
			'8.000 dòng: trùng dòng khác trong tệp — dòng 2–8001',
		]);
	});

	test('a few rows with a problem stay one line each, in their order', () => {
		const rows = [
			['99999', '2023', 2023, 2],
			['276', '2023', 2023, -1],
			['88888', '2023', 2023, 2],
		];
		const lines = groupIssues(check(rows).issues);
		expect(
			lines.map((l) => (l.kind === 'issue' ? `${l.issue.row}:${l.issue.code}` : 'group')),
		).toEqual(['2:unknown_unit', '3:negative', '4:unknown_unit']);
	});
});
