/**
 * Property tests: 10,000 generated texts (a soup of report words, numbers and punctuation, and the
 * development set's reports cut, spliced and mutated) never make the extractor throw, and every figure
 * it gives points at text that exists: its evidence is exactly the text between its offsets, inside its
 * sentence, with a finite value ≥ 0. Seeded, so a failure repeats.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractFigures } from '../../../src/extract/extract.ts';
import { projectUnits } from '../../helpers/gazetteer.ts';

const units = projectUnits();
const DEV = join(
	resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
	'tests/fixtures/extract/dev',
);
const reports = readdirSync(DEV)
	.filter((n) => n.endsWith('.txt'))
	.map((n) => readFileSync(join(DEV, n), 'utf8'));

const WORDS = [
	'HĐND',
	'Thường trực',
	'huyện',
	'xã',
	'phường',
	'thị trấn',
	'tỉnh',
	'thành phố',
	'các',
	'Thạch Thất',
	'Châu Thành',
	'Hà Nội',
	'tổ chức',
	'kỳ họp',
	'thường lệ',
	'chuyên đề',
	'cuộc',
	'giám sát',
	'khảo sát',
	'phiên',
	'giải trình',
	'chất vấn',
	'tiếp xúc',
	'cử tri',
	'ý kiến',
	'kiến nghị',
	'đã',
	'đang',
	'và',
	'giải quyết',
	'đạt',
	'tỷ lệ',
	'lượt',
	'công dân',
	'đơn thư',
	'nghị quyết',
	'thông qua',
	'trong đó',
	'năm',
	'tháng',
	'quý',
	'nhiệm kỳ',
	'6 tháng đầu năm',
	'từ đầu nhiệm kỳ đến nay',
	'thứ',
	'hơn',
	'gần',
	'khoảng',
	'hai',
	'mười',
	'mươi',
	'mốt',
	'trăm',
	'linh',
	'2022',
	'2025',
	'1.143',
	'02',
	'89,2',
	'%',
	'/',
	'-',
	',',
	';',
	'.',
	'(',
	')',
	'\n',
	'\n\n',
	':',
	'|',
	'số',
	'ngày',
	'11/01/2023',
	'01/7/2025',
];

const soup = fc
	.array(
		fc.oneof(fc.constantFrom(...WORDS), fc.nat(3000).map(String), fc.string({ maxLength: 4 })),
		{
			maxLength: 60,
		},
	)
	.map((parts) => parts.join(' '));

const mutated = fc
	.tuple(
		fc.nat(reports.length - 1),
		fc.array(
			fc.tuple(
				fc.nat(),
				fc.nat(40),
				fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })),
			),
			{ maxLength: 8 },
		),
	)
	.map(([i, edits]) => {
		let text = reports[i]!;
		for (const [at, cut, insert] of edits) {
			const p = text.length === 0 ? 0 : at % text.length;
			text = text.slice(0, p) + insert + text.slice(p + cut);
		}
		return text;
	});

function check(text: string, date: string | null): void {
	const result = extractFigures(text, { units, date });
	const ids = new Set<string>();
	for (const f of result.figures) {
		expect(Number.isFinite(f.value) && f.value >= 0).toBe(true);
		expect(f.start).toBeGreaterThanOrEqual(f.sentenceStart);
		expect(f.end).toBeLessThanOrEqual(result.text.length);
		expect(result.text.slice(f.start, f.end)).toBe(f.evidence);
		expect(f.start < f.end).toBe(true);
		expect(ids.has(f.id)).toBe(false);
		ids.add(f.id);
	}
}

const dates = fc.option(
	fc.constantFrom('2019-10-11', '2023-01-11', '2025-07-01', '2026-11-30', 'rác'),
	{
		nil: null,
	},
);

describe('the extractor on any text', () => {
	test('5,000 texts of report words and numbers: no throw, evidence exact', () => {
		fc.assert(
			fc.property(soup, dates, (text, date) => check(text, date)),
			{ numRuns: 5000, seed: 20261202 },
		);
	});

	test('5,000 mutated reports: no throw, evidence exact', () => {
		fc.assert(
			fc.property(mutated, dates, (text, date) => check(text, date)),
			{ numRuns: 5000, seed: 11 },
		);
	});

	test('arbitrary Unicode, including lone surrogates and control characters', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => check(text, null)),
			{ numRuns: 1000, seed: 7 },
		);
	});
});
