/**
 * The briefing pack as an editable Word document (the `docx` package): the same blocks as headings,
 * paragraphs, tables and PNG charts, on A4 with the page number, the date and the link in the footer.
 * Times New Roman, the font of Vietnamese administrative documents, so that it opens the same on any
 * office PC.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
} from 'docx';
import type { Pack } from './pack.ts';
import type { PdfChart } from './pdf.ts';

const FONT = 'Times New Roman';
/** The text width of an A4 page with 2 cm margins, in pixels at 96 dpi (for images). */
const TEXT_WIDTH_PX = 642;

function text(value: string, options: { bold?: boolean; size?: number; color?: string } = {}) {
	return new TextRun({
		text: value,
		font: FONT,
		bold: options.bold,
		size: options.size ?? 22,
		color: options.color,
	});
}

/** The pack as DOCX bytes. */
export async function packToDocx(
	pack: Pack,
	charts: ReadonlyMap<string, PdfChart>,
	labels: { page: string; simulated: string },
): Promise<Uint8Array> {
	const children: (Paragraph | Table)[] = [
		new Paragraph({
			heading: HeadingLevel.TITLE,
			children: [text(pack.title, { bold: true, size: 32 })],
		}),
		new Paragraph({ children: [text(pack.subtitle, { size: 24, color: '555555' })] }),
	];
	if (pack.simulated)
		children.push(
			new Paragraph({ children: [text(labels.simulated, { bold: true, color: '9E5400' })] }),
		);
	const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
	for (const block of pack.blocks) {
		switch (block.kind) {
			case 'heading':
				children.push(
					new Paragraph({
						heading: HeadingLevel.HEADING_2,
						spacing: { before: 240, after: 80 },
						children: [text(block.text, { bold: true, size: 26 })],
					}),
				);
				break;
			case 'paragraph':
				children.push(
					new Paragraph({
						children: [
							text(block.text, {
								bold: block.tone === 'sentence' || block.tone === 'warning',
								size: block.tone === 'note' ? 18 : 22,
								color:
									block.tone === 'warning'
										? '9E5400'
										: block.tone === 'note'
											? '555555'
											: undefined,
							}),
						],
					}),
				);
				break;
			case 'list':
				for (const item of block.items)
					children.push(
						new Paragraph({ bullet: { level: 0 }, children: [text(item, { size: 20 })] }),
					);
				break;
			case 'table': {
				const cell = (value: string, c: number, header: boolean) =>
					new TableCell({
						borders: { top: border, bottom: border, left: border, right: border },
						children: [
							new Paragraph({
								alignment: block.numeric[c] ? AlignmentType.RIGHT : AlignmentType.LEFT,
								children: [text(value, { bold: header, size: 18 })],
							}),
						],
					});
				children.push(
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						rows: [
							new TableRow({
								tableHeader: true,
								children: block.columns.map((c, i) => cell(c, i, true)),
							}),
							...block.rows.map(
								(row) => new TableRow({ children: row.map((value, i) => cell(value, i, false)) }),
							),
						],
					}),
				);
				children.push(new Paragraph({ children: [] }));
				break;
			}
			case 'chart': {
				const chart = charts.get(block.id);
				if (!chart) break;
				const width = Math.min(TEXT_WIDTH_PX, chart.width);
				children.push(
					new Paragraph({
						children: [
							new ImageRun({
								type: 'png',
								data: chart.png,
								transformation: { width, height: Math.round((chart.height / chart.width) * width) },
								altText: { title: block.title, description: block.title, name: block.id },
							}),
						],
					}),
				);
				break;
			}
		}
	}
	const footer = new Footer({
		children: [
			new Paragraph({ children: [text(pack.stamp, { size: 16, color: '555555' })] }),
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				children: [
					new TextRun({
						font: FONT,
						size: 16,
						children: [`${labels.page} `, PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
					}),
				],
			}),
		],
	});
	const document = new Document({
		title: pack.title,
		creator: 'hdnd-dashboard',
		styles: { default: { document: { run: { font: FONT } } } },
		sections: [
			{
				properties: {
					page: {
						size: { width: 11906, height: 16838 },
						margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
					},
				},
				footers: { default: footer },
				children,
			},
		],
	});
	return new Uint8Array(await Packer.toArrayBuffer(document));
}
