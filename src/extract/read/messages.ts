/**
 * What the user reads when a report file cannot be read, Vietnamese first. Each message says what to do
 * next: save the file in a kind that can be read, or paste the text into the box.
 */
import type { Bilingual } from '../../model/metrics.ts';

/** Largest report file read, in bytes. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** Most pages read from one PDF. */
export const MAX_PDF_PAGES = 500;
/** Largest part of a DOCX read once unzipped, in bytes (a zip bomb stops here). */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024;

const PASTE_VI = 'hoặc dán văn bản vào ô';
const PASTE_EN = 'or paste the text into the box';

export const READ_MESSAGES = {
	empty: {
		vi: 'Tệp rỗng: không có nội dung nào để đọc.',
		en: 'The file is empty: there is nothing to read.',
	},
	tooLarge: {
		vi: `Tệp lớn hơn 20 MB: hãy tách riêng phần báo cáo cần đọc, ${PASTE_VI}.`,
		en: `The file is larger than 20 MB: keep only the part of the report you need, ${PASTE_EN}.`,
	},
	docxTooLarge: {
		vi: `Nội dung tệp Word khi giải nén lớn bất thường (hơn 64 MB): tệp có thể bị hỏng. Hãy mở bằng Word, lưu lại rồi thử lại, ${PASTE_VI}.`,
		en: `The Word file's content is abnormally large once unzipped (over 64 MB): the file may be damaged. Open it in Word, save it again and retry, ${PASTE_EN}.`,
	},
	noText: {
		vi: `Tệp không có chữ nào để đọc. Hãy kiểm tra lại tệp, ${PASTE_VI}.`,
		en: `The file contains no text to read. Check the file, ${PASTE_EN}.`,
	},
	scannedPdf: {
		vi: 'Tệp PDF này không có lớp chữ (có lẽ là bản quét): hãy dùng bản PDF có chữ, hoặc dán văn bản vào ô.',
		en: 'This PDF has no text layer (it is probably a scan): use a PDF with text, or paste the text into the box.',
	},
	pdfEncrypted: {
		vi: `Tệp PDF được đặt mật khẩu: hãy bỏ mật khẩu (in lại ra PDF) rồi thử lại, ${PASTE_VI}.`,
		en: `The PDF is password-protected: remove the password (print it again to PDF) and retry, ${PASTE_EN}.`,
	},
	docxEncrypted: {
		vi: `Tệp Word được đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu và lưu lại rồi thử lại, ${PASTE_VI}.`,
		en: `The Word file is password-protected: open it in Word, remove the password, save it and retry, ${PASTE_EN}.`,
	},
	pdfDamaged: (detail: string): Bilingual => ({
		vi: `Tệp PDF bị hỏng hoặc không đọc được (${detail}). Hãy xuất lại tệp PDF, ${PASTE_VI}.`,
		en: `The PDF is damaged or cannot be read (${detail}). Export the PDF again, ${PASTE_EN}.`,
	}),
	docxDamaged: (detail: string): Bilingual => ({
		vi: `Tệp .docx bị hỏng hoặc không phải tệp Word (${detail}). Hãy mở bằng Word, lưu lại rồi thử lại, ${PASTE_VI}.`,
		en: `The .docx file is damaged or not a Word file (${detail}). Open it in Word, save it again and retry, ${PASTE_EN}.`,
	}),
	oldWord: {
		vi: `Tệp Word cũ (.doc) hoặc RTF không đọc được trực tiếp: hãy mở bằng Word và lưu lại dạng .docx hoặc PDF, ${PASTE_VI}.`,
		en: `Old Word (.doc) or RTF files cannot be read directly: open it in Word and save it as .docx or PDF, ${PASTE_EN}.`,
	},
	otherZip: {
		vi: `Tệp nén này không phải văn bản Word (.docx). Hãy lưu báo cáo dạng .docx hoặc PDF, ${PASTE_VI}.`,
		en: `This zip file is not a Word document (.docx). Save the report as .docx or PDF, ${PASTE_EN}.`,
	},
	encoding: {
		vi: `Không nhận ra bảng mã của tệp văn bản (không phải UTF-8 hay Windows-1258; có thể là TCVN3/ABC hoặc VNI). Hãy lưu lại dạng UTF-8, .docx hoặc PDF, ${PASTE_VI}.`,
		en: `The text file's encoding is not recognised (neither UTF-8 nor Windows-1258; it may be TCVN3/ABC or VNI). Save it again as UTF-8, .docx or PDF, ${PASTE_EN}.`,
	},
	unsupported: {
		vi: `Không đọc được loại tệp này. Hãy chọn tệp .txt, .html, .docx hoặc .pdf, ${PASTE_VI}.`,
		en: `This kind of file cannot be read. Choose a .txt, .html, .docx or .pdf file, ${PASTE_EN}.`,
	},
	noPdfReader: {
		vi: `Chưa đọc được tệp PDF ở đây. Hãy dùng tệp .docx, ${PASTE_VI}.`,
		en: `PDF files cannot be read here. Use a .docx file, ${PASTE_EN}.`,
	},
	tooManyPages: (pages: number): Bilingual => ({
		vi: `Tệp PDF có ${pages} trang, quá giới hạn ${MAX_PDF_PAGES} trang: hãy tách riêng phần báo cáo cần đọc, ${PASTE_VI}.`,
		en: `The PDF has ${pages} pages, over the limit of ${MAX_PDF_PAGES}: keep only the part of the report you need, ${PASTE_EN}.`,
	}),
	pagesWithoutText: (missing: number, pages: number): Bilingual => ({
		vi: `${missing} trong ${pages} trang không có lớp chữ (có lẽ là bản quét) nên không đọc được: số liệu trên các trang đó cần nhập tay.`,
		en: `${missing} of ${pages} pages have no text layer (they are probably scans) and were not read: figures on those pages must be entered by hand.`,
	}),
} as const;
