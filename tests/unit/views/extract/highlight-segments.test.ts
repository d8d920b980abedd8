import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { highlightSegments } from '../../../../src/views/extract/highlight-segments.ts';

describe('highlightSegments', () => {
	test('plain text is one piece', () => {
		expect(highlightSegments(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
	});

	test('separate spans leave plain runs between them', () => {
		expect(
			highlightSegments(20, [
				{ id: 'f1', start: 2, end: 5 },
				{ id: 'f2', start: 10, end: 12 },
			]),
		).toEqual([
			{ start: 0, end: 2, ids: [] },
			{ start: 2, end: 5, ids: ['f1'] },
			{ start: 5, end: 10, ids: [] },
			{ start: 10, end: 12, ids: ['f2'] },
			{ start: 12, end: 20, ids: [] },
		]);
	});

	test('a span inside another is drawn on top of it (innermost first)', () => {
		expect(
			highlightSegments(30, [
				{ id: 'total', start: 5, end: 25 },
				{ id: 'part', start: 10, end: 15 },
			]),
		).toEqual([
			{ start: 0, end: 5, ids: [] },
			{ start: 5, end: 10, ids: ['total'] },
			{ start: 10, end: 15, ids: ['part', 'total'] },
			{ start: 15, end: 25, ids: ['total'] },
			{ start: 25, end: 30, ids: [] },
		]);
	});

	test('the same span twice is one piece listing both figures', () => {
		expect(
			highlightSegments(10, [
				{ id: 'f1', start: 0, end: 10 },
				{ id: 'f2', start: 0, end: 10 },
			]),
		).toEqual([{ start: 0, end: 10, ids: ['f1', 'f2'] }]);
	});

	test('spans outside the text are clipped; empty ones ignored', () => {
		expect(
			highlightSegments(5, [
				{ id: 'a', start: -3, end: 2 },
				{ id: 'b', start: 3, end: 3 },
				{ id: 'c', start: 4, end: 99 },
			]),
		).toEqual([
			{ start: 0, end: 2, ids: ['a'] },
			{ start: 2, end: 4, ids: [] },
			{ start: 4, end: 5, ids: ['c'] },
		]);
	});

	test('any spans: the pieces cover the text in order and every figure keeps a piece', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 200 }),
				fc.array(fc.tuple(fc.integer({ min: -5, max: 210 }), fc.integer({ min: 0, max: 40 }))),
				(length, raw) => {
					const spans = raw.map(([start, width], i) => ({
						id: `f${i}`,
						start,
						end: start + width,
					}));
					const segments = highlightSegments(length, spans);
					let at = 0;
					for (const s of segments) {
						expect(s.start).toBe(at);
						expect(s.end).toBeGreaterThan(s.start);
						at = s.end;
					}
					expect(at).toBe(length);
					for (const s of spans) {
						if (Math.min(length, s.end) > Math.max(0, s.start)) {
							expect(segments.some((g) => g.ids.includes(s.id))).toBe(true);
						}
					}
				},
			),
		);
	});
});
