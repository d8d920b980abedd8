import { describe, expect, test } from 'vitest';
import { trendGeometry } from '../../../src/charts/trend-geometry.ts';

const size = { width: 340, height: 120, margin: { top: 10, right: 20, bottom: 10, left: 20 } };

describe('trendGeometry', () => {
	test('a year not reported breaks the line instead of dropping to zero', () => {
		const geometry = trendGeometry(
			[2020, 2021, 2022, 2023],
			[{ key: 'u', label: 'U', values: [10, null, 5, 0] }],
			size,
		);
		// x: four points over 20..320 px with padding 0.3 (step 83.33): 45, 128.33, 211.67, 295.
		// y: 0..10 over 110..10 px. The isolated first point is its own sub-path (M…Z), then a gap.
		const line = geometry.lines[0]!;
		expect(line.d).toBe('M45,10Z' + 'M211.667,60L295,110');
		expect(line.points.map((p) => [p.year, p.value])).toEqual([
			[2020, 10],
			[2022, 5],
			[2023, 0],
		]);
		expect(line.points[2]!.cy).toBe(110); // a reported zero sits on the axis
	});

	test('ticks cover the years and a nice value range', () => {
		const geometry = trendGeometry([2024, 2025], [{ key: 'u', label: 'U', values: [3, 7] }], size);
		expect(geometry.xTicks.map((t) => t.year)).toEqual([2024, 2025]);
		expect(geometry.yTicks.at(0)).toEqual({ value: 0, y: 110 });
		expect(geometry.yTicks.at(-1)).toEqual({ value: 7, y: 10 });
	});
});
