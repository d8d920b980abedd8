/**
 * A Windows-1258 encoder for test fixtures (there is no built-in one). Its table is the inverse of the
 * platform's own Windows-1258 decoder, so fixtures and reader agree on every byte by construction; a
 * character with no single byte is written as its base letter plus a combining tone mark, the way
 * Vietnamese Windows writes it.
 */
const TABLE = (() => {
	const decoder = new TextDecoder('windows-1258');
	const map = new Map<string, number>();
	for (let b = 0; b < 256; b++) {
		const ch = decoder.decode(new Uint8Array([b]));
		if (!map.has(ch)) map.set(ch, b);
	}
	return map;
})();

/** The five tone marks, which Windows-1258 writes as separate bytes. */
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Bytes of a text in Windows-1258; throws on a character the code page cannot write. */
export function encodeCp1258(text: string): Uint8Array {
	const bytes: number[] = [];
	for (const ch of text.normalize('NFC')) {
		const direct = TABLE.get(ch);
		if (direct !== undefined) {
			bytes.push(direct);
			continue;
		}
		// Split off the tone mark: base (possibly with circumflex, breve or horn) + combining tone.
		const decomposed = ch.normalize('NFD');
		const tone = [...decomposed].find((c) => TONES.includes(c)) ?? '';
		const base = decomposed.replace(tone, '').normalize('NFC');
		const b = TABLE.get(base);
		const t = TABLE.get(tone);
		if (b === undefined || t === undefined) throw new Error(`no Windows-1258 form for ${ch}`);
		bytes.push(b, t);
	}
	return new Uint8Array(bytes);
}
