import { describe, expect, test } from 'vitest';
import { rankRows, rankingGeometry } from '../../../src/charts/ranking-geometry.ts';
import { compareVietnamese } from '../../../src/model/text.ts';

const units = [
	{ key: 'a', label: 'Xã Đông', value: 4 },
	{ key: 'b', label: 'Xã An', value: 10 },
	{ key: 'c', label: 'Xã Bình', value: null },
	{ key: 'd', label: 'Xã Cát', value: 4 },
	{ key: 'e', label: 'Xã Ân', value: 0 },
];

describe('rankRows', () => {
	test('orders by value, ties by Vietnamese name, and ties share a rank', () => {
		const rows = rankRows(units, compareVietnamese);
		expect(rows.map((r) => [r.key, r.rank])).toEqual([
			['b', 1],
			['d', 2], // Cát before Đông
			['a', 2],
			['e', 4],
			['c', null], // not reported goes last, with no rank
		]);
	});
});

describe('rankingGeometry', () => {
	test('bar lengths are proportional on a nice scale; a zero is a zero bar, a missing value no bar', () => {
		const geometry = rankingGeometry(rankRows(units, compareVietnamese), 200, 20);
		expect(geometry.bars.map((b) => [b.key, b.y, b.width, b.missing])).toEqual([
			['b', 0, 200, false],
			['d', 20, 80, false],
			['a', 40, 80, false],
			['e', 60, 0, false],
			['c', 80, 0, true],
		]);
		expect(geometry.height).toBe(100);
		expect(geometry.ticks.map((t) => [t.value, t.x])).toEqual([
			[0, 0],
			[2, 40],
			[4, 80],
			[6, 120],
			[8, 160],
			[10, 200],
		]);
	});

	test('all units unreported still draws, on a unit scale', () => {
		const geometry = rankingGeometry([{ key: 'x', label: 'X', value: null, rank: null }], 100, 10);
		expect(geometry.bars[0]).toMatchObject({ missing: true, width: 0 });
	});
});
