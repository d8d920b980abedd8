import { describe, expect, test } from 'vitest';
import { parseCount } from '../../../src/import/numbers.ts';

describe('parseCount: counts written the Vietnamese way', () => {
	test.each([
		['1.143', 1143],
		['12.345.678', 12345678],
		['1 143', 1143],
		['1\u00a0143', 1143],
		['02', 2],
		['0', 0],
		[' 7 ', 7],
		['+5', 5],
	])('%j → %d', (text, value) => {
		expect(parseCount(text)).toEqual({ kind: 'value', value, qualifier: null });
	});

	test('typed spreadsheet numbers: whole numbers pass, others are refused', () => {
		expect(parseCount(1143)).toEqual({ kind: 'value', value: 1143, qualifier: null });
		expect(parseCount(1.5)).toEqual({ kind: 'decimal', text: '1.5' });
		expect(parseCount(-2)).toEqual({ kind: 'negative', text: '-2' });
		expect(parseCount(3e10)).toEqual({ kind: 'too_large', text: '30000000000' });
	});

	test('empty means not reported (NULL), never 0; so do the dashes of printed tables', () => {
		for (const text of [null, '', '   ', '-', '–', '—'])
			expect(parseCount(text)).toEqual({ kind: 'empty' });
	});

	test.each([
		['1,5', 'decimal'],
		['1.5', 'decimal'],
		['0,25', 'decimal'],
		['1.143,5', 'decimal'],
		['1,143', 'ambiguous'],
		['-3', 'negative'],
		['− 3', 'negative'],
		['năm', 'text'],
		['#N/A', 'text'],
		['12a', 'text'],
		['99999999999', 'too_large'],
	])('%j is refused as %s', (text, kind) => {
		expect(parseCount(text)).toEqual({ kind, text });
	});

	test.each([
		['hơn 50', 50, 'at_least'],
		['trên 1.200', 1200, 'at_least'],
		['ít nhất 21', 21, 'at_least'],
		['50+', 50, 'at_least'],
		['khoảng 30', 30, 'approx'],
		['gần 400', 400, 'approx'],
		['~12', 12, 'approx'],
		['xấp xỉ 7', 7, 'approx'],
	])('%j → %d with qualifier %s', (text, value, qualifier) => {
		expect(parseCount(text)).toEqual({ kind: 'value', value, qualifier });
	});
});
