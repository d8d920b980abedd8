import { describe, expect, test } from 'vitest';
import { SHARED_ID } from '../../../../src/notebooks/share.ts';
import {
	defaultChoice,
	firstChoice,
	newNotebookName,
} from '../../../../src/views/notebooks/notebook-choice.ts';

const BUNDLED = ['a-rate', 'b-sessions'];
const OWN = ['20260101-own1', '20260102-own2'];

describe('defaultChoice', () => {
	test('is the first shipped notebook, else the first own one, else none', () => {
		expect(defaultChoice(BUNDLED, OWN)).toBe('a-rate');
		expect(defaultChoice([], OWN)).toBe('20260101-own1');
		expect(defaultChoice([], [])).toBe('');
	});
});

describe('firstChoice', () => {
	test('opens the shared notebook of a link before anything remembered', () => {
		expect(firstChoice('b-sessions', true, BUNDLED, OWN)).toBe(SHARED_ID);
	});

	test('reopens the notebook of the last visit, shipped or own', () => {
		expect(firstChoice('b-sessions', false, BUNDLED, OWN)).toBe('b-sessions');
		expect(firstChoice('20260102-own2', false, BUNDLED, OWN)).toBe('20260102-own2');
	});

	test('falls back to the default when the remembered one is gone or none is remembered', () => {
		expect(firstChoice('20251231-deleted', false, BUNDLED, OWN)).toBe('a-rate');
		expect(firstChoice('', false, BUNDLED, OWN)).toBe('a-rate');
		expect(firstChoice('', false, [], OWN)).toBe('20260101-own1');
		expect(firstChoice('', false, [], [])).toBe('');
	});
});

describe('newNotebookName', () => {
	test('is the base name while no notebook has it', () => {
		expect(newNotebookName('Sổ tay mới', [])).toBe('Sổ tay mới');
		expect(newNotebookName('Sổ tay mới', ['Sổ tay mới 2', 'Khác'])).toBe('Sổ tay mới');
	});

	test('else the base with the first free number from 2', () => {
		expect(newNotebookName('New notebook', ['New notebook'])).toBe('New notebook 2');
		expect(newNotebookName('New notebook', ['New notebook', 'New notebook 2'])).toBe(
			'New notebook 3',
		);
		expect(
			newNotebookName('New notebook', ['New notebook 2', 'New notebook', 'New notebook 4']),
		).toBe('New notebook 3');
	});
});
