/**
 * What the target form starts from and the unit types it offers, with the rule of its type boxes.
 */
import type { Target } from '../../../targets/target.ts';

/** A new target as the form first shows it; a fresh object each time, as the form edits it in place. */
export function blankTarget(): Target {
	return {
		id: '',
		label: '',
		metric: 'explanatory_hearings',
		level: 'commune',
		unitTypes: [],
		units: [],
		period: 'year',
		threshold: 1,
	};
}

/**
 * The unit types a target can be limited to, level by level from the commune up (UNIT_TYPE_LABELS starts at
 * the province).
 */
export const UNIT_TYPE_CHOICES = [
	'xa',
	'phuong',
	'thi-tran',
	'dac-khu',
	'huyen',
	'quan',
	'thi-xa',
	'thanh-pho',
	'tinh',
];

/** The unit types once one box is ticked (added at the end) or cleared. */
export function withUnitType(types: readonly string[], type: string, checked: boolean): string[] {
	return checked ? [...types, type] : types.filter((u) => u !== type);
}
