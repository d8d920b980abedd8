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

describe("fromBase64url with the browser's own decoder", () => {
	const withNative = (run: () => void) => {
		const target = Uint8Array as unknown as { fromBase64?: unknown };
		// Node has none yet: a stand-in that decodes and refuses the way the browser's does.
		target.fromBase64 = (text: string, options: { alphabet: string }) => {
			if (
				options.alphabet !== 'base64url' ||
				!/^[A-Za-z0-9_-]*$/.test(text) ||
				text.length % 4 === 1
			)
				throw new SyntaxError('not base64url');
			return new Uint8Array(Buffer.from(text, 'base64url'));
		};
		try {
			run();
		} finally {
			delete target.fromBase64;
		}
	};

	test('gives the same bytes as the plain decoder, and null where it refuses', () => {
		const samples = ['', 'AQI_', 'AQI', 'SGVsbG8sIEjDoCBO4buZaQ', '-_-_'];
		const plain = samples.map((s) => fromBase64url(s));
		withNative(() => {
			expect(samples.map((s) => fromBase64url(s))).toEqual(plain);
			expect(fromBase64url('+/+/')).toBeNull();
			expect(fromBase64url('A')).toBeNull();
		});
	});
});
