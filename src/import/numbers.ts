/**
 * Reading a count cell the way a Vietnamese office writes it. Counts are whole numbers ≥ 0; an empty cell
 * is NULL ("not reported"), never 0.
 *
 * - "1.143", "1 143", "1143" → 1143 (the dot groups thousands in Vietnamese); "02" → 2.
 * - "1,5" and "1.5" are decimals: refused. "1,143" is refused too: in Vietnamese it is a decimal, in
 *   English a thousand; the file must say which.
 * - "-", "–", "—" are empty (not reported), as in printed tables.
 * - "hơn 50", "trên 50", "ít nhất 50", "50+" → 50, qualifier `at_least`; "khoảng 50", "gần 50",
 *   "~50", "xấp xỉ 50" → 50, qualifier `approx`. The row keeps the qualifier and gets a warning.
 * - Negative numbers and anything else (words, formulas' errors) are refused.
 */
import type { Cell } from './types.ts';

/** The largest count the `facts` table holds (int32). */
export const MAX_COUNT = 2_147_483_647;

export type CountQualifier = 'at_least' | 'approx';

export type CountResult =
	| { kind: 'empty' }
	| { kind: 'value'; value: number; qualifier: CountQualifier | null }
	| { kind: 'decimal'; text: string }
	| { kind: 'ambiguous'; text: string }
	| { kind: 'negative'; text: string }
	| { kind: 'too_large'; text: string }
	| { kind: 'text'; text: string };

const EMPTY_MARKS = new Set(['-', '–', '—', '−']);

const QUALIFIER_WORDS: [RegExp, CountQualifier][] = [
	[/^(hơn|trên|ít nhất|tối thiểu|ít ra|không dưới)\s+/iu, 'at_least'],
	[/^(khoảng|gần|xấp xỉ|chừng|ước|ước tính|~|≈)\s*/iu, 'approx'],
];

function whole(text: string): number | null {
	if (/^\d+$/.test(text)) return Number(text);
	// Thousands grouped by dots or spaces (any kind of space): 1.143, 12.345.678, 1 143.
	if (/^\d{1,3}([. \u00a0\u202f\u2009]\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ''));
	return null;
}

/** Read one count cell. */
export function parseCount(cell: Cell): CountResult {
	if (cell === null) return { kind: 'empty' };
	if (typeof cell === 'number') {
		const text = String(cell);
		if (!Number.isFinite(cell)) return { kind: 'text', text };
		if (cell < 0) return { kind: 'negative', text };
		if (!Number.isInteger(cell)) return { kind: 'decimal', text };
		if (cell > MAX_COUNT) return { kind: 'too_large', text };
		return { kind: 'value', value: cell, qualifier: null };
	}
	const original = cell.normalize('NFC').trim();
	if (original === '' || EMPTY_MARKS.has(original)) return { kind: 'empty' };
	let text = original;
	let qualifier: CountQualifier | null = null;
	for (const [pattern, q] of QUALIFIER_WORDS) {
		const match = pattern.exec(text);
		if (match) {
			qualifier = q;
			text = text.slice(match[0].length).trim();
			break;
		}
	}
	if (!qualifier && /^\d[\d. ]*\+$/.test(text)) {
		qualifier = 'at_least';
		text = text.slice(0, -1).trim();
	}
	if (/^[-−–]\s*\d/.test(text)) return { kind: 'negative', text: original };
	if (text.startsWith('+')) text = text.slice(1);
	const value = whole(text);
	if (value !== null) {
		if (value > MAX_COUNT) return { kind: 'too_large', text: original };
		return { kind: 'value', value, qualifier };
	}
	if (/^\d{1,3}(,\d{3})+$/.test(text)) return { kind: 'ambiguous', text: original };
	if (/^\d+([.,]\d+)+$/.test(text) || /^\d*[.,]\d+$/.test(text)) {
		return { kind: 'decimal', text: original };
	}
	return { kind: 'text', text: original };
}

/** Text of a cell as the user wrote it (numbers in their shortest form), trimmed; '' for nothing. */
export function cellText(cell: Cell): string {
	if (cell === null) return '';
	return typeof cell === 'number' ? String(cell) : cell.normalize('NFC').trim();
}

/** A whole number written plainly ("2022", "02", 2022); null otherwise. */
export function parseWhole(cell: Cell): number | null {
	if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
	const text = cellText(cell);
	return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
