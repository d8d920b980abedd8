/**
 * Property-based tests: random and corrupted CSV, XLSX and Parquet bytes, and the hostile structures of
 * issue 16 (words a plain object inherits, runs of blank lines, lines of separators, unclosed quotes,
 * CDATA sections, comments and attributes, lying zip sizes and Parquet footers), never make the reader or
 * the validator throw, and every row of a file ends up accepted, rejected (with at least one error
 * reported on that row) or empty.
 *
 * Seeded, about 11,000 inputs in `npm test`; `npm run fuzz` runs ten times as many (FUZZ_SCALE=10) and
 * prints the figures kept in the README's reliability section (see tests/helpers/fuzz-stats.ts).
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { IMPORT_COLUMNS, autoMapping } from '../../../src/import/columns.ts';
import { readCsvRows } from '../../../src/import/csv.ts';
import { parquetShape } from '../../../src/import/parquet-footer.ts';
import { readImportFile } from '../../../src/import/read.ts';
import { templateCsv, templateXlsx } from '../../../src/import/template.ts';
import type { Cell, Sheet } from '../../../src/import/types.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { validateRows } from '../../../src/import/validate.ts';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import { xmlEvents } from '../../../src/import/xml.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';
import { encodeCp1258 } from '../../helpers/cp1258.ts';
import {
	measured,
	measuredSync,
	reportFuzzStats,
	runs,
	timeLimit,
} from '../../helpers/fuzz-stats.ts';
import { INHERITED_KEYS } from '../../helpers/hostile.ts';
import { xlsxDeclaring } from '../../helpers/hostile-files.ts';
import { UNITS, parquetBytes } from '../../helpers/import-fixtures.ts';

const units = new UnitCatalog(UNITS);
const options = { decodeParquet: decodeParquetNode };

afterAll(() => reportFuzzStats('fuzz-import'));

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
		'khoảng 5',
		'Cả nhiệm kỳ',
		...INHERITED_KEYS,
	),
	fc.integer({ min: -5, max: 3000 }),
	fc.double({ noNaN: false }),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const headerArb = fc.oneof(
	fc.constantFrom(...IMPORT_COLUMNS.flatMap((c) => [c.id, c.header.vi, c.header.en])),
	fc.constantFrom(...INHERITED_KEYS),
	fc.string({ maxLength: 10 }),
);

describe('the validator on random tables', () => {
	test(
		'never throws; every row accepted, rejected with a reported error, or empty',
		() => {
			fc.assert(
				fc.property(
					fc.array(headerArb, { minLength: 1, maxLength: 10 }),
					fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 25 }),
					measuredSync('validator: random tables', (headers, rows) => {
						checkSheet({
							format: 'csv',
							headerRow: 1,
							headers,
							rows: rows.map((cells, i) => ({ number: i + 2, cells })),
						});
					}),
				),
				runs(2_000, 1),
			);
		},
		timeLimit(60),
	);

	test(
		'any mapping, including odd ones the user may pick, keeps the invariant',
		() => {
			const ids = IMPORT_COLUMNS.map((c) => c.id);
			fc.assert(
				fc.property(
					fc.array(fc.option(fc.constantFrom(...ids), { nil: null }), {
						minLength: 4,
						maxLength: 4,
					}),
					fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { maxLength: 15 }),
					measuredSync('validator: any mapping', (mapping, rows) => {
						checkSheet(
							{
								format: 'csv',
								headerRow: 1,
								headers: ['a', 'b', 'c', 'd'],
								rows: rows.map((cells, i) => ({ number: i + 2, cells })),
							},
							mapping,
						);
					}),
				),
				runs(1_000, 2),
			);
		},
		timeLimit(60),
	);

	test(
		'the template with inherited words in any of its fields',
		() => {
			const ids = IMPORT_COLUMNS.map((c) => c.id);
			const template: Cell[] = ['276', 'Huyện Thạch Thất', '2023', '2023', 'Cả năm'];
			fc.assert(
				fc.property(
					fc.array(
						fc.array(fc.tuple(fc.nat(ids.length - 1), fc.constantFrom(...INHERITED_KEYS)), {
							maxLength: 4,
						}),
						{ minLength: 1, maxLength: 6 },
					),
					measuredSync('validator: inherited words', (changes) => {
						const rows = changes.map((change, i) => {
							const cells: Cell[] = ids.map(
								(_, c) => template[c] ?? (c === 9 ? String(i + 1) : null),
							);
							for (const [column, word] of change) cells[column] = word;
							return { number: i + 2, cells };
						});
						checkSheet({
							format: 'csv',
							headerRow: 1,
							headers: IMPORT_COLUMNS.map((c) => c.header.vi),
							rows,
						});
					}),
				),
				runs(1_000, 3),
			);
		},
		timeLimit(60),
	);
});

describe('the reader on random and corrupted bytes', () => {
	test(
		'random bytes',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.uint8Array({ maxLength: 400 }),
					measured('reader: random bytes', readAndCheck),
				),
				runs(1_500, 4),
			);
		},
		timeLimit(60),
	);

	test(
		'random CSV text in UTF-8 (with and without a BOM) and in Windows-1258',
		async () => {
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
				fc.asyncProperty(
					csvArb,
					fc.constantFrom('utf8', 'bom', 'cp1258'),
					measured('reader: random CSV', async (text, encoding) => {
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
				),
				runs(1_500, 5),
			);
		},
		timeLimit(60),
	);

	test(
		'the templates with bytes flipped, cut off or spliced',
		async () => {
			const sources = [templateCsv(), templateXlsx()];
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(0, 1),
					fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
					fc.option(fc.nat(), { nil: undefined }),
					measured('reader: templates corrupted', async (which, flips, cut) => {
						const bytes = sources[which]!.slice();
						for (const [at, value] of flips) bytes[at % bytes.length] = value;
						await readAndCheck(cut === undefined ? bytes : bytes.slice(0, cut % bytes.length));
					}),
				),
				runs(1_000, 6),
			);
		},
		timeLimit(60),
	);

	test(
		'zip archives with random workbook parts (XLSX-ish)',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.string({ maxLength: 200 }),
					fc.string({ maxLength: 300 }),
					fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 }),
					measured('reader: random workbook parts', async (workbook, sheet, rows) => {
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
					}),
				),
				runs(500, 7),
			);
		},
		timeLimit(60),
	);

	test(
		'Parquet: random tables, and Parquet bytes corrupted',
		async () => {
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
					measured('reader: Parquet random and corrupted', async (rows, flips) => {
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
					}),
				),
				runs(300, 8),
			);
		},
		timeLimit(60),
	);
});

/** Pieces of the structures that broke the readers, to be strung together at random. */
const CSV_PIECES = [
	'\n',
	'\r\n',
	'\r',
	'\n\n\n\n',
	',',
	',,,,,,,,',
	';',
	'\t',
	'"',
	'""',
	'"a\nb"',
	' ',
	'276',
	'2023',
	'Mã đơn vị',
	'Kỳ họp thường lệ',
	'Tính chất số liệu',
	'khoảng 5',
	...INHERITED_KEYS,
];
const XML_PIECES = [
	'<![CDATA[',
	']]>',
	'<!--',
	'-->',
	'<?xml',
	'<c r="',
	'<c r="A1" t="s">',
	'<c t="inlineStr"><is><t>',
	'</t></is></c>',
	'<v>',
	'</v>',
	'</c>',
	'<row r="2">',
	'<row>',
	'</row>',
	'<si><t>',
	'</t></si>',
	'&amp;',
	'&constructor;',
	'&#x1EA1;',
	'&#99999999;',
	'"',
	"'",
	'<',
	'>',
	'276',
	'Năm',
	...INHERITED_KEYS.map((k) => `<c ${k}="1">`),
];

describe('hostile structures', () => {
	test(
		'CSV: runs of blank lines and separators, unclosed quotes, inherited words',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.array(fc.tuple(fc.constantFrom(...CSV_PIECES), fc.integer({ min: 1, max: 40 })), {
						maxLength: 30,
					}),
					measured('hostile: CSV structures', async (pieces) => {
						const text = pieces.map(([piece, times]) => piece.repeat(times)).join('');
						// Small limits reach every limit on small inputs; the invariant is never to throw.
						const read = readCsvRows(text, ',', { rows: 20, lines: 200, columns: 30, cells: 300 });
						if (read.ok) expect(read.rows.length).toBeLessThanOrEqual(200);
						else expect(['rows', 'lines', 'columns', 'cells']).toContain(read.limit);
						await readAndCheck(new TextEncoder().encode(text));
					}),
				),
				runs(1_200, 9),
			);
		},
		timeLimit(60),
	);

	test(
		'XML: unclosed CDATA, comments and attributes, entities, inherited attribute names',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.array(fc.tuple(fc.constantFrom(...XML_PIECES), fc.integer({ min: 1, max: 30 })), {
						maxLength: 30,
					}),
					fc.constantFrom('sheet', 'strings'),
					measured('hostile: XML structures', async (pieces, where) => {
						const xml = pieces.map(([piece, times]) => piece.repeat(times)).join('');
						expect([...xmlEvents(xml)].length).toBeLessThanOrEqual(xml.length + 1);
						const sheet = where === 'sheet' ? xml : '<row r="1"><c t="s"><v>0</v></c></row>';
						const strings = where === 'strings' ? xml : '<si><t>Mã đơn vị</t></si>';
						await readAndCheck(
							zipSync({
								'xl/workbook.xml': strToU8(
									'<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>',
								),
								'xl/sharedStrings.xml': strToU8(`<sst>${strings}</sst>`),
								'xl/worksheets/sheet1.xml': strToU8(
									`<worksheet><sheetData>${sheet}</sheetData></worksheet>`,
								),
							}),
						);
					}),
				),
				runs(1_000, 10),
			);
		},
		timeLimit(60),
	);

	test(
		'XLSX: parts declaring any size are refused or read, never inflated past the limits',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 1, max: 25 }),
					fc.integer({ min: 0, max: 0xffffffff }),
					measured('hostile: zip sizes', async (sheets, declared) => {
						const book = xlsxDeclaring(sheets, declared);
						const limits = {
							maxPartBytes: 1e6,
							maxTotalBytes: 4e6,
							maxRows: 100,
							maxColumns: 50,
							maxCells: 1e4,
						};
						const result = readXlsx(book, limits);
						if (declared > limits.maxPartBytes)
							expect(result).toMatchObject({ limit: 'partBytes' });
						else if (declared * sheets > limits.maxTotalBytes)
							expect(result).toMatchObject({ limit: 'unzippedBytes' });
						await readAndCheck(book);
					}),
				),
				runs(400, 11),
			);
		},
		timeLimit(60),
	);

	test(
		'Parquet: footers of random bytes, lengths and counts',
		async () => {
			const MAGIC = [0x50, 0x41, 0x52, 0x31];
			await fc.assert(
				fc.asyncProperty(
					fc.uint8Array({ maxLength: 200 }),
					fc.integer({ min: 0, max: 0xffffffff }),
					measured('hostile: Parquet footers', async (footer, length) => {
						const bytes = new Uint8Array([...MAGIC, ...footer, 0, 0, 0, 0, ...MAGIC]);
						new DataView(bytes.buffer).setUint32(
							bytes.length - 8,
							length % (footer.length + 8),
							true,
						);
						const shape = parquetShape(bytes);
						if (shape) expect(Number.isFinite(shape.rows) && shape.columns >= 0).toBe(true);
						await readAndCheck(bytes);
					}),
				),
				runs(1_000, 12),
			);
		},
		timeLimit(60),
	);
});
