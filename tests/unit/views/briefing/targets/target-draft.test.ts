import { describe, expect, test } from 'vitest';
import { UNIT_TYPE_LABELS } from '../../../../../src/model/units.ts';
import { targetProblem } from '../../../../../src/targets/target.ts';
import {
	UNIT_TYPE_CHOICES,
	blankTarget,
	withUnitType,
} from '../../../../../src/views/briefing/targets/target-draft.ts';

describe('blankTarget', () => {
	test('is one hearing a year for communes of any type, refused only for its missing name', () => {
		expect(blankTarget()).toEqual({
			id: '',
			label: '',
			metric: 'explanatory_hearings',
			level: 'commune',
			unitTypes: [],
			units: [],
			period: 'year',
			threshold: 1,
		});
		expect(targetProblem(blankTarget())?.en).toBe('The target needs a name.');
		expect(targetProblem({ ...blankTarget(), label: 'x' })).toBeNull();
	});

	test('is a new object each time, so editing one draft leaves the next alone', () => {
		const first = blankTarget();
		first.unitTypes.push('xa');
		expect(blankTarget().unitTypes).toEqual([]);
	});
});

describe('UNIT_TYPE_CHOICES', () => {
	test('offers every labelled unit type once, communes first and the province last', () => {
		expect([...UNIT_TYPE_CHOICES].sort()).toEqual(Object.keys(UNIT_TYPE_LABELS).sort());
		expect(UNIT_TYPE_CHOICES[0]).toBe('xa');
		expect(UNIT_TYPE_CHOICES.at(-1)).toBe('tinh');
	});
});

describe('withUnitType', () => {
	test('adds a ticked type at the end and takes a cleared one out, without changing the list given', () => {
		const types = ['xa', 'phuong'];
		expect(withUnitType(types, 'thi-tran', true)).toEqual(['xa', 'phuong', 'thi-tran']);
		expect(withUnitType(types, 'xa', false)).toEqual(['phuong']);
		expect(withUnitType(types, 'huyen', false)).toEqual(['xa', 'phuong']);
		expect(types).toEqual(['xa', 'phuong']);
	});
});
