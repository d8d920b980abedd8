/**
 * Property-based tests: random and corrupted CSV, XLSX and Parquet bytes never make the reader or the
 * validator throw, and every row of a file ends up accepted, rejected (with at least one error reported
 * on that row) or empty.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { IMPORT_COLUMNS, autoMapping } from '../../../src/import/columns.ts';
import { readImportFile } from '../../../src/import/read.ts';
import { templateCsv, templateXlsx } from '../../../src/import/template.ts';
import type { Cell, Sheet } from '../../../src/import/types.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { validateRows } from '../../../src/import/validate.ts';
import { writeXlsx } from '../../../src/import/xlsx.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';
import { encodeCp1258 } from '../../helpers/cp1258.ts';
import { UNITS, parquetBytes } from '../../helpers/import-fixtures.ts';

const units = new UnitCatalog(UNITS);
const options = { decodeParquet: decodeParquetNode };
const RUNS = { numRuns: 150 };

/** Read and validate; the invariant every file must keep. */
async function readAndCheck(bytes: Uint8Array): Promise<void> {
	const read = await readImportFile(bytes, options);
	if (!read.ok) {
		expect(read.error.message.vi.length).toBeGreaterThan(0);
		expect(read.error.message.en.length).toBeGreaterThan(0);
		return;
	}
	checkSheet(read.sheet);
}

function checkSheet(sheet: Sheet, mapping = autoMapping(sheet.headers)): void {
	const result = validateRows({ sheet, mapping, units });
	const accepted = new Set(result.accepted.map((f) => f.row));
	const rejected = new Set(result.rejectedRows);
	const empty = new Set(result.emptyRows);
	expect(accepted.size + rejected.size + empty.size).toBe(result.totalRows);
	expect(result.totalRows).toBe(sheet.rows.length);
	for (const row of sheet.rows) {
		const places = [accepted.has(row.number), rejected.has(row.number), empty.has(row.number)];
		expect(places.filter(Boolean)).toHaveLength(1);
		const errors = result.issues.filter((i) => i.row === row.number && i.severity === 'error');
		// Rejected rows have an error saying why; accepted rows have none.
		expect(errors.length > 0).toBe(rejected.has(row.number));
	}
	for (const fact of result.accepted) {
		for (const value of Object.values(fact.values)) {
			if (value !== null && value !== undefined) {
				expect(Number.isInteger(value) && value >= 0).toBe(true);
			}
		}
	}
}

/** Cells a spreadsheet might hold: codes, numbers in every form, words, junk. */
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
	fc.constant(null),
	fc.constantFrom(
		'276',
		'006',
		'6',
		'24',
		'09955',
		'99999',
		'2023',
		'2025',
		'2021-2026',
		'Cả năm',
		'tháng',
		'nhiệm kỳ',
		'own',
		'subunits',
		'hơn 50',
		'1.143',
		'1,5',
		'1,143',
		'-3',
		'02',
		'',
		'—',
		'Thạch Thất',
		'Bắc Giang',
	),
	fc.integer({ min: -5, max: 3000 }),
	fc.double({ noNaN: false }),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const headerArb = fc.oneof(
	fc.constantFrom(...IMPORT_COLUMNS.flatMap((c) => [c.id, c.header.vi, c.header.en])),
	fc.string({ maxLength: 10 }),
);

describe('the validator on random tables', () => {
	test('never throws; every row accepted, rejected with a reported error, or empty', () => {
		fc.assert(
			fc.property(
				fc.array(headerArb, { minLength: 1, maxLength: 10 }),
				fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 25 }),
				(headers, rows) => {
					checkSheet({
						format: 'csv',
						headerRow: 1,
						headers,
						rows: rows.map((cells, i) => ({ number: i + 2, cells })),
					});
				},
			),
			{ numRuns: 300 },
		);
	});

	test('any mapping, including odd ones the user may pick, keeps the invariant', () => {
		const ids = IMPORT_COLUMNS.map((c) => c.id);
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.constantFrom(...ids), { nil: null }), { minLength: 4, maxLength: 4 }),
				fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { maxLength: 15 }),
				(mapping, rows) => {
					checkSheet(
						{
							format: 'csv',
							headerRow: 1,
							headers: ['a', 'b', 'c', 'd'],
							rows: rows.map((cells, i) => ({ number: i + 2, cells })),
						},
						mapping,
					);
				},
			),
			RUNS,
		);
	});
});

describe('the reader on random and corrupted bytes', () => {
	test('random bytes', async () => {
		await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), readAndCheck), RUNS);
	});

	test('random CSV text in UTF-8 (with and without a BOM) and in Windows-1258', async () => {
		const csvArb = fc
			.array(
				fc.array(
					fc.oneof(
						cellArb.map((c) => (c === null ? '' : String(c))),
						fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r\n'),
					),
					{ maxLength: 8 },
				),
				{ maxLength: 12 },
			)
			.map((rows) => rows.map((r) => r.join(',')).join('\n'));
		await fc.assert(
			fc.asyncProperty(csvArb, fc.constantFrom('utf8', 'bom', 'cp1258'), async (text, encoding) => {
				let bytes: Uint8Array;
				if (encoding === 'cp1258') {
					try {
						bytes = encodeCp1258(text);
					} catch {
						return; // A character Windows-1258 cannot write.
					}
				} else {
					bytes = new TextEncoder().encode(encoding === 'bom' ? `\ufeff${text}` : text);
				}
				await readAndCheck(bytes);
			}),
			RUNS,
		);
	});

	test('the templates with bytes flipped, cut off or spliced', async () => {
		const sources = [templateCsv(), templateXlsx()];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(0, 1),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
				fc.option(fc.nat(), { nil: undefined }),
				async (which, flips, cut) => {
					const bytes = sources[which]!.slice();
					for (const [at, value] of flips) bytes[at % bytes.length] = value;
					await readAndCheck(cut === undefined ? bytes : bytes.slice(0, cut % bytes.length));
				},
			),
			RUNS,
		);
	});

	test('zip archives with random workbook parts (XLSX-ish)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({ maxLength: 200 }),
				fc.string({ maxLength: 300 }),
				fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 }),
				async (workbook, sheet, rows) => {
					await readAndCheck(
						zipSync({
							'xl/workbook.xml': strToU8(
								`<workbook><sheets><sheet name="a" r:id="rId1"/></sheets>${workbook}</workbook>`,
							),
							'xl/worksheets/sheet1.xml': strToU8(
								`<worksheet><sheetData>${sheet}</sheetData></worksheet>`,
							),
						}),
					);
					await readAndCheck(
						writeXlsx([
							{
								name: 'Số liệu',
								rows: [
									IMPORT_COLUMNS.map((c) => c.header.vi),
									...rows.map((r) =>
										r.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c)),
									),
								],
							},
						]),
					);
				},
			),
			{ numRuns: 100 },
		);
	});

	test('Parquet: random tables, and Parquet bytes corrupted', async () => {
		const good = parquetBytes({
			unit_code: { type: 'utf8', values: ['276', '006', null] },
			year: { type: 'int32', values: [2023, 2022, 2021] },
			supervisions: { type: 'int32', values: [13, null, -1] },
		});
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.tuple(
						fc.option(fc.constantFrom('276', '24', 'x', '1.143'), { nil: null }),
						fc.option(fc.integer({ min: -10, max: 3000 }), { nil: null }),
					),
					{ maxLength: 10 },
				),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
					minLength: 1,
					maxLength: 6,
				}),
				async (rows, flips) => {
					await readAndCheck(
						parquetBytes({
							'Mã đơn vị': { type: 'utf8', values: rows.map((r) => r[0]) },
							Năm: { type: 'int32', values: rows.map(() => 2023) },
							'Cuộc giám sát': { type: 'int32', values: rows.map((r) => r[1]) },
						}),
					);
					const broken = good.slice();
					for (const [at, value] of flips) broken[at % broken.length] = value;
					await readAndCheck(broken);
				},
			),
			{ numRuns: 60 },
		);
	});
});
