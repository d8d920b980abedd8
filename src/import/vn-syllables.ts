/**
 * Does text read as Vietnamese words? Each word is checked against the shape of a Vietnamese syllable:
 * an initial consonant, a vowel group of the language, a final consonant, at most one tone. Text read
 * in the wrong encoding breaks that shape ("Hµ Néi", "Hoäi", "Hoọi"), which is how the encoding of a
 * file without a label is told.
 */

/** Tone marks (decomposed). */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Vowel groups of Vietnamese syllables, without tones. */
const VOWELS = new Set(
	(
		'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô ' +
		'uơ uy ưa ưi ưu ươ yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu'
	).split(' '),
);

const SHAPE =
	/^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$/u;

/** Is the word (letters only) a possible Vietnamese syllable? */
export function isSyllable(word: string): boolean {
	const decomposed = word.normalize('NFD');
	const tones = decomposed.match(TONE)?.length ?? 0;
	if (tones > 1) return false;
	const bare = decomposed.replace(TONE, '').normalize('NFC').toLowerCase();
	const match = SHAPE.exec(bare);
	if (!match) return false;
	const vowels = match[2]!;
	return VOWELS.has(vowels);
}

/** Words with a letter outside ASCII, and how many of them are Vietnamese syllables. */
export function syllableShare(text: string): { words: number; valid: number } {
	let words = 0;
	let valid = 0;
	for (const word of text.normalize('NFC').match(/[\p{L}\p{M}]+/gu) ?? []) {
		if (!/[^\p{ASCII}]/u.test(word)) continue;
		words++;
		if (isSyllable(word)) valid++;
	}
	return { words, valid };
}

/** The share of non-ASCII words that are syllables; 1 when there are none. */
export function syllableScore(text: string): number {
	const { words, valid } = syllableShare(text);
	return words === 0 ? 1 : valid / words;
}
