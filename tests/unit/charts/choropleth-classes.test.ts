import { describe, expect, test } from 'vitest';
import { MISSING_FILL, classify } from '../../../src/charts/choropleth-classes.ts';

describe('classify', () => {
	test('quantile classes of about equal size, light to dark, and the hatch for not reported', () => {
		const values = [...Array.from({ length: 20 }, (_, i) => 20 - i), null];
		const c = classify(values);
		expect(c.classes).toEqual([
			{ min: 1, max: 4, count: 4, fill: 'var(--map-1)' },
			{ min: 5, max: 8, count: 4, fill: 'var(--map-2)' },
			{ min: 9, max: 12, count: 4, fill: 'var(--map-3)' },
			{ min: 13, max: 16, count: 4, fill: 'var(--map-4)' },
			{ min: 17, max: 20, count: 4, fill: 'var(--map-5)' },
		]);
		expect(c.missing).toBe(1);
		expect(c.fillOf(null)).toBe(MISSING_FILL);
		expect(c.fillOf(undefined)).toBe('url(#map-hatch)');
		expect(c.classOf(null)).toBeNull();
		expect([1, 4, 5, 12, 13, 20].map(c.fillOf)).toEqual([
			'var(--map-1)',
			'var(--map-1)',
			'var(--map-2)',
			'var(--map-3)',
			'var(--map-4)',
			'var(--map-5)',
		]);
	});

	test('ties stay in one class; few distinct values spread over the scheme; zero is a value', () => {
		const ties = classify([1, 1, 1, 1, 10, null]);
		expect(ties.classes).toEqual([
			{ min: 1, max: 1, count: 4, fill: 'var(--map-1)' },
			{ min: 10, max: 10, count: 1, fill: 'var(--map-5)' },
		]);
		const three = classify([0, 0, 2, 7, null, null]);
		expect(three.classes.map((k) => [k.min, k.max, k.fill])).toEqual([
			[0, 0, 'var(--map-1)'],
			[2, 2, 'var(--map-3)'],
			[7, 7, 'var(--map-5)'],
		]);
		expect(three.fillOf(0)).toBe('var(--map-1)');
		expect(three.missing).toBe(2);
		expect(classify([3, 3]).classes).toEqual([{ min: 3, max: 3, count: 2, fill: 'var(--map-3)' }]);
	});

	test('nothing reported: no classes, every province hatched', () => {
		const none = classify([null, null, null]);
		expect(none.classes).toEqual([]);
		expect(none.missing).toBe(3);
		expect(none.fillOf(null)).toBe(MISSING_FILL);
	});
});
