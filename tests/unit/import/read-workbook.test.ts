import { describe, expect, test } from 'vitest';
import { readImportFile } from '../../../src/import/read.ts';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

const options = { decodeParquet: decodeParquetNode };

/** A row with `value` at the 0-based column `at`. */
const far = (at: number, value: string | number) => {
	const row: (string | number | null)[] = Array.from({ length: at }, () => null);
	row[at] = value;
	return row;
};

describe('reading workbooks', () => {
	test('a stray value at column 300 neither refuses the file nor shifts the table', async () => {
		const bytes = writeXlsx([
			{
				name: 'Số liệu',
				rows: [['Mã đơn vị', 'Năm', 'Cuộc giám sát'], ['276', 2023, 13], far(299, 'ghi chú lạc')],
			},
		]);
		const result = await readImportFile(bytes, options);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.sheet.headers.slice(0, 3)).toEqual(['Mã đơn vị', 'Năm', 'Cuộc giám sát']);
		expect(result.sheet.notices).toBeUndefined();
	});

	test('values beyond the column limit are left out with a notice naming the first cell', async () => {
		const bytes = writeXlsx([
			{
				name: 'Số liệu',
				rows: [['Mã đơn vị', 'Năm', 'Cuộc giám sát'], ['276', 2023, 13], far(1100, 1)],
			},
		]);
		const result = await readImportFile(bytes, options);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.sheet.notices).toEqual([
			{
				vi: 'Không đọc 1 ô có giá trị nằm ngoài 1.024 cột đầu (ô đầu tiên: API3).',
				en: '1 cell(s) with values beyond the first 1,024 columns were not read (the first: API3).',
			},
		]);
	});
});
