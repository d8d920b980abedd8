import { describe, expect, test } from 'vitest';
import {
	drillAfterToggle,
	initialDrill,
	provinceOfScheme,
} from '../../../../src/views/map/province-keys.ts';

describe('provinceOfScheme', () => {
	test('is the key of a province of the scheme shown', () => {
		expect(provinceOfScheme('2023:01', '2023')).toBe('2023:01');
		expect(provinceOfScheme('2025:01', '2025')).toBe('2025:01');
	});

	test('is null for a province of the other scheme, a district or commune, a bad key or none', () => {
		expect(provinceOfScheme('2025:01', '2023')).toBeNull();
		expect(provinceOfScheme('2023:001', '2023')).toBeNull();
		expect(provinceOfScheme('2023:00004', '2023')).toBeNull();
		expect(provinceOfScheme('01', '2023')).toBeNull();
		expect(provinceOfScheme(null, '2023')).toBeNull();
	});
});

describe('initialDrill', () => {
	const none = { selected: [], focus: null, province: null };

	test('opens the focused unit first, if it is a province of the map', () => {
		expect(
			initialDrill({ selected: ['2023:31'], focus: '2023:01', province: '2023:79' }, '2023'),
		).toBe('2023:01');
	});

	test('else the last province chosen, skipping other units and the other scheme', () => {
		expect(
			initialDrill(
				{
					selected: ['2023:31', '2023:79', '2023:001', '2025:01'],
					focus: '2023:001',
					province: '2023:01',
				},
				'2023',
			),
		).toBe('2023:79');
	});

	test("else the filter's province, else none", () => {
		expect(initialDrill({ ...none, province: '2025:04' }, '2025')).toBe('2025:04');
		expect(initialDrill({ ...none, province: '2023:01' }, '2025')).toBeNull();
		expect(initialDrill(none, '2025')).toBeNull();
	});
});

describe('drillAfterToggle', () => {
	test('choosing a province opens it, in place of the one open', () => {
		expect(drillAfterToggle(null, '2023:01', false)).toBe('2023:01');
		expect(drillAfterToggle('2023:31', '2023:01', false)).toBe('2023:01');
	});

	test('letting go of the open province closes it; of another, leaves the open one', () => {
		expect(drillAfterToggle('2023:01', '2023:01', true)).toBeNull();
		expect(drillAfterToggle('2023:31', '2023:01', true)).toBe('2023:31');
		expect(drillAfterToggle(null, '2023:01', true)).toBeNull();
	});
});
