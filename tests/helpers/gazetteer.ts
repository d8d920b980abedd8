/** The extractor's gazetteer from the project's unit lists (read once per test file). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gazetteerFromCsv } from '../../src/extract/gazetteer.ts';
import type { GazetteerUnit } from '../../src/extract/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let units: GazetteerUnit[] | null = null;

export function projectUnits(): GazetteerUnit[] {
	units ??= gazetteerFromCsv(
		readFileSync(join(ROOT, 'data', 'units', 'units_2023.csv'), 'utf8'),
		readFileSync(join(ROOT, 'data', 'units', 'units_2025.csv'), 'utf8'),
	);
	return units;
}
