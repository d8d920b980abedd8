import { describe, expect, test } from 'vitest';
import {
	mediansTable,
	multiplesTable,
	subjectFilters,
} from '../../../../src/views/compare/peer-figures.ts';

const format = (value: number | null) => (value === null ? '—' : value.toFixed(1));

describe('subjectFilters', () => {
	const units2025 = { basis: 'units2025' as const, measure: 'sessions', yearTo: 2025 };

	test('compares an old unit as it reported: the 2025 units have none of its figures', () => {
		expect(subjectFilters(units2025, '2023')).toEqual({ ...units2025, basis: 'reported' });
		// The view's own filters are left as they are.
		expect(units2025.basis).toBe('units2025');
	});

	test('keeps the filters of a 2025 unit, of no unit, and of an old unit already as reported', () => {
		expect(subjectFilters(units2025, '2025')).toBe(units2025);
		expect(subjectFilters(units2025, undefined)).toBe(units2025);
		const reported = { ...units2025, basis: 'reported' as const };
		expect(subjectFilters(reported, '2023')).toBe(reported);
	});
});

describe('mediansTable', () => {
	test('a row per year with each line in the order given, missing values empty', () => {
		const table = mediansTable(
			[2023, 2024, 2025],
			[
				{ label: 'Huyện Thạch Thất', values: [4, null, 6] },
				{ label: 'Trung vị Thành phố Hà Nội', values: [5, 5] },
			],
			'Năm',
			format,
		);
		expect(table.columns.map((c) => c.label)).toEqual([
			'Năm',
			'Huyện Thạch Thất',
			'Trung vị Thành phố Hà Nội',
		]);
		// The years are plain numbers; the lines' values are formatted as the measure.
		expect(table.columns[0]!.format).toBeUndefined();
		expect(table.columns[1]!.format).toBe(format);
		expect(table.rows).toEqual([
			[2023, 4, 5],
			[2024, null, 5],
			[2025, 6, null],
		]);
	});
});

describe('multiplesTable', () => {
	test('a row per peer in the order given, a column per year', () => {
		const table = multiplesTable(
			[2023, 2024],
			[
				{ label: 'Huyện Phúc Thọ', values: [8, 7] },
				{ label: 'Huyện Ba Vì', values: [null, 6] },
			],
			'Đơn vị',
			format,
		);
		expect(table.columns.map((c) => c.label)).toEqual(['Đơn vị', '2023', '2024']);
		expect(table.columns[0]!.format).toBeUndefined();
		expect(table.columns[2]!.format).toBe(format);
		expect(table.rows).toEqual([
			['Huyện Phúc Thọ', 8, 7],
			['Huyện Ba Vì', null, 6],
		]);
	});
});
