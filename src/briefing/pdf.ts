/**
 * The briefing pack as a printable A4 PDF (pdf-lib with fontkit). The app's font is embedded, subset, in
 * its three @fontsource parts (latin, latin-ext, vietnamese): each character is drawn with the part that
 * has it, so every Vietnamese letter prints. Page numbers, the date and the link to the view go in every
 * footer; tables repeat their header on a new page; charts are PNG images.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Block, Pack } from './pack.ts';

/** The font files: for each weight, the parts in the order they are tried. */
export interface PdfFonts {
	regular: Uint8Array[];
	bold: Uint8Array[];
}

/** A chart drawn as PNG, by its block id. */
export interface PdfChart {
	png: Uint8Array;
	width: number;
	height: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const FOOTER = 36;
const INK = rgb(0.11, 0.15, 0.2);
const MUTED = rgb(0.42, 0.47, 0.52);
const WARN = rgb(0.62, 0.33, 0);
const LINE = rgb(0.8, 0.83, 0.86);

/** A face made of parts: measures and draws text a part at a time. */
class Face {
	private sets: Set<number>[];
	constructor(private parts: PDFFont[]) {
		this.sets = parts.map((p) => new Set(p.getCharacterSet()));
	}

	/** The text cut into runs of one part each. */
	runs(text: string): { font: PDFFont; text: string }[] {
		const runs: { font: PDFFont; text: string }[] = [];
		for (const char of text.normalize('NFC')) {
			const code = char.codePointAt(0)!;
			let index = this.sets.findIndex((s) => s.has(code));
			if (index < 0) index = 0;
			const font = this.parts[index]!;
			const last = runs.at(-1);
			if (last && last.font === font) last.text += char;
			else runs.push({ font, text: this.sets[index]!.has(code) ? char : '?' });
		}
		return runs;
	}

	width(text: string, size: number): number {
		return this.runs(text).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
	}

	draw(page: PDFPage, text: string, x: number, y: number, size: number, color = INK): void {
		for (const run of this.runs(text)) {
			page.drawText(run.text, { x, y, size, font: run.font, color });
			x += run.font.widthOfTextAtSize(run.text, size);
		}
	}

	/** Lines of at most `max` points; a word longer than a line is cut. */
	wrap(text: string, size: number, max: number): string[] {
		const lines: string[] = [];
		let line = '';
		for (const word of text.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (this.width(candidate, size) <= max) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = word;
			while (this.width(line, size) > max && line.length > 1) {
				let cut = line.length - 1;
				while (cut > 1 && this.width(line.slice(0, cut), size) > max) cut--;
				lines.push(line.slice(0, cut));
				line = line.slice(cut);
			}
		}
		if (line || lines.length === 0) lines.push(line);
		return lines;
	}
}

/** Draws the pack into a new PDF document and returns its bytes. */
export async function packToPdf(
	pack: Pack,
	fonts: PdfFonts,
	charts: ReadonlyMap<string, PdfChart>,
	labels: { page: string; simulated: string },
): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	doc.setTitle(pack.title);
	doc.setSubject(pack.subtitle);
	doc.setCreator('hdnd-dashboard');
	doc.setProducer('hdnd-dashboard (pdf-lib)');
	const embed = (parts: Uint8Array[]) =>
		Promise.all(parts.map((bytes) => doc.embedFont(bytes, { subset: true })));
	const regular = new Face(await embed(fonts.regular));
	const bold = new Face(await embed(fonts.bold));
	const width = A4[0] - 2 * MARGIN;
	let page = doc.addPage(A4);
	let y = A4[1] - MARGIN;

	const newPage = () => {
		page = doc.addPage(A4);
		y = A4[1] - MARGIN;
	};
	const ensure = (height: number) => {
		if (y - height < MARGIN + FOOTER) newPage();
	};
	const paragraph = (text: string, face: Face, size: number, color = INK, gap = 4) => {
		const lineHeight = size * 1.35;
		for (const line of face.wrap(text, size, width)) {
			ensure(lineHeight);
			y -= lineHeight;
			face.draw(page, line, MARGIN, y + size * 0.25, size, color);
		}
		y -= gap;
	};

	paragraph(pack.title, bold, 17, INK, 2);
	paragraph(pack.subtitle, regular, 12, MUTED, 6);

	const table = (block: Extract<Block, { kind: 'table' }>) => {
		const size = 8.5;
		const lineHeight = size * 1.3;
		const pad = 3;
		// Column widths: each column's widest cell (capped), scaled to the page width.
		const natural = block.columns.map((column, c) =>
			Math.min(
				200,
				Math.max(
					bold.width(column, size) / 2 + 2 * pad,
					...block.rows.map((row) => regular.width(row[c] ?? '', size) + 2 * pad),
				),
			),
		);
		const total = natural.reduce((a, b) => a + b, 0);
		const widths = natural.map((w) => (w / total) * width);
		const drawRow = (cells: string[], face: Face) => {
			const wrapped = cells.map((cell, c) => face.wrap(cell, size, widths[c]! - 2 * pad));
			const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 2 * pad;
			let x = MARGIN;
			wrapped.forEach((lines, c) => {
				lines.forEach((line, l) => {
					const lineWidth = face.width(line, size);
					const left = block.numeric[c] ? x + widths[c]! - pad - lineWidth : x + pad;
					face.draw(page, line, left, y - pad - (l + 1) * lineHeight + size * 0.3, size);
				});
				x += widths[c]!;
			});
			y -= height;
			page.drawLine({
				start: { x: MARGIN, y },
				end: { x: MARGIN + width, y },
				thickness: 0.5,
				color: LINE,
			});
			return height;
		};
		const headerHeight = () =>
			Math.max(...block.columns.map((c, i) => bold.wrap(c, size, widths[i]! - 2 * pad).length)) *
				lineHeight +
			2 * pad;
		ensure(headerHeight() + lineHeight * 2);
		drawRow(block.columns, bold);
		for (const row of block.rows) {
			const rowHeight =
				Math.max(...row.map((cell, c) => regular.wrap(cell, size, widths[c]! - 2 * pad).length)) *
					lineHeight +
				2 * pad;
			if (y - rowHeight < MARGIN + FOOTER) {
				newPage();
				drawRow(block.columns, bold);
			}
			drawRow(row, regular);
		}
		y -= 6;
	};

	for (const block of pack.blocks) {
		switch (block.kind) {
			case 'heading':
				ensure(40);
				y -= 6;
				paragraph(block.text, bold, 12.5, INK, 3);
				break;
			case 'paragraph': {
				const tone = block.tone;
				paragraph(
					block.text,
					tone === 'sentence' || tone === 'warning' ? bold : regular,
					tone === 'note' ? 8.5 : 10,
					tone === 'warning' ? WARN : tone === 'note' ? MUTED : INK,
				);
				break;
			}
			case 'list':
				for (const item of block.items) paragraph(`• ${item}`, regular, 9.5, INK, 1);
				y -= 3;
				break;
			case 'table':
				table(block);
				break;
			case 'chart': {
				const chart = charts.get(block.id);
				if (!chart) break;
				const image = await doc.embedPng(chart.png);
				let w = width;
				let h = (chart.height / chart.width) * w;
				const room = A4[1] - 2 * MARGIN - FOOTER;
				if (h > room) {
					w *= room / h;
					h = room;
				}
				ensure(h + 6);
				y -= h;
				page.drawImage(image, { x: MARGIN, y, width: w, height: h });
				y -= 8;
				break;
			}
		}
	}

	// Footers, now that the number of pages is known.
	const pages = doc.getPages();
	pages.forEach((p, i) => {
		const number = `${labels.page} ${i + 1}/${pages.length}`;
		const size = 7.5;
		regular.draw(p, number, MARGIN + width - regular.width(number, size), MARGIN - 4, size, MUTED);
		const stamp = regular.wrap(pack.stamp, size, width - 70);
		stamp.forEach((line, l) =>
			regular.draw(p, line, MARGIN, MARGIN - 4 - l * size * 1.3, size, MUTED),
		);
		if (pack.simulated) {
			const badge = labels.simulated;
			bold.draw(p, badge, MARGIN + width - bold.width(badge, 8), A4[1] - MARGIN + 18, 8, WARN);
		}
	});
	return doc.save();
}
