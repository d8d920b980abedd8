/**
 * What an exported file says about itself, beside what it draws: its title, when and from which view it
 * was exported, the sources of its figures with their counts, the credits and licences of the data it
 * draws. Written into the SVG's <metadata> and
 * into the PNG's text layer, so that a program (or a person looking at the file's properties) finds
 * them without reading the picture. Pure.
 */
import { escapeXml } from './compose.ts';
import type { Credit } from './credits.ts';

export interface ExportMetadata {
	title: string;
	description: string;
	/** When it was exported. */
	date: Date;
	/** The link to the exact view. */
	url: string;
	credits: readonly Credit[];
	/** The sources of the figures drawn, each with its count and in words; null when not counted. */
	sources: readonly MetadataSource[] | null;
}

export interface MetadataSource {
	id: string;
	kind: string;
	figures: number;
	/** The source in words, as the image's footer writes it. */
	text: string;
}

/** The namespace of the dashboard's own metadata elements. */
export const METADATA_NS = 'urn:hdnd-dashboard:export';

/** "text (licence: url)", the credit as one line. */
export function creditLine(credit: Credit): string {
	return `${credit.text} (${credit.licence}: ${credit.licenceUrl})`;
}

/** The SVG <metadata> element. */
export function svgMetadata(meta: ExportMetadata): string {
	const credits = meta.credits.map(
		(c) =>
			`<hdnd:credit id="${escapeXml(c.id)}" licence="${escapeXml(c.licence)}" ` +
			`licence-url="${escapeXml(c.licenceUrl)}">${escapeXml(c.text)}</hdnd:credit>`,
	);
	const sources = (meta.sources ?? []).map(
		(s) =>
			`<hdnd:source id="${escapeXml(s.id)}" kind="${escapeXml(s.kind)}" figures="${s.figures}">` +
			`${escapeXml(s.text)}</hdnd:source>`,
	);
	return (
		`<metadata id="export-metadata"><hdnd:export xmlns:hdnd="${METADATA_NS}" ` +
		`date="${meta.date.toISOString()}" href="${escapeXml(meta.url)}">` +
		sources.join('') +
		credits.join('') +
		`</hdnd:export></metadata>`
	);
}

/** Keyword → text pairs for the PNG's text layer (keywords from the PNG specification where one fits). */
export function pngTextEntries(meta: ExportMetadata): [string, string][] {
	return [
		['Title', meta.title],
		['Description', meta.description],
		['Data sources', (meta.sources ?? []).map((s) => s.text).join('\n')],
		['Copyright', meta.credits.map(creditLine).join('\n')],
		['Creation Time', meta.date.toUTCString()],
		['URL', meta.url],
		['Software', 'hdnd-dashboard'],
	];
}
