import { describe, expect, test } from 'vitest';
import {
	CELL_HEIGHT,
	gridSize,
	HEADER_HEIGHT,
	LABEL_WIDTH,
} from '../../../../../src/views/data/coverage/coverage-grid.ts';

describe('gridSize', () => {
	test('a few years: cells widen up to 96', () => {
		expect(gridSize(1, 3)).toEqual({ cellWidth: 96, width: 230 + 96, height: 18 + 3 * 15 });
		expect(gridSize(4, 30).cellWidth).toBe(96);
	});

	test('in between, the years share about 1000 units, rounded down', () => {
		expect(gridSize(11, 2).cellWidth).toBe(90);
		expect(gridSize(12, 2).cellWidth).toBe(83);
		expect(gridSize(12, 2).width).toBe(LABEL_WIDTH + 12 * 83);
	});

	test('many years: cells keep at least 40', () => {
		expect(gridSize(25, 0).cellWidth).toBe(40);
		expect(gridSize(40, 0)).toEqual({
			cellWidth: 40,
			width: LABEL_WIDTH + 1600,
			height: HEADER_HEIGHT,
		});
	});

	test('the height is the header and one row per unit', () => {
		expect(gridSize(8, 400).height).toBe(HEADER_HEIGHT + 400 * CELL_HEIGHT);
	});
});
