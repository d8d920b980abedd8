/**
 * Text files' encodings. Accepted: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark
 * (Excel's "Unicode text"), Windows-1258 (the Vietnamese Windows code page, whose tone marks are
 * separate combining characters: the text is normalised to NFC), and the old Vietnamese font encodings
 * TCVN3 (ABC), VNI and VISCII (converted, see legacy-vn.ts). Anything else is refused with a message
 * rather than read as garbled text: UTF-16 without a mark, binary files, Shift-JIS.
 *
 * The choice: a file that is valid UTF-8 is UTF-8 (other encodings almost never are). Otherwise it is read
 * in each 8-bit Vietnamese encoding and kept in the one whose words read as Vietnamese syllables;
 * Windows-1258 must also be plausibly Vietnamese: no control characters, no stray combining marks, and
 * nearly every non-ASCII character a Vietnamese letter or common punctuation.
 */
import type { Bilingual } from '../model/metrics.ts';
import { bestLegacyDecoding } from './legacy-detect.ts';
import { syllableScore } from './vn-syllables.ts';

export type Decoded =
	| { ok: true; text: string; encoding: string; legacy?: true }
	| { ok: false; reason: 'encoding' | 'binary'; message: Bilingual };

/** Letters of the Vietnamese alphabet outside ASCII, precomposed (NFC), both cases. */
const VIETNAMESE_LETTERS = new Set(
	[
		...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
		...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'.toUpperCase(),
	].map((c) => c.normalize('NFC')),
);

/** Non-ASCII characters that ordinary Vietnamese office text contains besides letters. */
const COMMON_SYMBOLS = new Set([...'–—‘’“”…•€°²³×÷±«»§©®™‰·\u00a0\u202f']);

/** Share of non-ASCII characters that must be Vietnamese letters or common symbols. */
const PLAUSIBLE_SHARE = 0.9;

/** How plausible decoded text is as Vietnamese office text: 1 for pure ASCII, 0 for garbage. */
export function vietnamesePlausibility(text: string): number {
	let foreign = 0;
	let fitting = 0;
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (code === 0xfffd) return 0;
		if (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') return 0;
		if (code < 0x80) continue;
		if (code >= 0x80 && code < 0xa0) return 0;
		// A combining mark left over after NFC sits on a letter that does not take it.
		if (code >= 0x300 && code < 0x370) return 0;
		foreign++;
		if (VIETNAMESE_LETTERS.has(ch) || COMMON_SYMBOLS.has(ch)) fitting++;
	}
	return foreign === 0 ? 1 : fitting / foreign;
}

const REFUSED: Bilingual = {
	vi: 'Không nhận ra bảng mã của tệp: tệp không phải UTF-8, Windows-1258, TCVN3 (ABC), VNI hay VISCII (có thể là UTF-16 không có BOM hoặc không phải tệp văn bản). Mở tệp bằng Excel và lưu lại dạng "CSV UTF-8", hoặc lưu dạng .xlsx, rồi nhập lại.',
	en: 'The file\'s encoding is not recognised: it is neither UTF-8, Windows-1258, TCVN3 (ABC), VNI nor VISCII (it may be UTF-16 without a byte-order mark, or not a text file). Open it in Excel and save it as "CSV UTF-8", or as .xlsx, then import it again.',
};

const BINARY: Bilingual = {
	vi: 'Tệp chứa dữ liệu nhị phân, không phải văn bản CSV. Chọn tệp .csv, .xlsx hoặc .parquet.',
	en: 'The file holds binary data, not CSV text. Choose a .csv, .xlsx or .parquet file.',
};

/** The messages of text that cannot be decoded, by reason. */
export const DECODE_MESSAGES: Record<'encoding' | 'binary', Bilingual> = {
	encoding: REFUSED,
	binary: BINARY,
};

/** Control characters other than tab and line ends, or replacement characters: not text. */
function looksBinary(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (
			(code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
			code === 0x7f ||
			code === 0xfffd
		) {
			return true;
		}
	}
	return false;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
	try {
		return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

/** Decode the bytes of a text file, or say why they cannot be read. Never throws. */
export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = decodeStrict('utf-8', bytes.subarray(3));
		if (text !== null && !looksBinary(text)) {
			return { ok: true, text: text.normalize('NFC'), encoding: 'utf-8 BOM' };
		}
		return { ok: false, reason: 'encoding', message: REFUSED };
	}
	for (const [a, b, label] of [
		[0xff, 0xfe, 'utf-16le'],
		[0xfe, 0xff, 'utf-16be'],
	] as const) {
		if (bytes[0] === a && bytes[1] === b) {
			const text = decodeStrict(label, bytes.subarray(2));
			if (text !== null && !looksBinary(text)) {
				return { ok: true, text: text.normalize('NFC'), encoding: `${label} BOM` };
			}
			return { ok: false, reason: 'encoding', message: REFUSED };
		}
	}
	if (bytes.includes(0)) {
		// UTF-16 without a mark has a zero byte beside every ASCII character.
		const zeros = bytes.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
		return zeros * 3 > bytes.length
			? { ok: false, reason: 'encoding', message: REFUSED }
			: { ok: false, reason: 'binary', message: BINARY };
	}
	const utf8 = decodeStrict('utf-8', bytes);
	if (utf8 !== null) {
		if (looksBinary(utf8)) return { ok: false, reason: 'binary', message: BINARY };
		return { ok: true, text: utf8.normalize('NFC'), encoding: 'utf-8' };
	}
	let cp1258: string | null;
	try {
		cp1258 = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
	} catch {
		cp1258 = null;
	}
	// Windows-1258 and the old font encodings (TCVN3, VNI, VISCII) decode any bytes: the one whose words
	// are Vietnamese syllables is the file's; Windows-1258 first when both read well.
	const cp1258Fits =
		cp1258 !== null && vietnamesePlausibility(cp1258) >= PLAUSIBLE_SHARE
			? syllableScore(cp1258)
			: -1;
	const legacy = bestLegacyDecoding(bytes);
	if (legacy && legacy.score > cp1258Fits) {
		return { ok: true, text: legacy.text, encoding: legacy.label, legacy: true };
	}
	if (cp1258 !== null && cp1258Fits >= 0) {
		return { ok: true, text: cp1258, encoding: 'windows-1258' };
	}
	return { ok: false, reason: 'encoding', message: REFUSED };
}
