import { describe, expect, test } from 'vitest';
import { findNumbers, numberAt } from '../../../src/extract/vn-numbers.ts';

describe('numbers as Vietnamese reports write them', () => {
	test.each([
		['1.143 kiến nghị', 1143],
		['02 phiên', 2],
		['12.345.678 đồng', 12345678],
		['hai kỳ họp', 2],
		['mười kỳ họp', 10],
		['mười hai nghị quyết', 12],
		['mười lăm cuộc', 15],
		['hai mươi mốt phường', 21],
		['ba mươi tư cuộc', 34],
		['năm mươi lăm', 55],
		['một trăm linh năm', 105],
		['hai trăm ba mươi', 230],
	])('%s → %d', (text, value) => {
		expect(numberAt(text, 0)?.value).toBe(value);
	});

	test('a decimal comma is a decimal, and is marked so', () => {
		expect(numberAt('89,2%', 0)).toMatchObject({ value: 89.2, decimal: true });
	});

	test('offsets cover exactly the number', () => {
		const text = 'tổ chức hai mươi mốt kỳ họp và 1.143 lượt';
		const found = findNumbers(text);
		expect(found.map((n) => text.slice(n.start, n.end))).toEqual(['hai mươi mốt', '1.143']);
	});

	test('digits inside dates and document numbers are not read on their own', () => {
		const found = findNumbers('Kế hoạch số 07/KH-TTHĐND ngày 24/9/2019');
		expect(found.map((n) => n.value)).toEqual([7, 24]);
	});
});
