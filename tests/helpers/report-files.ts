/**
 * Report files made in tests, the way office software makes them: a .docx zipped with fflate (one
 * paragraph per line, or any body XML), and a text-layer PDF drawn with pdf-lib in Be Vietnam Pro, the
 * app's own font. Fontsource splits that font into subsets (Latin, Latin Extended, Vietnamese), so each
 * character is drawn with the first subset that has it, as a PDF printed from Word mixes fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { PNG } from 'pngjs';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A paragraph of WordprocessingML with one run. */
export function docxParagraph(text: string): string {
	return `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

/** A .docx whose body is the given WordprocessingML (paragraphs, tables…). */
export function makeDocxFromBody(bodyXml: string, options: { title?: string } = {}): Uint8Array {
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
				'<Default Extension="xml" ContentType="application/xml"/>' +
				'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
				'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
				'</Types>',
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
				'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
				'</Relationships>',
		),
		'word/document.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
		),
	};
	if (options.title !== undefined) {
		files['docProps/core.xml'] = strToU8(
			'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
				`<dc:title>${escape(options.title)}</dc:title></cp:coreProperties>`,
		);
	}
	return zipSync(files);
}

/** A .docx with one paragraph per string. */
export function makeDocx(paragraphs: string[]): Uint8Array {
	return makeDocxFromBody(paragraphs.map(docxParagraph).join(''));
}

const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;

interface SubsetFont {
	font: PDFFont;
	has: Set<number>;
}

async function embedFonts(doc: PDFDocument): Promise<SubsetFont[]> {
	doc.registerFontkit(fontkit);
	const fonts: SubsetFont[] = [];
	for (const subset of SUBSETS) {
		const path = require.resolve(
			`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-400-normal.woff`,
		);
		const font = await doc.embedFont(readFileSync(path), { subset: true });
		fonts.push({ font, has: new Set(font.getCharacterSet()) });
	}
	return fonts;
}

/** Draw a line, switching font where a character is in another subset; returns the line's width. */
function drawLine(
	page: PDFPage,
	fonts: SubsetFont[],
	line: string,
	x: number,
	y: number,
	size: number,
) {
	const runs: { font: PDFFont; text: string }[] = [];
	for (const ch of line) {
		const font = (fonts.find((f) => f.has.has(ch.codePointAt(0)!)) ?? fonts[0]!).font;
		const last = runs.at(-1);
		if (last?.font === font) last.text += ch;
		else runs.push({ font, text: ch });
	}
	let at = x;
	for (const run of runs) {
		page.drawText(run.text, { x: at, y, size, font: run.font });
		at += run.font.widthOfTextAtSize(run.text, size);
	}
	return at - x;
}

export interface MakePdfOptions {
	/** Lines on a page before the next one starts (default 40). */
	linesPerPage?: number;
	/** The document information's Title. */
	title?: string;
}

/** A text-layer A4 PDF with the given lines, 12 pt, top to bottom. */
export async function makePdf(lines: string[], options: MakePdfOptions = {}): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	if (options.title !== undefined) doc.setTitle(options.title);
	const fonts = await embedFonts(doc);
	const perPage = options.linesPerPage ?? 40;
	let page: PDFPage | null = null;
	let y = 0;
	// Lines longer than the page are wrapped at spaces, as a word processor's PDF would be.
	lines
		.flatMap((line) => wrap(line, 100))
		.forEach((line, i) => {
			if (i % perPage === 0) {
				page = doc.addPage([595, 842]);
				y = 790;
			}
			drawLine(page!, fonts, line, 56, y, 10);
			y -= 18;
		});
	if (lines.length === 0) doc.addPage([595, 842]);
	return doc.save();
}

/** Cut a line at spaces into pieces of at most `width` characters. */
function wrap(line: string, width: number): string[] {
	const out: string[] = [];
	let current = '';
	for (const word of line.split(' ')) {
		if (current && current.length + 1 + word.length > width) {
			out.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	out.push(current);
	return out;
}

/** A grey picture with dark stripes, standing for a scanned page. */
function scanPng(): Uint8Array {
	const png = new PNG({ width: 60, height: 80 });
	for (let i = 0; i < png.data.length; i += 4) {
		const row = Math.floor(i / 4 / 60);
		const shade = row % 8 < 2 ? 40 : 235;
		png.data[i] = png.data[i + 1] = png.data[i + 2] = shade;
		png.data[i + 3] = 255;
	}
	return PNG.sync.write(png);
}

/** A PDF whose pages hold only a picture (a scan): no text layer at all. */
export async function makeScannedPdf(pages = 1): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const image = await doc.embedPng(scanPng());
	for (let i = 0; i < pages; i++) {
		const page = doc.addPage([595, 842]);
		page.drawImage(image, { x: 50, y: 50, width: 495, height: 742 });
	}
	return doc.save();
}

/**
 * A PDF protected by a user password (Standard security handler, RC4 40-bit): its /U entry matches no
 * password, so a reader must ask for one. Written by hand, since pdf-lib does not encrypt.
 */
export function makeEncryptedPdf(): Uint8Array {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
		`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`,
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
	const id = 'ef'.repeat(16);
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\n`;
	pdf += `startxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(pdf);
}
