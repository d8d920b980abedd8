import { describe, expect, test } from 'vitest';
import { convertLegacyCells } from '../../../src/import/legacy-detect.ts';
import {
	decodeLegacy,
	encodeLegacy,
	legacyFromText,
	type LegacyEncoding,
} from '../../../src/import/legacy-vn.ts';
import { readImportFile } from '../../../src/import/read.ts';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

/** The 67 letters of Vietnamese outside ASCII (vowels with every tone, ă â ê ô ơ ư đ), small. */
const SMALL = [
	...'aăâeêioôơuưy'
		.split('')
		.flatMap((v) =>
			['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')),
		),
	...'ăâêôơưđ',
];
const LETTERS = [...SMALL, ...SMALL.map((l) => l.toUpperCase())];
const ENCODINGS: LegacyEncoding[] = ['tcvn3', 'vni', 'viscii'];

describe('legacy Vietnamese encodings', () => {
	test('there are 134 letters', () => {
		expect(new Set(LETTERS).size).toBe(134);
	});

	test.each(ENCODINGS)(
		'%s: every letter, small and capital, with every tone, round-trips',
		(enc) => {
			for (const letter of LETTERS) {
				const bytes = encodeLegacy(letter, enc);
				expect(bytes, letter).not.toBeNull();
				expect(decodeLegacy(bytes!, enc), letter).toBe(letter);
			}
			const all = LETTERS.join(' ');
			expect(decodeLegacy(encodeLegacy(all, enc)!, enc)).toBe(all);
		},
	);

	test('known spellings: TCVN3 "Hµ Néi", VNI "Haø Noäi", VISCII bytes', () => {
		const latin = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
		expect(decodeLegacy(latin('Hµ Néi'), 'tcvn3')).toBe('Hà Nội');
		expect(decodeLegacy(latin('Haø Noäi, Ñoáng Ña, Thaïch Thaát'), 'vni')).toBe(
			'Hà Nội, Đống Đa, Thạch Thất',
		);
		expect(decodeLegacy(Uint8Array.from([0x48, 0xe0, 0x20, 0x4e, 0xb5, 0x69]), 'viscii')).toBe(
			'Hà Nội',
		);
		expect(legacyFromText('Hµ Néi', 'tcvn3')).toBe('Hà Nội');
		// Text with a character Windows-1252 has no byte for is Unicode already.
		expect(legacyFromText('Hà Nội', 'tcvn3')).toBeNull();
	});
});

/** A report in CSV with names, headers and a note holding every letter, in the given encoding. */
function legacyCsv(enc: LegacyEncoding): Uint8Array {
	const text =
		'Mã đơn vị,Tên đơn vị,Năm,Kỳ họp thường lệ,Ghi chú\n' +
		'276,Huyện Thạch Thất,2023,2,Số liệu do Thường trực Hội đồng nhân dân tổng hợp\n' +
		'006,Quận Đống Đa,2023,3,' +
		`"${LETTERS.join(' ')}"\n`;
	return encodeLegacy(text, enc)!;
}

describe('CSV files in legacy encodings', () => {
	test.each([
		['tcvn3', 'TCVN3 (ABC)'],
		['vni', 'VNI'],
		['viscii', 'VISCII'],
	] as const)('%s is recognised, converted and named in a notice', async (enc, label) => {
		const result = await readImportFile(legacyCsv(enc), { decodeParquet: decodeParquetNode });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.sheet.encoding).toBe(label);
		expect(result.sheet.headers).toEqual([
			'Mã đơn vị',
			'Tên đơn vị',
			'Năm',
			'Kỳ họp thường lệ',
			'Ghi chú',
		]);
		expect(result.sheet.rows[0]!.cells[1]).toBe('Huyện Thạch Thất');
		expect(result.sheet.rows[1]!.cells[4]).toBe(LETTERS.join(' '));
		expect(result.sheet.notices?.map((n) => n.vi)).toEqual([
			`Tệp viết bằng bảng mã cũ ${label}: đã chuyển sang Unicode. Kiểm tra lại tên đơn vị và tiêu đề cột.`,
		]);
	});
});

describe('workbook cells typed with legacy fonts', () => {
	test('cells in .VnTime (TCVN3) are converted; Unicode cells are left alone', async () => {
		const asTyped = (s: string) =>
			new TextDecoder('windows-1252').decode(encodeLegacy(s, 'tcvn3')!);
		const bytes = writeXlsx([
			{
				name: 'Số liệu',
				rows: [
					['Mã đơn vị', 'Tên đơn vị', 'Năm', 'Cuộc giám sát'],
					['276', asTyped('Huyện Thạch Thất'), 2023, 13],
					['006', 'Quận Đống Đa', 2023, 7],
					['001', 'Hà', 2023, 1],
				],
			},
		]);
		const book = readXlsx(bytes);
		if (!book.ok) throw new Error(book.reason);
		expect(book.sheets[0]!.rows[1]!.cells[1]).toBe('HuyÖn Th¹ch ThÊt');
		expect(convertLegacyCells(book.sheets)).toEqual({ label: 'TCVN3 (ABC)', cells: 1 });
		expect(book.sheets[0]!.rows.map((r) => r.cells[1])).toEqual([
			'Tên đơn vị',
			'Huyện Thạch Thất',
			'Quận Đống Đa',
			'Hà',
		]);
		const read = await readImportFile(bytes, { decodeParquet: decodeParquetNode });
		expect(read.ok && read.sheet.notices?.map((n) => n.vi)).toEqual([
			'1 ô viết bằng bảng mã cũ TCVN3 (ABC) (phông .VnTime, VNI-Times…): đã chuyển sang Unicode.',
		]);
	});
});
