import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { addPngText, crc32, itxtChunk } from '../../../src/export/png-text.ts';
import { readPngText } from '../../helpers/png-text.ts';

function tinyPng(): Uint8Array {
	const png = new PNG({ width: 2, height: 2 });
	png.data.fill(200);
	return new Uint8Array(PNG.sync.write(png));
}

describe('the PNG text layer', () => {
	test('CRC-32 of a known input', () => {
		// The check value of CRC-32 (ISO-HDLC) for "123456789".
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
	});

	test('an iTXt chunk holds its keyword, flags and UTF-8 text', () => {
		const chunk = itxtChunk('Title', 'Xếp hạng');
		const length = new DataView(chunk.buffer).getUint32(0);
		expect(length).toBe(chunk.length - 12);
		expect(new TextDecoder().decode(chunk.subarray(4, 8))).toBe('iTXt');
	});

	test('text added before IEND is read back, in Vietnamese, and the image still decodes', () => {
		const credit =
			'Ranh giới tỉnh (2016): geoBoundaries, giấy phép CC BY-SA 4.0 (CC BY-SA 4.0: https://creativecommons.org/licenses/by-sa/4.0/)';
		const out = addPngText(tinyPng(), [
			['Title', 'Bản đồ: Tổng số kỳ họp, năm 2024'],
			['Copyright', credit],
			['Description', ''],
		]);
		const text = readPngText(out);
		expect(text).toEqual({ Title: 'Bản đồ: Tổng số kỳ họp, năm 2024', Copyright: credit });
		// pngjs checks every chunk's CRC while decoding.
		const decoded = PNG.sync.read(Buffer.from(out));
		expect([decoded.width, decoded.height]).toEqual([2, 2]);
		expect(new TextDecoder('latin1').decode(out.subarray(out.length - 8, out.length - 4))).toBe(
			'IEND',
		);
	});

	test('bytes that are not a PNG are refused', () => {
		expect(() => addPngText(new Uint8Array(20), [['Title', 'x']])).toThrow(/not a PNG/);
	});
});
