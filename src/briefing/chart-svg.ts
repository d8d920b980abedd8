/**
 * A pack's bar chart as a standalone SVG document: one bar per sub-unit, a hatched "not reported" mark
 * where a unit gave no figure (never a zero bar). The same text is shown on the page and drawn to PNG for
 * the PDF and DOCX (with the app's font embedded, so Vietnamese reads the same everywhere).
 */
import { escapeXml } from '../export/compose.ts';
import { formatNumber, type Lang } from '../i18n/format.ts';
import type { Block } from './pack.ts';

type Chart = Extract<Block, { kind: 'chart' }>;

export const CHART_WIDTH = 720;
const ROW = 16;
const LABEL = 190;
const TOP = 34;

/** The chart's height for its number of bars. */
export function chartHeight(chart: Chart): number {
	return TOP + chart.bars.length * ROW + 12;
}

/** The SVG text; `fontCss` holds @font-face rules to embed (empty on the page, which has the font). */
export function chartSvg(chart: Chart, lang: Lang, fontCss = ''): string {
	const height = chartHeight(chart);
	const max = Math.max(1, ...chart.bars.map((b) => b.value ?? 0));
	const plot = CHART_WIDTH - LABEL - 60;
	const notReported = lang === 'vi' ? 'chưa báo cáo' : 'not reported';
	const rows = chart.bars.map((bar, i) => {
		const y = TOP + i * ROW;
		const label = `<text x="${LABEL - 6}" y="${y + 11}" text-anchor="end">${escapeXml(bar.label)}</text>`;
		if (bar.value === null)
			return `${label}<rect x="${LABEL}" y="${y + 2}" width="40" height="${ROW - 5}" fill="url(#hatch)"/><text x="${LABEL + 46}" y="${y + 11}" class="muted">${notReported}</text>`;
		const w = (bar.value / max) * plot;
		return `${label}<rect x="${LABEL}" y="${y + 2}" width="${w.toFixed(1)}" height="${ROW - 5}" fill="#2f6f9f"/><text x="${(LABEL + w + 4).toFixed(1)}" y="${y + 11}">${formatNumber(bar.value, lang, 1)}</text>`;
	});
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">
<style>${fontCss} text { font-family: 'Be Vietnam Pro', sans-serif; font-size: 11px; fill: #1d2733; } .title { font-size: 13px; font-weight: 600; } .muted { fill: #6b7785; }</style>
<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9aa5b1" stroke-width="2"/></pattern></defs>
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="20" class="title">${escapeXml(chart.title)}</text>
${rows.join('\n')}
</svg>`;
}
