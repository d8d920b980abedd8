import { describe, expect, test } from 'vitest';
import {
	ACCEPTED_FILES,
	FORMAT_NAMES,
	XLSX_TYPE,
	separatorName,
} from '../../../../../src/views/data/import/import-files.ts';

describe('separatorName', () => {
	test('names a tab, which has no visible sign', () => {
		expect(separatorName('\t')).toBe('Tab');
	});

	test('shows any other separator as itself', () => {
		expect(separatorName(';')).toBe(';');
		expect(separatorName('|')).toBe('|');
		expect(separatorName(',')).toBe(',');
	});

	test('says comma when the reader reported none', () => {
		expect(separatorName(undefined)).toBe(',');
	});
});

describe('the file chooser', () => {
	const accepted = ACCEPTED_FILES.split(',');

	test('offers every format the panel names, by extension', () => {
		for (const format of Object.keys(FORMAT_NAMES)) expect(accepted).toContain(`.${format}`);
	});

	test('offers tab-separated and plain text files and the CSV and workbook types', () => {
		expect(accepted).toEqual(expect.arrayContaining(['.tsv', '.txt', 'text/csv', XLSX_TYPE]));
	});

	test('names the formats as the user knows them', () => {
		expect(FORMAT_NAMES).toEqual({ csv: 'CSV', xlsx: 'Excel (.xlsx)', parquet: 'Parquet' });
	});
});
