import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { nodePdfReader } from '../../../../src/extract/read/pdf-node.ts';
import type { PdfTextReader } from '../../../../src/extract/read/pdf-text.ts';
import { readReportFile, type ReadReportResult } from '../../../../src/extract/read/read-report.ts';
import { encodeCp1258 } from '../../../helpers/cp1258.ts';
import {
	docxParagraph,
	makeDocx,
	makeDocxFromBody,
	makeEncryptedPdf,
	makePdf,
	makeScannedPdf,
} from '../../../helpers/report-files.ts';

const pdf = nodePdfReader();
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The report text the tests read back, written for them in the style of a district's report. */
const REPORT = [
	'Năm 2023, Thường trực HĐND huyện tổ chức 2 kỳ họp thường lệ và 3 kỳ họp chuyên đề.',
	'Các Ban HĐND huyện giám sát 7 cuộc; tiếp nhận 1.143 ý kiến, kiến nghị của cử tri.',
];

function expectOk(result: ReadReportResult) {
	if (!result.ok)
		throw new Error(`expected text, got ${result.error.code}: ${result.error.message.en}`);
	return result;
}

function expectError(result: ReadReportResult, code: string, format: string | null) {
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.error.code).toBe(code);
	expect(result.format).toBe(format);
	expect(result.error.message.vi).toMatch(/[ăâđêôơưạ-ỹ]/);
	expect(result.error.message.en.length).toBeGreaterThan(10);
}

describe('plain text', () => {
	const text = REPORT.join('\r\n');

	test('UTF-8, UTF-8 with a BOM and Windows-1258 all come back as the same NFC text', async () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
		for (const bytes of [utf8(text), bom, encodeCp1258(text)]) {
			const read = expectOk(await readReportFile(bytes, 'bao-cao.txt'));
			expect(read).toEqual({ ok: true, format: 'txt', text: REPORT.join('\n'), title: null });
		}
	});

	test('decomposed tone marks are composed', async () => {
		const read = expectOk(await readReportFile(utf8('kỳ họp'.normalize('NFD')), 'a.txt'));
		expect(read.text).toBe('kỳ họp');
	});

	test('a TCVN3-like byte soup is refused with a message about the encoding', async () => {
		const bytes = new Uint8Array([0x4b, 0xfa, 0x20, 0x68, 0xa4, 0x70, 0x20, 0xbc, 0xb5]);
		expectError(await readReportFile(bytes, 'cu.txt'), 'unsupported', 'txt');
	});
});

describe('HTML', () => {
	test('a saved page gives its article text and title, not its menu or script', async () => {
		const page = `<html><head><title>Tin hoạt động</title><script>var x = '<p>menu</p>';</script></head>
			<body><nav><a>Trang chủ</a></nav><h1>Tin hoạt động</h1>${REPORT.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
		const read = expectOk(await readReportFile(utf8(page), 'tin.html'));
		expect(read).toEqual({
			ok: true,
			format: 'html',
			title: 'Tin hoạt động',
			text: ['Tin hoạt động', ...REPORT].join('\n'),
		});
	});

	test('markup is recognised from the bytes whatever the name', async () => {
		const read = expectOk(await readReportFile(utf8(`<p>${REPORT[0]}</p>`), 'khong-ten'));
		expect(read.format).toBe('html');
	});

	test('a page with no visible text has no text', async () => {
		const page = '<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>';
		expectError(await readReportFile(utf8(page), 'a.html'), 'no_text', 'html');
	});
});

describe('DOCX', () => {
	test('paragraphs, a tab and a table come back line by line with their diacritics', async () => {
		const body =
			REPORT.map(docxParagraph).join('') +
			'<w:p><w:r><w:t>Kỳ họp</w:t><w:tab/><w:t>5</w:t></w:r></w:p>' +
			'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Giám sát</w:t></w:r></w:p></w:tc>' +
			'<w:tc><w:p><w:r><w:t>7 cuộc</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
		const read = expectOk(await readReportFile(makeDocxFromBody(body), 'bao-cao.docx'));
		expect(read).toEqual({
			ok: true,
			format: 'docx',
			title: null,
			text: [...REPORT, 'Kỳ họp\t5', 'Giám sát\t7 cuộc'].join('\n'),
		});
	});

	test('the helper for end-to-end tests makes a readable file, whatever its name', async () => {
		const read = expectOk(await readReportFile(makeDocx(REPORT), 'tai-lieu.bin'));
		expect(read.text).toBe(REPORT.join('\n'));
	});

	test('a zip bomb (a part declaring 100 MB) is refused at once', async () => {
		const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
		const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
		view.setUint32(22, 100_000_000, true);
		for (let i = zip.length - 4; i >= 0; i--) {
			if (view.getUint32(i, true) === 0x02014b50) {
				view.setUint32(i + 24, 100_000_000, true);
				break;
			}
		}
		expectError(await readReportFile(zip, 'bom.docx'), 'too_large', 'docx');
	});

	test('an empty document has no text; a truncated one is damaged; another zip is not a report', async () => {
		expectError(await readReportFile(makeDocx([]), 'trong.docx'), 'no_text', 'docx');
		const truncated = makeDocx(REPORT).slice(0, 100);
		expectError(await readReportFile(truncated, 'hong.docx'), 'damaged', 'docx');
		const workbook = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
		expectError(await readReportFile(workbook, 'so-lieu.xlsx'), 'unsupported', null);
	});

	test('an old .doc is refused with a message to save it as .docx or PDF; a protected one as encrypted', async () => {
		const ole = new Uint8Array(2048);
		ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const doc = await readReportFile(ole, 'cu.doc');
		expectError(doc, 'unsupported', null);
		if (!doc.ok) expect(doc.error.message.vi).toContain('.docx hoặc PDF');
		const name = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
		ole.set(name, 1024);
		expectError(await readReportFile(ole, 'mat-khau.docx'), 'encrypted', 'docx');
		expectError(await readReportFile(utf8('{\\rtf1\\ansi Báo cáo}'), 'a.rtf'), 'unsupported', null);
	});
});

describe('PDF', () => {
	test('a text-layer PDF comes back as NFC text with its page count and title', async () => {
		const bytes = await makePdf(REPORT, { title: 'Báo cáo năm 2023' });
		const read = expectOk(await readReportFile(bytes, 'bao-cao.pdf', { pdf }));
		expect(read).toEqual({
			ok: true,
			format: 'pdf',
			text: REPORT.join('\n'),
			title: 'Báo cáo năm 2023',
			pages: 1,
		});
		expect(read.text).toBe(read.text.normalize('NFC'));
	});

	test('a scan without a text layer says so', async () => {
		const read = await readReportFile(await makeScannedPdf(), 'scan.pdf', { pdf });
		expectError(read, 'scanned_pdf', 'pdf');
		if (!read.ok) {
			expect(read.error.message.vi).toBe(
				'Tệp PDF này không có lớp chữ (có lẽ là bản quét): hãy dùng bản PDF có chữ, hoặc dán văn bản vào ô.',
			);
		}
	});

	test('a password-protected PDF is encrypted; a broken one is damaged', async () => {
		expectError(await readReportFile(makeEncryptedPdf(), 'khoa.pdf', { pdf }), 'encrypted', 'pdf');
		const broken = (await makePdf(REPORT)).slice(0, 400);
		expectError(await readReportFile(broken, 'hong.pdf', { pdf }), 'damaged', 'pdf');
		expectError(await readReportFile(utf8('\u0001\u0002'), 'hong.pdf', { pdf }), 'damaged', 'pdf');
	});

	test('pages without text are reported in a notice; too many pages are refused', async () => {
		const some: PdfTextReader = {
			read: async () => ({ ok: true, pageCount: 3, pages: [REPORT, [], []], title: null }),
		};
		const read = expectOk(await readReportFile(utf8('%PDF-1.7'), 'a.pdf', { pdf: some }));
		expect(read.notice?.vi).toMatch(/^2 trong 3 trang/);
		const many: PdfTextReader = {
			read: async () => ({ ok: false, reason: 'too_many_pages', pageCount: 812, detail: '' }),
		};
		const refused = await readReportFile(utf8('%PDF-1.7'), 'a.pdf', { pdf: many });
		expectError(refused, 'too_many_pages', 'pdf');
		if (!refused.ok) expect(refused.error.message.vi).toContain('812 trang');
	});

	test('a reader that throws, or none at all, still gives a message', async () => {
		const throwing: PdfTextReader = {
			read: () => Promise.reject(new Error('boom')),
		};
		expectError(
			await readReportFile(utf8('%PDF-1.7'), 'a.pdf', { pdf: throwing }),
			'damaged',
			'pdf',
		);
		expectError(await readReportFile(utf8('%PDF-1.7'), 'a.pdf'), 'unsupported', 'pdf');
	});
});

describe('anything else', () => {
	test('an empty file, or one of blanks, is empty', async () => {
		expectError(await readReportFile(new Uint8Array(), 'a.docx'), 'empty', 'docx');
		expectError(await readReportFile(utf8(' \r\n\t'), 'a.txt'), 'empty', 'txt');
	});

	test('a file over 20 MB is refused before it is read', async () => {
		const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61);
		expectError(await readReportFile(big, 'lon.txt'), 'too_large', 'txt');
	});

	test('garbage bytes and pictures are not a report', async () => {
		let seed = 7;
		const garbage = Uint8Array.from(
			{ length: 4096 },
			() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
		);
		expectError(await readReportFile(garbage, 'rac.dat'), 'unsupported', null);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		expectError(await readReportFile(png, 'anh.png'), 'unsupported', null);
	});

	test('random bytes never throw', async () => {
		let seed = 11;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		const starts = [
			[],
			[0x25, 0x50, 0x44, 0x46, 0x2d],
			[0x50, 0x4b, 0x03, 0x04],
			[0x3c, 0x70, 0x3e],
		];
		for (let i = 0; i < 200; i++) {
			const bytes = Uint8Array.from({ length: next() % 600 }, () => next() & 0xff);
			bytes.set(starts[i % starts.length]!.slice(0, bytes.length));
			const read = await readReportFile(bytes, `f${i}`, { pdf });
			expect(typeof read.ok).toBe('boolean');
		}
	});
});
