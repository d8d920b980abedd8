/**
 * The old Vietnamese 8-bit encodings that office files still carry, turned into Unicode by tables:
 *
 * - TCVN3 (ABC): TCVN 5712:1993, the encoding of the ".VnTime" fonts. VN3 is the part of the standard
 *   those fonts use (small letters with tones at 0xA0–0xFF, capitals Ă Â Ê Ô Ơ Ư Đ); the table is the
 *   full VN1 table, which also places the capitals with tones (in C0 and 0x80–0x9F, where VN3 leaves
 *   them to the ".VnTimeH" capital fonts). Source: TCVN 5712:1993 as given in the GNU C Library's
 *   TCVN5712-1 charmap.
 * - VISCII: RFC 1456 (Viet-Std group, 1993), six capitals in C0 (0x02 0x05 0x06 0x14 0x19 0x1E).
 *   Source: RFC 1456, as given in the GNU C Library's VISCII charmap.
 * - VNI (VNI-Win fonts): each letter is its base letter followed by a mark character of Windows-1252
 *   ("aù" = á, "aâ" = â, "aá" = ấ, "aê" = ă, "ô" = ơ, "ö" = ư, "ñ" = đ); i and ỵ have letters of their
 *   own. Source: the VNI table of the xvnkb keyboard driver (Dao Hai Lam, 2002), which follows VNI's
 *   published fonts.
 *
 * Text in a workbook cell written with a legacy font arrives as Windows-1252 characters ("Hµ Néi"): it
 * is turned back into bytes with Windows-1252 and then decoded.
 */

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viscii';

/** The names users know the encodings by. */
export const LEGACY_LABELS: Record<LegacyEncoding, string> = {
	tcvn3: 'TCVN3 (ABC)',
	vni: 'VNI',
	viscii: 'VISCII',
};

// Bytes 0x80–0xFF, sixteen per line, then the C0 positions that hold letters.
const VISCII_HIGH =
	'ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ' +
	'ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ' +
	'Õắằặấầẩậẽẹếềểễệố' +
	'ồổỗỠƠộờởịỰỨỪỬơớƯ' +
	'ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ' +
	'ĐứÒÓÔạỷừửÙÚỹỵÝỡư' +
	'àáâãảăữẫèéêẻìíĩỉ' +
	'đựòóôõỏọụùúũủýợỮ';
const VISCII_C0: Record<number, string> = {
	0x02: 'Ẳ',
	0x05: 'Ẵ',
	0x06: 'Ẫ',
	0x14: 'Ỷ',
	0x19: 'Ỹ',
	0x1e: 'Ỵ',
};

const TCVN3_HIGH =
	'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ' +
	'ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' +
	'\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' +
	'\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' +
	'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' +
	'éẹềểễếệìỉỄẾỒĩíịò' +
	'Ổỏõóọồổỗốộờởỡớợù' +
	'ỖủũúụừửữứựỳỷỹýỵỐ';
const TCVN3_C0: Record<number, string> = {
	0x01: 'Ú',
	0x02: 'Ụ',
	0x04: 'Ừ',
	0x05: 'Ử',
	0x06: 'Ữ',
	0x11: 'Ứ',
	0x12: 'Ự',
	0x13: 'Ỳ',
	0x14: 'Ỷ',
	0x15: 'Ỹ',
	0x16: 'Ý',
	0x17: 'Ỵ',
};

/** A byte → character table of 256 entries: ASCII, the C0 letters, the upper half. */
function byteTable(high: string, c0: Record<number, string>): string[] {
	const table = Array.from({ length: 128 }, (_, b) => c0[b] ?? String.fromCharCode(b));
	return [...table, ...high];
}

const TABLES: Record<'tcvn3' | 'viscii', string[]> = {
	tcvn3: byteTable(TCVN3_HIGH, TCVN3_C0),
	viscii: byteTable(VISCII_HIGH, VISCII_C0),
};

// VNI: marks after a base letter, in the order no tone, sắc, huyền, hỏi, ngã, nặng.
const VNI_TONES = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
/** Unicode combining tones in the same order. */
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** VNI spelling → Unicode letter (NFC), small letters; capitals are made from them. */
const VNI_SMALL: [string, string][] = (() => {
	const pairs: [string, string][] = [];
	const series = (vni: string, marks: string[], unicode: string) =>
		marks.forEach((m, t) => pairs.push([vni + m, (unicode + TONES[t]).normalize('NFC')]));
	for (const v of ['a', 'e', 'o', 'u', 'y']) series(v, VNI_TONES, v);
	series('a', VNI_CIRCUMFLEX, 'â');
	series('e', VNI_CIRCUMFLEX, 'ê');
	series('o', VNI_CIRCUMFLEX, 'ô');
	series('a', VNI_BREVE, 'ă');
	series('ô', VNI_TONES, 'ơ');
	series('ö', VNI_TONES, 'ư');
	// i and ỵ are single characters: í ì ỉ ĩ ị, ỵ; đ is ñ.
	pairs.push(['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ'], ['ñ', 'đ']);
	// "y" with nặng is î, not "yï".
	return pairs.filter(([vni]) => vni !== 'yï');
})();

/** VNI spelling → letter, both cases: capitals are the small spellings in capitals. */
const VNI_DECODE = new Map<string, string>(
	VNI_SMALL.flatMap(([vni, letter]) => [
		[vni, letter],
		[vni.toUpperCase(), letter.toUpperCase()],
	]),
);
const VNI_ENCODE = new Map<string, string>([...VNI_DECODE].map(([vni, letter]) => [letter, vni]));

/** Windows-1252 decoding of every byte, and back: how a legacy cell's text maps to its bytes. */
const CP1252 = new TextDecoder('windows-1252').decode(
	Uint8Array.from({ length: 256 }, (_, b) => b),
);
const CP1252_BYTE = new Map<string, number>([...CP1252].map((ch, b) => [ch, b]));

/** Decode VNI text read as Windows-1252: base letters with their marks become one letter. */
function decodeVni(latin: string): string {
	let out = '';
	for (let i = 0; i < latin.length; i++) {
		const pair = VNI_DECODE.get(latin.slice(i, i + 2));
		if (pair && latin.length > i + 1) {
			out += pair;
			i++;
			continue;
		}
		const ch = latin[i]!;
		// A lone letter of VNI's own (ơ, ư, i with a tone, ỵ, đ), else the character itself.
		out += ch.length === 1 && /[ôöÔÖíìæóòîñÍÌÆÓÒÎÑ]/.test(ch) ? (VNI_DECODE.get(ch) ?? ch) : ch;
	}
	return out;
}

/** Bytes in a legacy encoding → Unicode text (NFC). */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
	if (encoding === 'vni')
		return decodeVni(new TextDecoder('windows-1252').decode(bytes)).normalize('NFC');
	const table = TABLES[encoding];
	let out = '';
	for (const b of bytes) out += table[b]!;
	return out.normalize('NFC');
}

/**
 * A workbook cell's text typed in a legacy font (its characters are Windows-1252's) → Unicode; null
 * when a character has no Windows-1252 byte (the text is Unicode already).
 */
export function legacyFromText(text: string, encoding: LegacyEncoding): string | null {
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const b = CP1252_BYTE.get(text[i]!);
		if (b === undefined) return null;
		bytes[i] = b;
	}
	return decodeLegacy(bytes, encoding);
}

/** Unicode text → bytes of a legacy encoding (to write test files); null when a letter has none. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array | null {
	const bytes: number[] = [];
	if (encoding === 'vni') {
		for (const ch of text.normalize('NFC')) {
			const spelled = VNI_ENCODE.get(ch) ?? ch;
			for (const c of spelled) {
				const b = CP1252_BYTE.get(c);
				if (b === undefined) return null;
				bytes.push(b);
			}
		}
		return Uint8Array.from(bytes);
	}
	const table = TABLES[encoding];
	const byChar = new Map<string, number>();
	table.forEach((ch, b) => {
		if (!byChar.has(ch)) byChar.set(ch, b);
	});
	for (const ch of text.normalize('NFC')) {
		const b = byChar.get(ch);
		if (b === undefined) return null;
		bytes.push(b);
	}
	return Uint8Array.from(bytes);
}
