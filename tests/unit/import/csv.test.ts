import { describe, expect, test } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../../src/import/csv.ts';

describe('CSV', () => {
	test('the separator is found: comma, semicolon or tab', () => {
		expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
		expect(sniffDelimiter('a;b;c\n1;"2,5";3\n')).toBe(';');
		expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
		// Commas inside quotes do not count.
		expect(sniffDelimiter('"Tổng, của HĐND";b\n"x, y, z";2\n')).toBe(';');
		expect(sniffDelimiter('one column\n1\n')).toBe(',');
	});

	test('quoted fields keep commas, quotes and line breaks', () => {
		expect(parseCsv('a,b\n"1,5","say ""hi""\nthere"\n')).toEqual([
			['a', 'b'],
			['1,5', 'say "hi"\nthere'],
		]);
	});

	test('a byte-order mark left in the text is not part of the first header', () => {
		expect(parseCsv('\ufeffMã đơn vị,Năm\n276,2023\n')[0]).toEqual(['Mã đơn vị', 'Năm']);
	});
});
