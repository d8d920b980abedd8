/** Reading the CSV inputs of the data build. */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';

/** Rows of a UTF-8 CSV file with a header, every value kept as text (codes keep their leading zeros). */
export function readCsv(path: string): Record<string, string>[] {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	return csvParse(text) as unknown as Record<string, string>[];
}
