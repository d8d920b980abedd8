import { describe, expect, test } from 'vitest';
import { heatmapGeometry } from '../../../src/charts/heatmap-geometry.ts';

describe('heatmapGeometry', () => {
	test('tells a value, a zero, not reported and a year the unit did not exist apart', () => {
		const values: Record<string, number | null | undefined> = {
			'a|2024': 8,
			'a|2025': undefined, // the old unit no longer exists
			'b|2024': null, // existed, did not report
			'b|2025': 0,
		};
		const { cells, max } = heatmapGeometry(
			{
				rows: [
					{ key: 'a', label: 'A' },
					{ key: 'b', label: 'B' },
				],
				years: [2024, 2025],
				valueAt: (key, year) => values[`${key}|${year}`],
			},
			30,
			20,
		);
		expect(max).toBe(8);
		expect(cells.map((c) => [c.rowKey, c.year, c.x, c.y, c.state, c.value])).toEqual([
			['a', 2024, 0, 0, 'value', 8],
			['a', 2025, 30, 0, 'absent', null],
			['b', 2024, 0, 20, 'missing', null],
			['b', 2025, 30, 20, 'value', 0],
		]);
		const zero = cells[3]!;
		expect(zero.fill).not.toBe('none'); // a reported zero is coloured, unlike a missing cell
		expect(cells[2]!.fill).toBe('none');
		expect(cells[0]!.ink).toBe('#ffffff'); // dark cell, light text
	});
});
