import { describe, expect, test } from 'vitest';
import { Lineage } from '../../../src/model/lineage.ts';
import { UnitIndex, type UnitRowInput } from '../../../src/model/unit-index.ts';

const unit = (
	scheme: string,
	code: string,
	level: string,
	parent: string | null,
	province2025: string,
): UnitRowInput => ({
	code,
	scheme,
	name: code,
	name_with_type: `${level} ${code}`,
	type: 'xa',
	level,
	parent_code: parent,
	province_code: code.slice(0, 2),
	province_2025: province2025,
});

// Old provinces 01 and 02 became new 01; old district 001 (communes 00101, 00102) and 002 (00104);
// 00101 and 00102 merged whole into 00001; 00104 was split between 00002 and 00003.
const units = new UnitIndex([
	unit('2023', '01', 'province', null, '01'),
	unit('2023', '02', 'province', null, '01'),
	unit('2023', '001', 'district', '01', '01'),
	unit('2023', '002', 'district', '02', '01'),
	unit('2023', '00101', 'commune', '001', '01'),
	unit('2023', '00102', 'commune', '001', '01'),
	unit('2023', '00104', 'commune', '002', '01'),
	unit('2025', '01', 'province', null, '01'),
	unit('2025', '00001', 'commune', '01', '01'),
	unit('2025', '00002', 'commune', '01', '01'),
	unit('2025', '00003', 'commune', '01', '01'),
]);
const lineage = new Lineage(
	[
		{ old_code: '00101', new_code: '00001' },
		{ old_code: '00102', new_code: '00001' },
		{ old_code: '00104', new_code: '00002' },
		{ old_code: '00104', new_code: '00003' },
	],
	units,
);

describe('units across the two lists', () => {
	test('a merged commune has its predecessors; each predecessor the one successor', () => {
		expect(lineage.predecessors('2025:00001')).toEqual(['2023:00101', '2023:00102']);
		expect(lineage.successors('2023:00102')).toEqual(['2025:00001']);
	});

	test('a split commune goes to both new communes', () => {
		expect(lineage.successors('2023:00104')).toEqual(['2025:00002', '2025:00003']);
	});

	test('provinces follow the province merge; an old district its communes', () => {
		expect(lineage.predecessors('2025:01')).toEqual(['2023:01', '2023:02']);
		expect(lineage.successors('2023:02')).toEqual(['2025:01']);
		expect(lineage.successors('2023:001')).toEqual(['2025:00001']);
	});

	test('a unit of the scheme asked is its own counterpart', () => {
		expect(lineage.counterparts('2025:00002', '2025')).toEqual(['2025:00002']);
		expect(lineage.counterparts('2025:00002', '2023')).toEqual(['2023:00104']);
		expect(lineage.counterparts('nonsense', '2023')).toEqual([]);
	});
});
