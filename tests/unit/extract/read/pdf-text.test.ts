import { describe, expect, test } from 'vitest';
import { nodePdfReader } from '../../../../src/extract/read/pdf-node.ts';
import { assembleLines, pagesToText } from '../../../../src/extract/read/pdf-text.ts';
import { makePdf, makeScannedPdf } from '../../../helpers/report-files.ts';

/** A text item as pdf.js gives it: 12 pt, at (x, y), `width` wide. */
const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({
	str,
	x,
	transform: [12, 0, 0, 12, x, y],
	width,
	height: 12,
	hasEOL,
});

describe('assembleLines', () => {
	test('joins pieces on one baseline, with a space only where the gap is one', () => {
		const items = [
			item('Th', 50, 700, 14),
			item('ạ', 64, 700, 7),
			item('ch', 71, 700, 12),
			item('Th', 86, 700.4, 14), // a space-wide gap, a baseline a little off
			item('ất', 100, 700, 12, true),
			{ type: 'beginMarkedContent' },
			item('tổ chức 4', 50, 682, 50),
			item('kỳ họp', 103, 682, 36),
		];
		expect(assembleLines(items)).toEqual(['Thạch Thất', 'tổ chức 4 kỳ họp']);
	});

	test('a wide gap between cells is a tab', () => {
		expect(assembleLines([item('Kỳ họp', 50, 700, 36), item('4', 300, 700, 6)])).toEqual([
			'Kỳ họp\t4',
		]);
	});

	test('tone marks drawn as their own pieces join their letter, in NFC', () => {
		const items = [
			item('Nguyê', 50, 700, 34),
			item('\u0303', 80, 700, 0), // a combining tilde over the ê
			item('n', 84, 700, 7),
			item('ho', 50, 682, 14),
			item('\u00b4', 58, 682, 4), // a spacing acute drawn over the o
			item('a', 64, 682, 7),
		];
		const lines = assembleLines(items);
		expect(lines).toEqual(['Nguyễn', 'hóa']);
		for (const line of lines) expect(line).toBe(line.normalize('NFC'));
	});

	test('glyphs that map to no character are dropped', () => {
		expect(assembleLines([item('Va\u0000n', 50, 700, 30)])).toEqual(['Van']);
	});
});

describe('pagesToText', () => {
	test('drops page numbers and joins a sentence the page wrapped', () => {
		const text = pagesToText([
			['Báo cáo', 'Năm 2024, HĐND tổ chức 4', 'kỳ họp và giám sát', '1'],
			['- 2 -', '6 cuộc.', 'Tiếp xúc cử tri 12 cuộc.', 'Trang 2/2'],
			[],
		]);
		expect(text).toBe(
			'Báo cáo\nNăm 2024, HĐND tổ chức 4 kỳ họp và giám sát 6 cuộc.\nTiếp xúc cử tri 12 cuộc.',
		);
	});

	test('does not join table rows or a line that ends a sentence', () => {
		expect(pagesToText([['Kỳ họp\t4', 'giám sát\t6', 'Hết.', 'năm sau']])).toBe(
			'Kỳ họp\t4\ngiám sát\t6\nHết.\nnăm sau',
		);
	});
});

describe('nodePdfReader', () => {
	const reader = nodePdfReader();

	test('reads the text layer of a PDF drawn in three font subsets, diacritics intact', async () => {
		const lines = [
			'BÁO CÁO KẾT QUẢ HOẠT ĐỘNG NĂM 2024',
			'Thường trực HĐND huyện Đức Thọ đã tổ chức 2 kỳ họp thường lệ, 1 kỳ họp chuyên đề;',
			'giám sát 5 cuộc, khảo sát 3 cuộc; tiếp nhận 1.143 ý kiến, kiến nghị của cử tri (đạt 89,2%).',
		];
		const read = await reader.read(await makePdf(lines, { title: 'Báo cáo năm' }), {
			maxPages: 500,
		});
		expect(read).toEqual({ ok: true, pageCount: 1, pages: [lines], title: 'Báo cáo năm' });
	});

	test('pages without text come back empty; too many pages are refused before reading', async () => {
		const scanned = await reader.read(await makeScannedPdf(2), { maxPages: 500 });
		expect(scanned).toMatchObject({ ok: true, pageCount: 2, pages: [[], []] });
		const long = await makePdf(['a', 'b', 'c'], { linesPerPage: 1 });
		expect(await reader.read(long, { maxPages: 2 })).toMatchObject({
			ok: false,
			reason: 'too_many_pages',
			pageCount: 3,
		});
	});

	test('garbage after the signature is damaged, and the caller keeps its bytes', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not a PDF at all');
		expect(await reader.read(bytes, { maxPages: 500 })).toMatchObject({
			ok: false,
			reason: 'damaged',
		});
		expect(bytes.length).toBeGreaterThan(0);
	});
});
