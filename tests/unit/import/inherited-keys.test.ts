/**
 * Words a plain object inherits ("constructor", "__proto__", "toString"…) in every field of an import:
 * read and checked without throwing, refused where the field wants a known word, kept as plain text
 * where any text will do, and never turned into a function or an object in an accepted row.
 */
import { describe, expect, test } from 'vitest';
import { IMPORT_COLUMNS, autoMapping } from '../../../src/import/columns.ts';
import { readImportFile } from '../../../src/import/read.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { validateRows } from '../../../src/import/validate.ts';
import { INHERITED_KEYS } from '../../helpers/hostile.ts';
import { UNITS } from '../../helpers/import-fixtures.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

const units = new UnitCatalog(UNITS);
const options = { decodeParquet: decodeParquetNode };

/** A valid row of the template: Thạch Thất's 2023 figures. */
const GOOD: Record<string, string> = {
	unit_code: '276',
	unit_name: 'Huyện Thạch Thất',
	scheme: '2023',
	year: '2023',
	period: 'Cả năm',
	month: '',
	term: '',
	scope: 'Của chính HĐND cấp này',
	qualifier: '',
	note: 'theo báo cáo năm',
	sessions_regular: '2',
};

/** The codes a field refuses an unknown word with; absent: any text is kept (name, note). */
const REFUSED_WITH: Record<string, string> = {
	unit_code: 'unknown_unit',
	scheme: 'invalid_scheme',
	year: 'invalid_year',
	period: 'invalid_period',
	month: 'invalid_month',
	term: 'invalid_term',
	scope: 'invalid_scope',
	qualifier: 'invalid_qualifier',
};

const headers = IMPORT_COLUMNS.map((c) => c.header.vi);

function rowWith(column: string, word: string): string[] {
	return IMPORT_COLUMNS.map((c) => (c.id === column ? word : (GOOD[c.id] ?? '')));
}

/** Every value of an accepted row is a plain string, number or null: nothing from a prototype. */
function expectPlain(fact: object): void {
	for (const [key, value] of Object.entries(fact)) {
		if (key === 'values') {
			for (const v of Object.values(value as object))
				expect(v === null || Number.isInteger(v)).toBe(true);
		} else {
			expect(['string', 'number', 'object'].includes(typeof value), key).toBe(true);
			if (typeof value === 'object') expect(value).toBeNull();
		}
	}
}

describe.each(INHERITED_KEYS)('"%s"', (word) => {
	test.each(IMPORT_COLUMNS.map((c) => c.id))('in the %s column', (column) => {
		const result = validateRows({
			sheet: { headerRow: 1, headers, rows: [{ number: 2, cells: rowWith(column, word) }] },
			mapping: autoMapping(headers),
			units,
		});
		const refused = REFUSED_WITH[column];
		const isMetric = IMPORT_COLUMNS.find((c) => c.id === column)!.count;
		if (refused || isMetric) {
			expect(result.accepted).toEqual([]);
			expect(result.rejectedRows).toEqual([2]);
			const codes = result.issues.map((i) => i.code);
			expect(codes).toContain(refused ?? 'not_a_number');
		} else {
			expect(result.rejectedRows).toEqual([]);
			expect(result.accepted).toHaveLength(1);
		}
		for (const fact of result.accepted) expectPlain(fact);
		for (const issue of result.issues) {
			expect(typeof issue.message.vi).toBe('string');
			expect(typeof issue.message.en).toBe('string');
		}
	});

	test('as a header: an ignored column, nothing else', () => {
		const withWord = [...headers, word];
		const result = validateRows({
			sheet: {
				headerRow: 1,
				headers: withWord,
				rows: [{ number: 2, cells: [...rowWith('', ''), 'x'] }],
			},
			mapping: autoMapping(withWord),
			units,
		});
		expect(autoMapping(withWord).at(-1)).toBeNull();
		expect(result.accepted).toHaveLength(1);
		expect(result.issues.map((i) => i.code)).toEqual(['ignored_column']);
	});
});

describe('the file of issue 16 that crashed the checker', () => {
	test('"constructor" as the qualifier next to "khoảng 5" is refused, with a message', async () => {
		const bytes = new TextEncoder().encode(
			'Tính chất số liệu,Kỳ họp thường lệ\nconstructor,khoảng 5',
		);
		const read = await readImportFile(bytes, options);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const result = validateRows({
			sheet: read.sheet,
			mapping: autoMapping(read.sheet.headers),
			units,
		});
		expect(result.rejectedRows).toEqual([2]);
		expect(result.issues.map((i) => i.code)).toContain('invalid_qualifier');
		expect(result.issues.find((i) => i.code === 'invalid_qualifier')?.message.vi).toBe(
			'Tính chất số liệu "constructor" không hợp lệ: để trống, hoặc ghi "ít nhất" hay "khoảng".',
		);
	});
});
