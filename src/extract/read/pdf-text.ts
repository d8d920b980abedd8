/**
 * A PDF's text layer → pages of text lines. pdf.js gives positioned pieces of text (often a few letters
 * each: a Vietnamese word may come as "Th" + "ạ" + "ch" when its letters sit in different fonts); they
 * are put back into lines by their baseline, in the order the page draws them (which is the reading order
 * of the documents councils publish, columns included), with a space where the gap between two pieces is
 * wide enough to be one. Tone marks drawn as separate glyphs are attached to their letter and the line
 * normalised to NFC.
 *
 * pdf.js itself is injected (`PdfJsLike`): the browser loads its modern build with a bundled worker
 * (pdf-browser.ts), Node its legacy build without one (pdf-node.ts). This module imports neither.
 */

/** What a PDF reader gives: every page's lines, or why the file cannot be read. */
export type PdfReadResult =
	| { ok: true; pageCount: number; pages: string[][]; title: string | null }
	| {
			ok: false;
			reason: 'encrypted' | 'damaged' | 'too_many_pages';
			pageCount?: number;
			detail: string;
	  };

/** Bytes of a PDF → pages of text lines. Never throws. */
export interface PdfTextReader {
	read(bytes: Uint8Array, limits: { maxPages: number }): Promise<PdfReadResult>;
}

/** A piece of positioned text, as pdf.js's `getTextContent` gives it. */
export interface PdfTextItem {
	str: string;
	/** [a, b, c, d, e, f]: e, f is where the piece starts; the font size is the length of (c, d). */
	transform: number[];
	width: number;
	height: number;
	hasEOL?: boolean;
}

/** The part of pdf.js this module uses (both builds have it). */
export interface PdfJsLike {
	getDocument(source: Record<string, unknown>): {
		promise: Promise<PdfDocumentLike>;
		destroy(): Promise<void>;
	};
}
interface PdfDocumentLike {
	numPages: number;
	getPage(pageNumber: number): Promise<PdfPageLike>;
	getMetadata(): Promise<{ info: object }>;
}
interface PdfPageLike {
	getTextContent(): Promise<{ items: readonly object[] }>;
	cleanup(): unknown;
}

/** Combining marks: a piece made only of them belongs to the letter before it. */
const COMBINING_ONLY = /^[\u0300-\u036f]+$/;
/** Spacing accents some PDFs draw instead of combining marks, as their combining forms. */
const SPACING_ACCENTS: Record<string, string> = {
	'`': '\u0300',
	'\u02cb': '\u0300',
	'\u00b4': '\u0301',
	'\u02ca': '\u0301',
	'\u02c6': '\u0302',
	'\u02dc': '\u0303',
	'\u02c0': '\u0309',
	'\u02d9': '\u0323',
	'\u02d8': '\u0306',
};

/** Control characters: what pdf.js gives for a glyph its font maps to no character. */
// eslint-disable-next-line no-control-regex
const UNMAPPED = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** How far a baseline may move (as a share of the font size) and still be the same line. */
const SAME_LINE = 0.5;
/** A gap wider than this share of the font size between two pieces is a space. */
const SPACE_GAP = 0.18;
/** A gap wider than this share of the font size is a column gap (a table's cells): a tab. */
const TAB_GAP = 2.5;

interface Piece {
	str: string;
	x: number;
	end: number;
	size: number;
}

function joinPieces(pieces: readonly Piece[]): string {
	let line = '';
	let prev: Piece | null = null;
	for (const piece of pieces) {
		let str = piece.str;
		const accent = SPACING_ACCENTS[str.trim()];
		// A lone accent drawn over the previous letter (starting before that letter ends) is its tone mark.
		if (accent && prev && piece.x < prev.end - piece.size * 0.05) str = accent;
		if (prev && !COMBINING_ONLY.test(str)) {
			const gap = piece.x - prev.end;
			const size = Math.max(piece.size, prev.size);
			if (!/\s$/.test(line) && !/^\s/.test(str)) {
				if (gap > size * TAB_GAP) line += '\t';
				else if (gap > size * SPACE_GAP) line += ' ';
			}
		}
		line += str;
		// A combining mark's width is zero or overlaps: the letter's end stays the reference.
		prev = COMBINING_ONLY.test(str) && prev ? prev : piece;
	}
	return line
		.replace(UNMAPPED, '')
		.normalize('NFC')
		.replace(/[ \u00a0]+/g, ' ')
		.replace(/ *\t */g, '\t')
		.trim();
}

function isTextItem(item: object): item is PdfTextItem {
	return 'str' in item && typeof item.str === 'string' && 'transform' in item;
}

/** The lines of a page from its text items, in drawing order. */
export function assembleLines(items: readonly object[]): string[] {
	const lines: string[] = [];
	let current: Piece[] = [];
	let baseline = 0;
	const flush = () => {
		const line = joinPieces(current);
		if (line !== '') lines.push(line);
		current = [];
	};
	for (const item of items) {
		if (!isTextItem(item)) continue;
		const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
		const size = Math.hypot(c, d) || item.height || 1;
		if (item.str !== '') {
			const last = current.at(-1);
			if (last && Math.abs(y - baseline) > Math.max(size, last.size) * SAME_LINE) flush();
			if (current.length === 0) baseline = y;
			current.push({ str: item.str, x, end: x + (item.width || 0), size });
		}
		if (item.hasEOL) flush();
	}
	flush();
	return lines;
}

/** A page number alone on a line: "3", "- 3 -", "Trang 3", "3/12". */
const PAGE_NUMBER = /^(?:(?:trang|page)\s*)?[-–—]?\s*\d{1,4}\s*(?:\/\s*\d{1,4})?\s*[-–—]?$/i;

/**
 * One text of a PDF's pages: page numbers at a page's top or bottom dropped, and a line that the page
 * wrapped in the middle of a sentence joined to the next (the next starts in lower case or with a digit
 * and the line does not end a sentence), so that "tổ chức 46" and "kỳ họp" read as one phrase.
 */
export function pagesToText(pages: readonly (readonly string[])[]): string {
	const lines: string[] = [];
	for (const page of pages) {
		const kept = [...page];
		if (kept.length > 1 && PAGE_NUMBER.test(kept.at(-1)!)) kept.pop();
		if (kept.length > 1 && PAGE_NUMBER.test(kept[0]!)) kept.shift();
		lines.push(...kept);
	}
	let text = '';
	for (const line of lines) {
		if (text === '') text = line;
		else if (continues(text, line)) text += ` ${line}`;
		else text += `\n${line}`;
	}
	return text;
}

function continues(before: string, line: string): boolean {
	if (before.includes('\t', before.lastIndexOf('\n') + 1) || line.includes('\t')) return false;
	if (/[.!?:;…]["”’)]*$/.test(before)) return false;
	return /^[\p{Ll}\d(„“"‘]/u.test(line);
}

/** The document's title from its information dictionary, without Word's "Microsoft Word - " prefix. */
function titleOf(info: object): string | null {
	const raw = 'Title' in info && typeof info.Title === 'string' ? info.Title : '';
	const title = raw
		.replace(/^Microsoft Word - /, '')
		.replace(/\.docx?$/i, '')
		.replace(/\s+/g, ' ')
		.trim()
		.normalize('NFC');
	return title || null;
}

function errorName(error: unknown): string {
	return error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * A reader over a pdf.js build. `documentOptions` go to `getDocument` (no fonts loaded, no eval: only
 * the text is wanted). The bytes are copied, since pdf.js hands its buffer to the worker.
 */
export function pdfTextReader(
	load: () => Promise<PdfJsLike>,
	documentOptions: Record<string, unknown>,
): PdfTextReader {
	return {
		async read(bytes, { maxPages }) {
			let task: ReturnType<PdfJsLike['getDocument']> | null = null;
			try {
				const pdfjs = await load();
				task = pdfjs.getDocument({ ...documentOptions, data: bytes.slice() });
				const doc = await task.promise;
				const pageCount = doc.numPages;
				if (pageCount > maxPages) {
					return { ok: false, reason: 'too_many_pages', pageCount, detail: `${pageCount} pages` };
				}
				const pages: string[][] = [];
				for (let n = 1; n <= pageCount; n++) {
					const page = await doc.getPage(n);
					const content = await page.getTextContent();
					pages.push(assembleLines(content.items));
					page.cleanup();
				}
				const title = await doc.getMetadata().then(
					({ info }) => titleOf(info),
					() => null,
				);
				return { ok: true, pageCount, pages, title };
			} catch (error) {
				const name = errorName(error);
				return {
					ok: false,
					reason: name === 'PasswordException' ? 'encrypted' : 'damaged',
					detail: errorMessage(error),
				};
			} finally {
				await task?.destroy().catch(() => undefined);
			}
		},
	};
}
