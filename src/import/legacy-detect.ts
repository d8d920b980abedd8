/**
 * Telling which Vietnamese encoding an unlabelled file or a workbook cell is in: each candidate
 * decoding is read as Vietnamese words (see vn-syllables.ts), and the one whose words are syllables wins.
 */
import { LEGACY_LABELS, decodeLegacy, legacyFromText, type LegacyEncoding } from './legacy-vn.ts';
import type { Cell } from './types.ts';
import { syllableScore, syllableShare } from './vn-syllables.ts';

const LEGACY: LegacyEncoding[] = ['tcvn3', 'vni', 'viscii'];

/** Share of a text's words that must be syllables for its encoding to be taken. */
export const SYLLABLE_SHARE = 0.8;

/** Control characters other than tab and line ends (or replacement characters): not text. */
function hasControl(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (
			(c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) ||
			(c >= 0x7f && c < 0xa0)
		) {
			return true;
		}
		if (c === 0xfffd) return true;
	}
	return false;
}

const isAscii = (text: string) => !/[^\p{ASCII}]/u.test(text);

export interface LegacyText {
	encoding: LegacyEncoding;
	label: string;
	text: string;
	score: number;
}

/** The legacy encoding whose decoding of the bytes reads best as Vietnamese, if one reads well. */
export function bestLegacyDecoding(bytes: Uint8Array): LegacyText | null {
	let best: LegacyText | null = null;
	for (const encoding of LEGACY) {
		const text = decodeLegacy(bytes, encoding);
		if (hasControl(text)) continue;
		const score = syllableScore(text);
		if (score >= SYLLABLE_SHARE && (!best || score > best.score)) {
			best = { encoding, label: LEGACY_LABELS[encoding], text, score };
		}
	}
	return best;
}

/** A cell's text in the encoding, when that reads as Vietnamese and the text as it is does not. */
function converted(text: string, encoding: LegacyEncoding): string | null {
	if (isAscii(text)) return null;
	const candidate = legacyFromText(text, encoding);
	if (candidate === null || candidate === text) return null;
	const after = syllableShare(candidate);
	if (after.words === 0 || after.valid / after.words < SYLLABLE_SHARE) return null;
	const before = syllableShare(text);
	return after.valid > before.valid ? candidate : null;
}

/**
 * Workbook cells typed with a legacy font (".VnTime", "VNI-Times"), converted in place: the encoding
 * that turns most cells into Vietnamese words is used for every cell it improves. Returns the
 * encoding's name and how many cells changed, or null when none did.
 */
export function convertLegacyCells(
	grids: readonly { rows: { cells: Cell[] }[] }[],
): { label: string; cells: number } | null {
	const texts: string[] = [];
	for (const grid of grids) {
		for (const row of grid.rows) {
			for (const cell of row.cells) {
				if (typeof cell === 'string' && !isAscii(cell)) texts.push(cell);
			}
		}
	}
	if (texts.length === 0) return null;
	let best: { encoding: LegacyEncoding; count: number } | null = null;
	for (const encoding of LEGACY) {
		const count = texts.filter((t) => converted(t, encoding) !== null).length;
		if (count > 0 && (!best || count > best.count)) best = { encoding, count };
	}
	if (!best) return null;
	let cells = 0;
	for (const grid of grids) {
		for (const row of grid.rows) {
			row.cells = row.cells.map((cell) => {
				if (typeof cell !== 'string') return cell;
				const text = converted(cell, best.encoding);
				if (text === null) return cell;
				cells++;
				return text;
			});
		}
	}
	return { label: LEGACY_LABELS[best.encoding], cells };
}
