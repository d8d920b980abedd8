/**
 * The last step of every converted report (HTML, DOCX, PDF): one line per block, spaces collapsed, no
 * empty lines, NFC. Tabs stay: they separate a table row's cells, which keeps a label beside its number.
 */

/** Spaces of every width, the non-breaking ones included (a report's "1 143" must not hide a break). */
const SPACES = /[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Characters with no width that only get in the way of matching words. */
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g;

/** Normalise converted text: NFC, `\n` line ends, single spaces, trimmed lines, no empty lines. */
export function tidyLines(text: string): string {
	return text
		.replace(INVISIBLE, '')
		.normalize('NFC')
		.replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n')
		.split('\n')
		.map((line) =>
			line
				.replace(SPACES, ' ')
				.replace(/ *\t */g, '\t')
				.trim(),
		)
		.filter((line) => line !== '')
		.join('\n');
}

/** Normalise a plain text file as little as possible: NFC and `\n` line ends. */
export function tidyPlainText(text: string): string {
	return text.normalize('NFC').replace(/\r\n?/g, '\n');
}
