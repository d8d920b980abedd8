import { describe, expect, test } from 'vitest';
import { sliceRenderIds } from '../../../src/state/slice-render-id.ts';

describe('sliceRenderIds', () => {
	test('0 until the answer has come, then a new id for a new answer or a new slice, never for the same', () => {
		const idOf = sliceRenderIds();
		expect(idOf(0, '2019-2025', false)).toBe(0);
		const first = idOf(1, '2019-2025', false);
		expect(first).toBeGreaterThan(0);
		expect(idOf(1, '2019-2025', false)).toBe(first);
		const newSlice = idOf(1, '2020-2025', false);
		expect(newSlice).not.toBe(first);
		// Back to an earlier slice of the same answer: still a change from what is drawn now.
		const back = idOf(1, '2019-2025', false);
		expect(back).not.toBe(newSlice);
		expect(idOf(2, '2019-2025', false)).not.toBe(back);
	});

	test('while a new answer is due the id stays, and the answer brings the next', () => {
		const idOf = sliceRenderIds();
		const drawn = idOf(1, '2019-2025', false);
		expect(idOf(1, '2019-2024', true)).toBe(drawn);
		expect(idOf(2, '2019-2024', false)).not.toBe(drawn);
	});
});
