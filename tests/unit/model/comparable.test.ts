import { describe, expect, test } from 'vitest';
import { councilsNote, formNote, resolveForm } from '../../../src/model/comparable.ts';

const crossing = { measure: 'sessions_total' as const, yearFrom: 2019, yearTo: 2026 };

describe('the form shown', () => {
	test('a range across 2025 defaults to per council; within one list to the total', () => {
		expect(resolveForm(null, crossing)).toBe('perCouncil');
		expect(resolveForm(null, { ...crossing, yearTo: 2024 })).toBe('total');
		expect(resolveForm(null, { ...crossing, yearFrom: 2025 })).toBe('total');
	});

	test('the user choice wins, except that a rate stays a rate', () => {
		expect(resolveForm('total', crossing)).toBe('total');
		expect(resolveForm('perCouncil', { ...crossing, yearTo: 2022 })).toBe('perCouncil');
		expect(resolveForm('perCouncil', { ...crossing, measure: 'resolution_rate' })).toBe('total');
	});

	test('every chart says which form and why', () => {
		expect(formNote('perCouncil', crossing)?.vi).toMatch(/Bình quân mỗi HĐND/);
		expect(formNote('total', crossing)?.en).toMatch(/falls at the merger/);
		expect(formNote('total', { ...crossing, yearTo: 2024 })).toBeNull();
		expect(formNote('perCouncil', { ...crossing, measure: 'resolution_rate' })).toBeNull();
	});

	test('a re-aggregated year names its former councils', () => {
		const f = (n: number) => String(n);
		expect(councilsNote(4, 'commune', 2024, 'vi', f)).toBe(
			'trước 01/7/2025: trung bình của 4 HĐND xã cũ',
		);
		expect(councilsNote(2, 'province', 2022, 'en', f)).toBe(
			'before 1 Jul 2025: mean of 2 former province councils',
		);
		expect(councilsNote(1, 'commune', 2025, 'vi', f)).toBeNull();
		expect(councilsNote(120, 'commune', 2025, 'vi', f, true)).toBe('trung bình của 120 HĐND xã');
	});
});
