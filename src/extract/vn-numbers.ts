/**
 * Numbers as Vietnamese reports write them: "1.143" (dots group thousands), "02" (leading zeros),
 * "89,2" (comma is the decimal mark), and words ("hai", "mười hai", "hai mươi mốt", "một trăm linh năm").
 * Reading is anchored at a position of the text so that the extractor keeps exact offsets.
 */

/** A number found in the text: its value, where it stands, and whether it was written in words. */
export interface NumberToken {
	value: number;
	start: number;
	end: number;
	words: boolean;
	/** Written with a decimal comma or point ("89,2"): a rate, never a count. */
	decimal: boolean;
}

const DIGITS: Record<string, number> = {
	không: 0,
	một: 1,
	mốt: 1,
	hai: 2,
	ba: 3,
	bốn: 4,
	tư: 4,
	năm: 5,
	lăm: 5,
	nhăm: 5,
	sáu: 6,
	bảy: 7,
	bẩy: 7,
	tám: 8,
	chín: 9,
};

const WORD = /[\p{L}]+/uy;
const SPACE = /[ \t\u00a0]+/y;

/** A digit-written number at `pos` (the caller has checked that no digit or letter precedes it). */
function digitsAt(text: string, pos: number): NumberToken | null {
	const re = /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\p{L}\d])/uy;
	re.lastIndex = pos;
	const m = re.exec(text);
	if (!m) return null;
	const whole = Number(m[1]!.replace(/\./g, ''));
	// "1.5" with one or two digits after a dot is not thousands: a decimal in English style, not read.
	const decimal = m[2] !== undefined;
	const value = decimal ? Number(`${whole}.${m[2]}`) : whole;
	return { value, start: pos, end: pos + m[0].length, words: false, decimal };
}

interface Word {
	text: string;
	start: number;
	end: number;
}

function wordsFrom(text: string, pos: number, max: number): Word[] {
	const out: Word[] = [];
	let at = pos;
	while (out.length < max) {
		WORD.lastIndex = at;
		const m = WORD.exec(text);
		if (!m) break;
		out.push({ text: m[0].toLowerCase(), start: at, end: at + m[0].length });
		SPACE.lastIndex = at + m[0].length;
		const s = SPACE.exec(text);
		if (!s) break;
		at = s.index + s[0].length;
	}
	return out;
}

/**
 * A number written in words at `pos`, up to the hundreds ("một trăm hai mươi mốt"). Only what the
 * grammar allows is read: "năm" alone is five, but the caller decides whether "năm" means a year.
 */
function wordsAt(text: string, pos: number): NumberToken | null {
	const words = wordsFrom(text, pos, 7);
	let i = 0;
	let total = 0;
	let read = false;
	const digit = (w: Word | undefined) => (w ? DIGITS[w.text] : undefined);
	// Hundreds: "<d> trăm [linh|lẻ <d>]".
	const d0 = digit(words[i]);
	if (d0 !== undefined && words[i + 1]?.text === 'trăm') {
		total += d0 * 100;
		i += 2;
		read = true;
		if (
			(words[i]?.text === 'linh' || words[i]?.text === 'lẻ') &&
			digit(words[i + 1]) !== undefined
		) {
			total += digit(words[i + 1])!;
			i += 2;
			return finish();
		}
	}
	// Tens: "mười [d]" or "<d> mươi [d]".
	if (words[i]?.text === 'mười') {
		total += 10;
		i += 1;
		read = true;
		const u = digit(words[i]);
		if (u !== undefined && u !== 0 && words[i]!.text !== 'mốt' && words[i]!.text !== 'tư') {
			total += u;
			i += 1;
		}
		return finish();
	}
	const t = digit(words[i]);
	if (t !== undefined && t >= 2 && words[i + 1]?.text === 'mươi') {
		total += t * 10;
		i += 2;
		read = true;
		const u = digit(words[i]);
		if (u !== undefined && u !== 0) {
			total += u;
			i += 1;
		}
		return finish();
	}
	// Units alone ("hai", "năm"), unless hundreds were read ("một trăm" ends there).
	if (!read) {
		const u = digit(words[i]);
		if (u === undefined || words[i]!.text === 'mốt' || words[i]!.text === 'lăm') return null;
		if (words[i]!.text === 'không' || words[i]!.text === 'tư') return null;
		total = u;
		i += 1;
		read = true;
	}
	return finish();

	function finish(): NumberToken | null {
		if (!read || i === 0) return null;
		const last = words[i - 1]!;
		return { value: total, start: pos, end: last.end, words: true, decimal: false };
	}
}

/** The number that starts at `pos`, in digits or words; null when none does. */
export function numberAt(text: string, pos: number): NumberToken | null {
	const ch = text.charCodeAt(pos);
	if (ch >= 48 && ch <= 57) return digitsAt(text, pos);
	return wordsAt(text, pos);
}

const NUMBER_START =
	/(?<![\p{L}\p{N}.,/])(?:\d|(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười)(?![\p{L}]))/giu;

/** Every number of the text, in order (words and digits). */
export function findNumbers(text: string): NumberToken[] {
	const out: NumberToken[] = [];
	NUMBER_START.lastIndex = 0;
	for (let m = NUMBER_START.exec(text); m; m = NUMBER_START.exec(text)) {
		const token = numberAt(text, m.index);
		if (token) {
			out.push(token);
			NUMBER_START.lastIndex = token.end;
		}
	}
	return out;
}
