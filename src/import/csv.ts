/**
 * CSV text → rows of cells. The separator is found from the text: comma, semicolon (Excel where the
 * decimal mark is a comma) or tab (Excel's "Unicode text"). Parsing is d3-dsv's (RFC 4180 quoting).
 */
import { dsvFormat } from 'd3-dsv';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts of a character outside quotes in each of the first lines of the text. */
function countsPerLine(text: string, delimiter: string, maxLines = 20): number[] {
	const counts: number[] = [];
	let count = 0;
	let quoted = false;
	for (let i = 0; i < text.length && counts.length < maxLines; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === delimiter) count++;
		else if (!quoted && ch === '\n') {
			counts.push(count);
			count = 0;
		}
	}
	if (counts.length < maxLines && count > 0) counts.push(count);
	return counts;
}

/**
 * The separator that splits the first lines most consistently: the one whose most common count per
 * non-empty line is highest, ties broken by the order comma, semicolon, tab. A single column is comma.
 */
export function sniffDelimiter(text: string): Delimiter {
	let best: Delimiter = ',';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = countsPerLine(text, d).filter((n) => n > 0);
		if (counts.length === 0) continue;
		const tally = new Map<number, number>();
		for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
		const [mode, times] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
		// Lines agreeing on the count matter most; more columns break ties.
		const score = times * 1000 + mode;
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/** Rows of cells; cells are trimmed text. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): string[][] {
	return dsvFormat(delimiter).parseRows(text.replace(/^\ufeff/, ''));
}

/** One CSV line of the given cells, quoted where needed. */
export function formatCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	return dsvFormat(',').formatRows(rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
}
