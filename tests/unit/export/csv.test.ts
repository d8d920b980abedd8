import {
	tableFromArrays,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
	Table,
	Utf8,
	Float64,
	Int32,
} from 'apache-arrow';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { BOM, csvField, tableToCsv } from '../../../src/export/csv.ts';
import { columnValues, resultColumns } from '../../../src/export/result-columns.ts';

function sample(): Table {
	return new Table({
		name: vectorFromArray(['Thạch Thất', 'a,b', 'say "hi"', 'line\nbreak', null], new Utf8()),
		n: vectorFromArray([1, null, 3, 1234, 0], new Int32()),
		rate: vectorFromArray([0.5, 1234.5, null, 0, -1], new Float64()),
	});
}

describe('csvField', () => {
	test('quotes only when needed (RFC 4180) and doubles quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('line\nbreak')).toBe('"line\nbreak"');
		expect(csvField(' padded')).toBe('" padded"');
		expect(csvField(null)).toBe('');
		expect(csvField(0)).toBe('0');
		expect(csvField(1234.5)).toBe('1234.5');
	});
});

describe('tableToCsv', () => {
	test('UTF-8 with a byte-order mark, CRLF, a header, NULL empty and 0 kept', () => {
		const csv = tableToCsv(sample());
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.split('\r\n')[0]).toBe(`${BOM}name,n,rate`);
		const rows = csvParse(csv.slice(1));
		expect(rows.map((r) => ({ ...r }))).toEqual([
			{ name: 'Thạch Thất', n: '1', rate: '0.5' },
			{ name: 'a,b', n: '', rate: '1234.5' },
			{ name: 'say "hi"', n: '3', rate: '' },
			{ name: 'line\nbreak', n: '1234', rate: '0' },
			{ name: '', n: '0', rate: '-1' },
		]);
	});

	test('an empty result is just the header', () => {
		const empty = tableFromIPC(tableToIPC(tableFromArrays({ a: new Int32Array(0) })));
		expect(tableToCsv(empty)).toBe(`${BOM}a\r\n`);
	});
});

test('result columns: kinds and plain values', () => {
	const table = sample();
	expect(resultColumns(table).map((c) => c.kind)).toEqual(['text', 'integer', 'number']);
	expect(columnValues(table, 2)).toEqual([
		['Thạch Thất', 'a,b'],
		[1, null],
		[0.5, 1234.5],
	]);
});
