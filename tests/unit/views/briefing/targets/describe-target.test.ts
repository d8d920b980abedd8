import { describe, expect, test } from 'vitest';
import type { Target } from '../../../../../src/targets/target.ts';
import { describeTarget } from '../../../../../src/views/briefing/targets/describe-target.ts';

const HEARINGS: Target = {
	id: 't1',
	label: 'Mỗi HĐND xã tổ chức ít nhất 1 phiên giải trình trong năm',
	metric: 'explanatory_hearings',
	level: 'commune',
	unitTypes: ['xa', 'phuong'],
	units: [],
	period: 'year',
	threshold: 1,
};

describe('describeTarget', () => {
	test('says the metric, threshold, level with its unit types, and period in either language', () => {
		const vi = describeTarget(HEARINGS, 'vi');
		expect(vi).toMatch(/^.+ ≥ 1 · Cấp xã \(Xã, Phường\) · .+$/);
		const en = describeTarget(HEARINGS, 'en');
		expect(en).toMatch(/^.+ ≥ 1 · Commune \(Commune, Ward\) · .+$/);
		expect(en).not.toBe(vi);
	});

	test('says any level, and no brackets, for a target of every unit', () => {
		const text = describeTarget({ ...HEARINGS, level: null, unitTypes: [] }, 'en');
		expect(text).toContain(' · Any level · ');
		expect(text).not.toContain('(');
	});

	test('shows a unit type without a label as written', () => {
		expect(describeTarget({ ...HEARINGS, unitTypes: ['khu-moi'] }, 'en')).toContain(
			'Commune (khu-moi)',
		);
	});
});
