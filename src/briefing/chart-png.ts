/**
 * The pack's charts as PNG for the PDF and DOCX, drawn by the same SVG-to-PNG step as the chart exports
 * (src/export), with the app's font embedded.
 */
import { svgToPng } from '../export/save.ts';
import { embeddedFontCss } from '../export/fonts.ts';
import type { Lang } from '../i18n/format.ts';
import { CHART_WIDTH, chartHeight, chartSvg } from './chart-svg.ts';
import type { Pack } from './pack.ts';
import type { PdfChart } from './pdf.ts';

/** Every chart of the pack, by block id, at twice its size. */
export async function chartImages(
	pack: Pack,
	lang: Lang,
	url: string,
): Promise<Map<string, PdfChart>> {
	const fontCss = await embeddedFontCss();
	const images = new Map<string, PdfChart>();
	for (const block of pack.blocks) {
		if (block.kind !== 'chart') continue;
		const height = chartHeight(block);
		const png = await svgToPng(
			{
				svg: chartSvg(block, lang, fontCss),
				width: CHART_WIDTH,
				height,
				titleBox: { x: 8, y: 6, width: 400, height: 18 },
				metadata: {
					title: block.title,
					description: pack.subtitle,
					date: new Date(),
					url,
					credits: [],
					sources: null,
				},
			},
			2,
		);
		images.set(block.id, {
			png: new Uint8Array(await png.arrayBuffer()),
			width: CHART_WIDTH,
			height,
		});
	}
	return images;
}
