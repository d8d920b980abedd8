import { describe, expect, test } from 'vitest';
import {
	drillResult,
	formatCoverageRatio,
	mapResult,
	rankProvinces,
	type DrillRow,
	type ProvinceRow,
	type UnitNames,
} from '../../../../src/views/map/map-rows.ts';

const NAMES: Record<string, string> = {
	'2023:01': 'Thành phố Hà Nội',
	'2023:31': 'Thành phố Hải Phòng',
	'2023:79': 'Thành phố Hồ Chí Minh',
	'2023:001': 'Quận Ba Đình',
	'2023:002': 'Quận Hoàn Kiếm',
	'2023:003': 'Quận Tây Hồ',
};
const units: UnitNames = {
	label: (key) => NAMES[key] ?? key,
	compareLabels: (a, b) => a.localeCompare(b, 'vi'),
};

const province = (over: Partial<ProvinceRow>): ProvinceRow => ({
	unit_key: '2023:01',
	province_code: '01',
	value: 4,
	reporting_units: 30,
	units: 30,
	any_simulated: true,
	any_reported: false,
	any_approx: false,
	...over,
});

describe('mapResult', () => {
	test('takes the scheme from the keys of the rows', () => {
		const rows = [province({ unit_key: '2025:01' })];
		expect(mapResult(rows)).toEqual({ scheme: '2025', rows });
	});

	test('has no scheme without rows', () => {
		expect(mapResult([])).toEqual({ scheme: null, rows: [] });
	});
});

describe('rankProvinces', () => {
	test('ranks by value with ties sharing a rank, named, the missing last without a rank', () => {
		const ranked = rankProvinces(
			[
				province({ unit_key: '2023:79', province_code: '79', value: null }),
				province({ unit_key: '2023:31', province_code: '31', value: 6, any_reported: true }),
				province({ unit_key: '2023:01', province_code: '01', value: 6, any_approx: true }),
			],
			units,
		);
		expect(ranked).toEqual([
			{
				key: '2023:01',
				label: 'Thành phố Hà Nội',
				value: 6,
				reported: false,
				approx: true,
				rank: 1,
			},
			{
				key: '2023:31',
				label: 'Thành phố Hải Phòng',
				value: 6,
				reported: true,
				approx: false,
				rank: 1,
			},
			{
				key: '2023:79',
				label: 'Thành phố Hồ Chí Minh',
				value: null,
				reported: false,
				approx: false,
				rank: null,
			},
		]);
	});
});

describe('formatCoverageRatio', () => {
	test('reads units reporting over units, in the language shown', () => {
		expect(formatCoverageRatio(province({ reporting_units: 57, units: 1064 }), 'vi')).toBe(
			'57/1.064',
		);
		expect(formatCoverageRatio(province({ reporting_units: 57, units: 1064 }), 'en')).toBe(
			'57/1,064',
		);
	});

	test('is 0/0 for a province without a row', () => {
		expect(formatCoverageRatio(undefined, 'vi')).toBe('0/0');
	});
});

describe('drillResult', () => {
	const unit = (over: Partial<DrillRow>): DrillRow => ({
		unit_key: '2023:001',
		value: 3,
		source_kind: 'simulated',
		approx: false,
		...over,
	});

	test('ranks the units, marks estimates and reported figures, and keeps the query it answers', () => {
		const result = drillResult(
			'SELECT 1',
			[
				unit({ unit_key: '2023:003', value: null, source_kind: null }),
				unit({ unit_key: '2023:002', value: 5, source_kind: 'reported', approx: true }),
				unit({ unit_key: '2023:001', value: 3 }),
			],
			units,
		);
		expect(result).toEqual({
			sql: 'SELECT 1',
			rows: [
				{
					key: '2023:002',
					label: 'Quận Hoàn Kiếm',
					value: 5,
					reported: true,
					approx: true,
					rank: 1,
				},
				{
					key: '2023:001',
					label: 'Quận Ba Đình',
					value: 3,
					reported: false,
					approx: false,
					rank: 2,
				},
				{
					key: '2023:003',
					label: 'Quận Tây Hồ',
					value: null,
					reported: false,
					approx: false,
					rank: null,
				},
			],
			simulated: true,
			reported: true,
		});
	});

	test('says no kind of source for no rows', () => {
		expect(drillResult('', [], units)).toEqual({
			sql: '',
			rows: [],
			simulated: false,
			reported: false,
		});
	});
});
