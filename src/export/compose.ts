/**
 * The standalone SVG document of an export: font, background, header band, the chart, footer band.
 * Pure string building over a layout (layout.ts) and chart markup already captured from the page
 * (capture.ts), so that what goes into a file can be checked in unit tests.
 */
import { FONT_FAMILY } from './fonts.ts';
import type { ExportLayout, TextLine } from './layout.ts';

/** Text and attribute values safe inside XML. */
export function escapeXml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}

/** Concrete colours of the export's theme (CSS custom properties resolved). */
export interface ExportColours {
	background: string;
	ink: string;
	muted: string;
	line: string;
	badgeBackground: string;
	badgeInk: string;
}

export interface ComposeInput {
	layout: ExportLayout;
	colours: ExportColours;
	/** @font-face rules with embedded fonts. */
	fontCss: string;
	/** Accessible name and description (the chart's summary in words). */
	title: string;
	description: string;
	/** A <metadata> element (credits, sources, date, link), placed after the description. */
	metadata?: string;
	/** The chart's markup, in its own pixels; placed and scaled into the body. */
	body: string;
	lang: string;
}

function textLine(line: TextLine, colours: ExportColours): string {
	const fill =
		line.role === 'badge'
			? colours.badgeInk
			: line.role === 'title'
				? colours.ink
				: line.role === 'subtitle'
					? colours.ink
					: colours.muted;
	return (
		`<text x="${round(line.x)}" y="${round(line.y)}" font-size="${line.size}" ` +
		`font-weight="${line.weight}" fill="${fill}" data-band="${line.role}">${escapeXml(line.text)}</text>`
	);
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

export function composeSvg({
	layout,
	colours,
	fontCss,
	title,
	description,
	metadata = '',
	body,
	lang,
}: ComposeInput): string {
	const { width, height, badgeBox } = layout;
	const pad = layout.lines[0]?.x ?? 0;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
			`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ` +
			`aria-labelledby="export-title export-desc" lang="${escapeXml(lang)}">`,
		`<title id="export-title">${escapeXml(title)}</title>`,
		`<desc id="export-desc">${escapeXml(description)}</desc>`,
		...(metadata ? [metadata] : []),
		`<style>${fontCss}\ntext{font-family:'${FONT_FAMILY}',sans-serif}</style>`,
		`<rect width="${width}" height="${height}" fill="${colours.background}"/>`,
	];
	if (badgeBox) {
		parts.push(
			`<rect x="${round(badgeBox.x)}" y="${round(badgeBox.y)}" width="${round(badgeBox.width)}" ` +
				`height="${round(badgeBox.height)}" rx="${round(badgeBox.height / 2)}" ` +
				`fill="${colours.badgeBackground}" stroke="${colours.badgeInk}" stroke-dasharray="4 3"/>`,
		);
	}
	const header = layout.lines.filter((l) => l.role !== 'footer');
	const footer = layout.lines.filter((l) => l.role === 'footer');
	parts.push(`<g data-band="header">${header.map((l) => textLine(l, colours)).join('')}</g>`);
	parts.push(
		`<line x1="${pad}" x2="${width - pad}" y1="${round(layout.headerBottom)}" ` +
			`y2="${round(layout.headerBottom)}" stroke="${colours.line}"/>`,
	);
	const { scale, strips, contentWidth } = layout.body;
	const s = Math.round(scale * 1000) / 1000;
	if (strips.length <= 1) {
		const { x, y } = layout.body;
		parts.push(
			`<g data-band="body" transform="translate(${round(x)},${round(y)}) scale(${s})">${body}</g>`,
		);
	} else {
		// A tall chart in columns: the chart once, shown through one clipped window per column.
		const defs = strips.map(
			(strip, i) =>
				`<clipPath id="export-strip-${i}"><rect x="-1" y="${round(strip.from)}" ` +
				`width="${round(contentWidth + 2)}" height="${round(strip.to - strip.from)}"/></clipPath>`,
		);
		parts.push(`<defs><g id="export-body">${body}</g>${defs.join('')}</defs>`);
		parts.push(
			`<g data-band="body">${strips
				.map(
					(strip, i) =>
						`<g transform="translate(${round(strip.x)},${round(strip.y)}) scale(${s}) translate(0,${round(-strip.from)})">` +
						`<use href="#export-body" clip-path="url(#export-strip-${i})"/></g>`,
				)
				.join('')}</g>`,
		);
	}
	parts.push(
		`<line x1="${pad}" x2="${width - pad}" y1="${round(layout.footerTop)}" ` +
			`y2="${round(layout.footerTop)}" stroke="${colours.line}"/>`,
	);
	parts.push(`<g data-band="footer">${footer.map((l) => textLine(l, colours)).join('')}</g>`);
	parts.push('</svg>');
	return parts.join('\n');
}
