import { describe, expect, test } from 'vitest';
import type { ExtractedPeriod } from '../../../../src/extract/types.ts';
import {
	formatFigureValue,
	formatIsoDate,
	formatPeriod,
	parseDayMonthYear,
	parseFigureValue,
} from '../../../../src/views/extract/figure-text.ts';

const period = (p: Partial<ExtractedPeriod>): ExtractedPeriod => ({
	kind: 'year',
	year: 2022,
	month: null,
	quarter: null,
	term: null,
	from: null,
	to: null,
	basis: 'sentence',
	...p,
});

describe('figure text', () => {
	test('values are written the Vietnamese way, the rate with its percent sign', () => {
		expect(formatFigureValue(1143, 'petitions_received', 'vi')).toBe('1.143');
		expect(formatFigureValue(89.2, 'petition_resolution_rate', 'vi')).toBe('89,2%');
		expect(formatFigureValue(1143, 'petitions_received', 'en')).toBe('1,143');
	});

	test('typed values: counts as offices write them, rates with a decimal comma', () => {
		expect(parseFigureValue('1.143', 'petitions_received')).toBe(1143);
		expect(parseFigureValue('02', 'sessions_regular')).toBe(2);
		expect(parseFigureValue('1,5', 'supervisions')).toBeNull();
		expect(parseFigureValue('hơn 50', 'supervisions')).toBeNull();
		expect(parseFigureValue('', 'supervisions')).toBeNull();
		expect(parseFigureValue('89,2 %', 'petition_resolution_rate')).toBe(89.2);
		expect(parseFigureValue('100', 'petition_resolution_rate')).toBe(100);
		expect(parseFigureValue('120', 'petition_resolution_rate')).toBeNull();
	});

	test('dates typed as dd/mm/yyyy become ISO; impossible dates are refused', () => {
		expect(parseDayMonthYear('20/12/2022')).toBe('2022-12-20');
		expect(parseDayMonthYear('1.7.2025')).toBe('2025-07-01');
		expect(parseDayMonthYear('  ')).toBeNull();
		expect(parseDayMonthYear('31/02/2022')).toBeUndefined();
		expect(parseDayMonthYear('2022-12-20')).toBeUndefined();
		expect(formatIsoDate('2022-12-20')).toBe('20/12/2022');
		expect(formatIsoDate(null)).toBe('');
	});

	test('periods in words', () => {
		expect(formatPeriod(period({}), 'vi')).toBe('năm 2022');
		expect(formatPeriod(period({ kind: 'h1', year: 2023 }), 'vi')).toBe('6 tháng đầu năm 2023');
		expect(formatPeriod(period({ kind: 'month', month: 3, year: 2024 }), 'vi')).toBe(
			'tháng 3/2024',
		);
		expect(formatPeriod(period({ kind: 'term', year: null, term: '2021-2026' }), 'vi')).toBe(
			'nhiệm kỳ 2021-2026',
		);
		expect(
			formatPeriod(period({ kind: 'span', year: null, from: null, to: '2024-06-30' }), 'vi'),
		).toBe('từ … đến 30/06/2024');
	});
});
