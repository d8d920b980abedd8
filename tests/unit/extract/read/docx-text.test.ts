import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { documentText, readDocx } from '../../../../src/extract/read/docx-text.ts';
import { docxParagraph, makeDocxFromBody } from '../../../helpers/report-files.ts';

const CAP = 64 * 1024 * 1024;

/** Rewrite a one-file zip's declared uncompressed size (local header +22, central directory entry +24). */
function setDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	view.setUint32(22, size, true);
	for (let i = zip.length - 4; i >= 0; i--) {
		if (view.getUint32(i, true) === 0x02014b50) {
			view.setUint32(i + 24, size, true);
			break;
		}
	}
	return zip;
}

/** A body the way Word writes one: runs split mid-word, a tab, a line break, a table, a tracked
 * deletion, a field code, hidden text, a text box with its fallback copy, tab stops in the properties. */
const BODY =
	'<w:p><w:pPr><w:pStyle w:val="Title"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
	'<w:r><w:t>Báo cáo kết quả </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>hoạt động</w:t></w:r></w:p>' +
	'<w:p><w:r><w:t xml:space="preserve">Năm 2024, Thường trực HĐND tỉnh tổ chức </w:t></w:r>' +
	'<w:r><w:t>4</w:t></w:r><w:r><w:t xml:space="preserve"> kỳ h</w:t></w:r><w:r><w:t>ọp</w:t></w:r>' +
	'<w:del><w:r><w:delText>5 kỳ họp</w:delText></w:r></w:del>' +
	'<w:r><w:tab/><w:t>(tăng 1)</w:t><w:br/><w:t>giám sát 6 cuộc.</w:t></w:r></w:p>' +
	'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
	'<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn đi</w:t></w:r><w:r><w:t>Trang 2</w:t></w:r></w:p>' +
	'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Số lượng</w:t></w:r></w:p></w:tc></w:tr>' +
	'<w:tr><w:tc><w:p><w:r><w:t>Tiếp xúc</w:t></w:r></w:p><w:p><w:r><w:t>cử tri</w:t></w:r></w:p></w:tc>' +
	'<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>' +
	'<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>' +
	'<w:p><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:drawing><w:txbxContent>' +
	'<w:p><w:r><w:t>Trong khung</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>' +
	'<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Trong khung</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>' +
	'</mc:AlternateContent></w:r><w:r><w:t>Sau khung</w:t></w:r></w:p>';

describe('documentText', () => {
	test('paragraphs are lines, runs joined, tabs and breaks kept, a table row per line', () => {
		const { text, styledTitle } = documentText(
			`<w:document xmlns:w="w"><w:body>${BODY}</w:body></w:document>`,
		);
		expect(text.split('\n')).toEqual([
			'Báo cáo kết quả hoạt động',
			'Năm 2024, Thường trực HĐND tỉnh tổ chức 4 kỳ họp\t(tăng 1)',
			'giám sát 6 cuộc.',
			'Trang 2',
			'Nội dung\tSố lượng',
			'Tiếp xúc cử tri\t12',
			'Trong khung',
			'Sau khung',
		]);
		expect(styledTitle).toBe('Báo cáo kết quả hoạt động');
	});
});

describe('readDocx', () => {
	test('reads a package made like Word does, with the title from its properties', () => {
		const bytes = makeDocxFromBody(BODY, { title: 'Báo cáo năm 2024' });
		const read = readDocx(bytes, CAP);
		expect(read).toMatchObject({ ok: true, title: 'Báo cáo năm 2024' });
		if (read.ok) expect(read.text).toContain('tổ chức 4 kỳ họp');
	});

	test('finds the main part through the content types when it is not word/document.xml', () => {
		const bytes = zipSync({
			'[Content_Types].xml': strToU8(
				'<Types><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
			),
			'word/document2.xml': strToU8(
				`<w:document><w:body>${docxParagraph('Đúng phần chính')}</w:body></w:document>`,
			),
		});
		expect(readDocx(bytes, CAP)).toEqual({ ok: true, text: 'Đúng phần chính', title: null });
	});

	test('a zip without a Word document is not a docx; a broken zip is damaged', () => {
		expect(readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), CAP)).toMatchObject({
			ok: false,
			code: 'not_docx',
		});
		const broken = makeDocxFromBody(docxParagraph('x')).slice(0, 60);
		expect(readDocx(broken, CAP)).toMatchObject({ ok: false, code: 'damaged' });
	});

	test('a zip bomb is refused by its declared size, before it is inflated', () => {
		const cap = 4 * 1024 * 1024;
		const huge = new Uint8Array(cap + 1024).fill(0x20);
		const bomb = zipSync({ 'word/document.xml': [huge, { level: 1 }] });
		expect(bomb.length).toBeLessThan(cap / 100);
		expect(readDocx(bomb, cap)).toMatchObject({ ok: false, code: 'too_large' });
	});

	test('a bomb that lies about its size is cut at the size it declares', () => {
		const huge = new Uint8Array(8 * 1024 * 1024).fill(0x20);
		const bomb = setDeclaredSize(zipSync({ 'word/document.xml': [huge, { level: 1 }] }), 100);
		const read = readDocx(bomb, CAP);
		expect(read.ok ? read.text : read.code).toBe('');
	});
});
