/**
 * The text of a cell as Excel means it. Office Open XML writes characters that XML cannot carry (and
 * carriage returns, which XML would fold) as `_xHHHH_` escapes, and a literal `_x…_` with its underscore
 * escaped as `_x005F_`; Excel shows the decoded text. Line breaks inside a cell come as CR LF or LF
 * depending on the writer; the dashboard keeps one form, `\n`.
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decode `_xHHHH_` escapes (left to right, so `_x005F_x000D_` stays the text `_x000D_`). */
export function decodeEscapes(text: string): string {
	if (!text.includes('_x')) return text;
	return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A cell's text: escapes decoded, CR LF and lone CR made `\n`. */
export function cellTextOf(raw: string): string {
	return decodeEscapes(raw).replace(/\r\n?/g, '\n');
}
