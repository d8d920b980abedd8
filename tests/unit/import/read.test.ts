import { describe, expect, test } from 'vitest';
import { readImportFile } from '../../../src/import/read.ts';
import { templateCsv, templateXlsx, TEMPLATE_EXAMPLE } from '../../../src/import/template.ts';
import { IMPORT_COLUMNS } from '../../../src/import/columns.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';
import { parquetBytes } from '../../helpers/import-fixtures.ts';
import { encodeCp1258 } from '../../helpers/cp1258.ts';

const options = { decodeParquet: decodeParquetNode };
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readImportFile', () => {
	test('CSV: header found below a title line; rows keep their numbers in the file', async () => {
		const text =
			'BÁO CÁO HĐND NĂM 2023;;\nMã đơn vị;Năm;Kỳ họp thường lệ\n276;2023;2\n;;\n006;2023;"1,5"\n';
		const result = await readImportFile(utf8(text), options);
		// The table as read; the regions and the source (to choose another table) come on top.
		expect(result).toMatchObject({
			ok: true,
			sheet: {
				format: 'csv',
				encoding: 'utf-8',
				delimiter: ';',
				headerRow: 2,
				headers: ['Mã đơn vị', 'Năm', 'Kỳ họp thường lệ'],
				rows: [
					{ number: 3, cells: ['276', '2023', '2'] },
					{ number: 4, cells: [null, null, null] },
					{ number: 5, cells: ['006', '2023', '1,5'] },
				],
			},
		});
	});

	test('CSV in Windows-1258 is read with its Vietnamese intact', async () => {
		const result = await readImportFile(
			encodeCp1258('Mã đơn vị,Tên đơn vị\n276,Huyện Thạch Thất\n'),
			options,
		);
		expect(result.ok && result.sheet.encoding).toBe('windows-1258');
		expect(result.ok && result.sheet.rows[0]!.cells).toEqual(['276', 'Huyện Thạch Thất']);
	});

	test('both templates read back as the template: every header, the example row', async () => {
		for (const bytes of [templateCsv(), templateXlsx()]) {
			const result = await readImportFile(bytes, options);
			expect(result.ok).toBe(true);
			if (!result.ok) continue;
			expect(result.sheet.headers).toEqual(IMPORT_COLUMNS.map((c) => c.header.vi));
			expect(result.sheet.rows).toHaveLength(1);
			expect(result.sheet.rows[0]!.cells[0]).toBe(TEMPLATE_EXAMPLE.unit_code);
		}
		const xlsx = await readImportFile(templateXlsx(), options);
		expect(xlsx.ok && xlsx.sheet.sheetName).toBe('Số liệu');
	});

	test('Parquet: column names are the header, values keep their types', async () => {
		const bytes = parquetBytes({
			unit_code: { type: 'utf8', values: ['276', '006'] },
			year: { type: 'int32', values: [2023, 2023] },
			supervisions: { type: 'int32', values: [13, null] },
		});
		expect(await readImportFile(bytes, options)).toMatchObject({
			ok: true,
			sheet: {
				format: 'parquet',
				headerRow: 1,
				headers: ['unit_code', 'year', 'supervisions'],
				rows: [
					{ number: 2, cells: ['276', 2023, 13] },
					{ number: 3, cells: ['006', 2023, null] },
				],
			},
		});
	});

	test('files that cannot be read are refused with a message in both languages', async () => {
		const cases: [Uint8Array, string][] = [
			[new Uint8Array(0), 'empty'],
			[new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'],
			[new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), 'xlsx'],
			[new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]), 'parquet'],
			[new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7]), 'binary'],
			[new Uint8Array([0x81, 0x75, 0x8b, 0x63, 0x89, 0xef, 0x81, 0x76]), 'encoding'],
			[utf8('\n\n  \n'), 'empty'],
		];
		for (const [bytes, code] of cases) {
			const result = await readImportFile(bytes, options);
			expect(result.ok, code).toBe(false);
			if (result.ok) continue;
			expect(result.error.code).toBe(code);
			expect(result.error.message.vi.length).toBeGreaterThan(10);
			expect(result.error.message.en.length).toBeGreaterThan(10);
		}
	});
});
