import { describe, expect, test } from 'vitest';
import { contrast, over, parseColour, simulate, toHex } from '../../../src/ui/colour.ts';
import { inkOn } from '../../../src/charts/heatmap-geometry.ts';

describe('colour arithmetic', () => {
	test('parses the forms computed styles and palettes use', () => {
		expect(parseColour('#fff')).toEqual([255, 255, 255, 1]);
		expect(parseColour('#0072B2')).toEqual([0, 114, 178, 1]);
		expect(parseColour('rgb(27, 31, 36)')).toEqual([27, 31, 36, 1]);
		expect(parseColour('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
		expect(parseColour('rgb(0 0 0 / 0.15)')).toEqual([0, 0, 0, 0.15]);
		expect(parseColour('var(--ink)')).toBeNull();
	});

	test('WCAG contrast of known pairs', () => {
		expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
		expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
		expect(toHex(over([0, 0, 0, 0.5], [255, 255, 255]))).toBe('#808080');
	});

	test('grey stays grey for every deficiency; red and green merge for deuteranopes', () => {
		const grey = simulate([128, 128, 128], 'deuteranopia');
		expect(Math.max(...grey) - Math.min(...grey)).toBeLessThan(2);
		const red = simulate([200, 60, 40], 'deuteranopia');
		const green = simulate([90, 150, 40], 'deuteranopia');
		expect(Math.abs(red[0] - green[0])).toBeLessThan(60);
	});

	test('heatmap labels take the ink with more contrast on their cell', () => {
		expect(inkOn('rgb(8, 48, 107)')).toBe('#ffffff');
		expect(inkOn('rgb(222, 235, 247)')).toBe('#1b1b1b');
		// The middle of the blues: white would be under 4.5:1 there.
		const middle = 'rgb(91, 163, 208)';
		expect(
			contrast([91, 163, 208], inkOn(middle) === '#ffffff' ? [255, 255, 255] : [27, 27, 27]),
		).toBeGreaterThan(4.5);
	});
});
