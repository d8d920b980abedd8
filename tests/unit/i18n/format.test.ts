import { describe, expect, test } from 'vitest';
import {
	formatChange,
	formatDate,
	formatNumber,
	formatPercent,
	formatYearSpan,
	interpolate,
} from '../../../src/i18n/format.ts';
import { en, vi } from '../../../src/i18n/messages.ts';

describe('formatNumber remembers what it wrote', () => {
	test('every value is written as Intl writes it, the first time and again, in both languages', () => {
		const values = [
			0, -0, 1, -1, 7, 999, 1000, 1234.5, 1234.56, -98765.4321, 0.04, 0.05, 1e9, 12.25,
		];
		for (const lang of ['vi', 'en'] as const) {
			const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
			for (const digits of [0, 1, 2]) {
				const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
				for (let round = 0; round < 2; round++) {
					for (const value of values)
						expect(formatNumber(value, lang, digits)).toBe(intl.format(value));
				}
			}
		}
		expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
		expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
	});
});

describe('Vietnamese number and date forms', () => {
	test('thousands with dots, decimals with a comma', () => {
		expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
		expect(formatNumber(1143, 'vi', 0)).toBe('1.143');
		expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
	});

	test('percentages with one decimal: 89,2%', () => {
		expect(formatPercent(0.892, 'vi')).toBe('89,2%');
		expect(formatChange(0.125, 'vi')).toBe('+12,5%');
		expect(formatChange(-0.03, 'vi')).toMatch(/^[-−]3,0%$/);
	});

	test('dates as 23/11/2026', () => {
		expect(formatDate('2026-11-23', 'vi')).toBe('23/11/2026');
		expect(formatDate(new Date(2023, 0, 11), 'vi')).toBe('11/01/2023');
	});

	test('a span of years: one year alone, several with an en dash', () => {
		expect(formatYearSpan(2024, 2024)).toBe('2024');
		expect(formatYearSpan(2019, 2024)).toBe('2019–2024');
	});

	test('not reported is a dash, never zero', () => {
		expect(formatNumber(null, 'vi')).toBe('—');
		expect(formatPercent(undefined, 'vi')).toBe('—');
		expect(formatChange(Number.NaN, 'vi')).toBe('—');
		expect(formatNumber(0, 'vi')).toBe('0');
	});
});

describe('message catalogues', () => {
	test('English has every Vietnamese key, with the same placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
		for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
			const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(names(en[key]), key).toEqual(names(vi[key]));
		}
	});

	test('placeholders are filled by name', () => {
		expect(interpolate('{n}/{total} đơn vị', { n: 3, total: 34 })).toBe('3/34 đơn vị');
		expect(interpolate('{missing}', {})).toBe('{missing}');
	});
});
