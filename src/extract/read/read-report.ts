/**
 * A dropped report file → its text for the extractor. The kind is read from the bytes (a PDF's
 * signature, a zip holding a Word document, markup in a text file), the name serving only as a hint for
 * which message to give when the bytes are none of them. Runs in the browser and in Node alike: no DOM;
 * PDF reading is injected, since each side loads pdf.js its own way.
 *
 * Never throws: a file that cannot be read gives a code and a message (Vietnamese first) saying what to
 * do instead.
 */
import { decodeText } from '../../import/encoding.ts';
import type { Bilingual } from '../../model/metrics.ts';
import { readDocx } from './docx-text.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import {
	MAX_DOCX_PART_BYTES,
	MAX_PDF_PAGES,
	MAX_REPORT_BYTES,
	READ_MESSAGES as M,
} from './messages.ts';
import { pagesToText, type PdfTextReader } from './pdf-text.ts';
import { tidyPlainText } from './tidy.ts';

export type { PdfTextReader } from './pdf-text.ts';

export type ReportFormat = 'txt' | 'html' | 'docx' | 'pdf';

export type ReadReportErrorCode =
	| 'empty'
	| 'too_large'
	| 'no_text'
	| 'scanned_pdf'
	| 'encrypted'
	| 'damaged'
	| 'unsupported'
	| 'too_many_pages';

export type ReadReportResult =
	| {
			ok: true;
			format: ReportFormat;
			text: string;
			title: string | null;
			/** A PDF's page count. */
			pages?: number;
			/** Something the user should know although the file was read (pages without text). */
			notice?: Bilingual;
	  }
	| {
			ok: false;
			format: ReportFormat | null;
			error: { code: ReadReportErrorCode; message: Bilingual };
	  };

export interface ReadReportOptions {
	/** Injected so that the browser bundles pdf.js with a local worker and Node uses the legacy build. */
	pdf?: PdfTextReader;
}

const fail = (
	format: ReportFormat | null,
	code: ReadReportErrorCode,
	message: Bilingual,
): ReadReportResult => ({ ok: false, format, error: { code, message } });

/** The format a file's name suggests, used only when its bytes do not say. */
function formatOfName(fileName: string): ReportFormat | null {
	const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (ext === 'txt' || ext === 'text') return 'txt';
	if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
	if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
	if (ext === 'pdf') return 'pdf';
	return null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
	signature.every((b, i) => bytes[i] === b);

const ascii = (bytes: Uint8Array, length: number) =>
	String.fromCharCode(...bytes.subarray(0, Math.min(length, bytes.length)));

/** PDF readers accept the signature anywhere in the first kilobyte (some files start with junk). */
const isPdf = (bytes: Uint8Array) => ascii(bytes, 1024).includes('%PDF-');
const isZip = (bytes: Uint8Array) =>
	startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
/** Compound files: Word 97–2003 documents, and password-protected Office files of any age. */
const isOle = (bytes: Uint8Array) =>
	startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isRtf = (bytes: Uint8Array) => ascii(bytes, 5) === '{\\rtf';

/** A password-protected .docx is a compound file holding a stream named "EncryptedPackage". */
function isEncryptedOffice(bytes: Uint8Array): boolean {
	const name = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
	const limit = Math.min(bytes.length, 4 * 1024 * 1024) - name.length;
	outer: for (let i = 0; i <= limit; i++) {
		for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
		return true;
	}
	return false;
}

function readZip(bytes: Uint8Array, hint: ReportFormat | null): ReadReportResult {
	const docx = readDocx(bytes, MAX_DOCX_PART_BYTES);
	if (!docx.ok) {
		if (docx.code === 'too_large') return fail('docx', 'too_large', M.docxTooLarge);
		if (docx.code === 'not_docx' && hint !== 'docx') return fail(null, 'unsupported', M.otherZip);
		return fail('docx', 'damaged', M.docxDamaged(docx.detail));
	}
	if (docx.text === '') return fail('docx', 'no_text', M.noText);
	return { ok: true, format: 'docx', text: docx.text, title: docx.title };
}

async function readPdf(bytes: Uint8Array, reader: PdfTextReader | undefined) {
	if (!reader) return fail('pdf', 'unsupported', M.noPdfReader);
	let read;
	try {
		read = await reader.read(bytes, { maxPages: MAX_PDF_PAGES });
	} catch (error) {
		// An injected reader should not throw; if it does, the file still gets a message.
		read = { ok: false, reason: 'damaged', detail: String(error) } as const;
	}
	if (!read.ok) {
		if (read.reason === 'encrypted') return fail('pdf', 'encrypted', M.pdfEncrypted);
		if (read.reason === 'too_many_pages') {
			return fail('pdf', 'too_many_pages', M.tooManyPages(read.pageCount ?? MAX_PDF_PAGES + 1));
		}
		return fail('pdf', 'damaged', M.pdfDamaged(read.detail));
	}
	const blank = read.pages.filter((lines) => lines.length === 0).length;
	const text = pagesToText(read.pages);
	if (text === '') {
		return read.pageCount > 0
			? fail('pdf', 'scanned_pdf', M.scannedPdf)
			: fail('pdf', 'no_text', M.noText);
	}
	const result: ReadReportResult = {
		ok: true,
		format: 'pdf',
		text,
		title: read.title,
		pages: read.pageCount,
	};
	if (blank > 0) result.notice = M.pagesWithoutText(blank, read.pageCount);
	return result;
}

function readText(bytes: Uint8Array, fileName: string, hint: ReportFormat | null) {
	const decoded = decodeText(bytes);
	if (!decoded.ok) {
		if (hint === 'pdf') return fail('pdf', 'damaged', M.pdfDamaged('no %PDF signature'));
		if (hint === 'docx') return fail('docx', 'damaged', M.docxDamaged('not a zip file'));
		if (decoded.reason === 'encoding') return fail(hint, 'unsupported', M.encoding);
		return fail(null, 'unsupported', M.unsupported);
	}
	if (looksLikeHtml(decoded.text, fileName)) {
		const { text, title } = htmlToText(decoded.text);
		if (text === '') return fail('html', 'no_text', M.noText);
		return { ok: true, format: 'html', text, title } satisfies ReadReportResult;
	}
	const text = tidyPlainText(decoded.text);
	if (text.trim() === '') return fail('txt', 'empty', M.empty);
	return { ok: true, format: 'txt', text, title: null } satisfies ReadReportResult;
}

/** Read a report file's text. Never throws. */
export async function readReportFile(
	bytes: Uint8Array,
	fileName: string,
	options: ReadReportOptions = {},
): Promise<ReadReportResult> {
	const hint = formatOfName(fileName);
	try {
		if (bytes.length === 0) return fail(hint, 'empty', M.empty);
		if (bytes.length > MAX_REPORT_BYTES) return fail(hint, 'too_large', M.tooLarge);
		if (isPdf(bytes)) return await readPdf(bytes, options.pdf);
		if (isZip(bytes)) return readZip(bytes, hint);
		if (isOle(bytes)) {
			return isEncryptedOffice(bytes)
				? fail('docx', 'encrypted', M.docxEncrypted)
				: fail(null, 'unsupported', M.oldWord);
		}
		if (isRtf(bytes)) return fail(null, 'unsupported', M.oldWord);
		return readText(bytes, fileName, hint);
	} catch (error) {
		// Every reader catches its own failures; this is the last guard of "never throws".
		return fail(hint, 'damaged', {
			vi: `Không đọc được tệp (${String(error)}).`,
			en: `The file cannot be read (${String(error)}).`,
		});
	}
}
