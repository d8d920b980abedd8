/** URL-safe base64 round-trips any bytes and refuses text that is not base64url. */
import { describe, expect, test } from 'vitest';
import { base64, base64url, fromBase64url } from '../../../src/ui/base64.ts';

describe('base64', () => {
	test('round-trips bytes of every value and length, larger than one chunk too', () => {
		for (const length of [0, 1, 2, 3, 4, 5, 255, 0x8000 + 7]) {
			const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) % 256);
			const text = base64url(bytes);
			expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
			expect(fromBase64url(text)).toEqual(bytes);
		}
		expect(base64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
		expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
	});

	test('refuses what is not base64url', () => {
		expect(fromBase64url('ab+c')).toBeNull();
		expect(fromBase64url('abc=')).toBeNull();
		expect(fromBase64url('abcde')).toBeNull();
	});
});
