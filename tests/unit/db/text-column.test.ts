import { makeData, makeVector, Utf8, vectorFromArray, type Data, type Vector } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { columnValues } from '../../../src/db/text-column.ts';

/** What Arrow gives value by value: the reference. */
const arrowValues = (vector: Vector) => [...vector];

describe('columnValues on text', () => {
	test('gives what Arrow gives: Vietnamese, emoji, empty strings and nulls, over several batches', () => {
		const values = [
			'Xã Thạch Hòa',
			null,
			'',
			'Huyện Thạch Thất',
			'Đồng Tháp 🌾 mùa nước nổi',
			'𝔸 astral',
			'Phường Hải Châu',
			null,
			'ASCII',
		];
		const one = vectorFromArray(values, new Utf8());
		const two = one.concat(vectorFromArray(['Tỉnh Quảng Trị', null, 'Bắc Ninh'], new Utf8()));
		expect(two.data.length).toBe(2);
		expect(columnValues(two)).toEqual(arrowValues(two));
		expect(columnValues(two)).toEqual([...values, 'Tỉnh Quảng Trị', null, 'Bắc Ninh']);
	});

	test('reads a slice of a batch (an offset into its buffers) correctly', () => {
		const vector = vectorFromArray(['một', 'hai', 'ba', 'bốn', 'năm'], new Utf8());
		const sliced = vector.slice(1, 4);
		expect(columnValues(sliced)).toEqual(['hai', 'ba', 'bốn']);
	});

	test('reads a slice at the very end of an unpadded buffer (where no length check can catch a misread)', () => {
		// A slice keeps its own value offsets (Arrow cuts that buffer) but its offset into the validity bits.
		const data = makeData({
			type: new Utf8(),
			length: 4,
			valueOffsets: new Int32Array([0, 2, 4, 6, 8]),
			data: new TextEncoder().encode('aabbccdd'),
		}) as Data<Utf8>;
		const sliced = makeVector(data).slice(2, 4);
		expect(columnValues(sliced)).toEqual(['cc', 'dd']);
		const withNull = vectorFromArray(['aa', 'bb', 'cc', null, 'ee', 'ff'], new Utf8()).slice(2, 5);
		expect(columnValues(withNull)).toEqual(['cc', null, 'ee']);
	});

	test('falls back to Arrow for bytes that are not valid UTF-8, and gives what Arrow gives', () => {
		const bytes = new Uint8Array([0x61, 0xff, 0x62, 0xc3, 0xa0]);
		const data = makeData({
			type: new Utf8(),
			length: 2,
			valueOffsets: new Int32Array([0, 3, 5]),
			data: bytes,
		}) as Data<Utf8>;
		const vector = makeVector(data);
		expect(columnValues(vector)).toEqual([...vector]);
		expect(columnValues(vector)[1]).toBe('à');
	});

	test('leaves columns of other types as Arrow gives them', () => {
		const numbers = vectorFromArray([1, 2, null]);
		expect(columnValues(numbers)).toEqual([1, 2, null]);
	});
});
