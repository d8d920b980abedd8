import { describe, expect, test } from 'vitest';
import type { UnitInfo } from '../../../../src/model/unit-index.ts';
import { packKey, subunitKinds } from '../../../../src/views/briefing/briefing-pack.ts';

describe('packKey', () => {
	test('is the unit and the period key, as the page and its tests read data-pack-key', () => {
		expect(packKey('2023:276', { kind: 'year', year: 2022 })).toBe('2023:276|2022');
		expect(packKey('2023:276', { kind: 'h1', year: 2024 })).toBe('2023:276|2024-h1');
		expect(packKey('2025:00004', { kind: 'quarter', year: 2025, quarter: 3 })).toBe(
			'2025:00004|2025-q3',
		);
	});

	test('tells two periods of one unit apart', () => {
		expect(packKey('2023:276', { kind: 'year', year: 2022 })).not.toBe(
			packKey('2023:276', { kind: 'year', year: 2023 }),
		);
	});

	test('is null without a unit', () => {
		expect(packKey(null, { kind: 'year', year: 2022 })).toBeNull();
		expect(packKey('', { kind: 'year', year: 2022 })).toBeNull();
	});
});

describe('subunitKinds', () => {
	const commune: UnitInfo = {
		key: '2023:10123',
		code: '10123',
		scheme: '2023',
		name: 'Bình Yên',
		nameWithType: 'Xã Bình Yên',
		type: 'xa',
		level: 'commune',
		parentKey: '2023:276',
		provinceCode: '01',
		province2025: '01',
	};
	const kinds = subunitKinds(new Map([[commune.key, commune]]));

	test('gives only the level and type of a known unit', () => {
		expect(kinds('2023:10123')).toEqual({ level: 'commune', type: 'xa' });
	});

	test('gives undefined for a key not known', () => {
		expect(kinds('2023:99999')).toBeUndefined();
	});
});
