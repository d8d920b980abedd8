/**
 * Exports of charts as they are on the page: one chart, or every chart of the screen on one sheet, as a
 * standalone SVG (header, chart, footer, embedded font) and as PNG drawn from it at 2× or 3×.
 * The browser side of src/export: layout.ts and compose.ts do the arithmetic and the markup.
 */
import type { FigureScope } from '../db/source-queries.ts';
import type { Theme } from '../state/theme.svelte.ts';
import { captureChart, themeColours, withTheme, type Captured } from './capture.ts';
import { composeSvg, escapeXml } from './compose.ts';
import { uniqueCredits, type Credit } from './credits.ts';
import { mergeCountedSources, type CountedSource } from './describe.ts';
import { svgMetadata, type ExportMetadata, type MetadataSource } from './metadata.ts';
import { FONT_FAMILY, embeddedFontCss } from './fonts.ts';
import { fitSheet } from './sheet-layout.ts';
import {
	PRESETS,
	layoutExport,
	type ExportLayout,
	type ExportTexts,
	type Measure,
	type PresetId,
} from './layout.ts';

/** A chart panel as the export sees it (ChartPanel registers one per panel). */
export interface PanelSource {
	/** The panel's <section data-chart>. */
	section: HTMLElement;
	/** Makes sure the chart (not its table) is on screen; resolves to the undo. */
	prepare(): Promise<() => void>;
	/**
	 * The sources of the figures the chart draws (or, with `table`, of its data table's rows), with how
	 * many figures each gave; null when the chart cannot say (it then names the sources by kind).
	 */
	sources?(table?: boolean): Promise<CountedSource[] | null>;
	/**
	 * The unit-year rows the chart draws (null: none), so that a sheet counts a figure two charts draw
	 * once; parts without it (the unit detail) count through `sources`.
	 */
	scope?(): FigureScope | null;
	/** The title on a sheet for a part of the screen that has no panel title (the headline tiles). */
	title?: () => string;
}

/** What every export says around its charts, from the app's state. */
export interface ExportEnvironment {
	lang: string;
	/** The active filters in words (empty on screens without filters). */
	subtitle: string;
	/**
	 * The sources line: the counted sources of the figures drawn when known, else every source of the
	 * kinds the chart shows (simulated and/or reported).
	 */
	sources: (
		shows: { simulated: boolean; reported: boolean },
		counted: readonly CountedSource[] | null,
	) => string;
	/** The sources of the figures the given scopes draw together (each unit-year once). */
	countSources: (scopes: readonly FigureScope[]) => Promise<CountedSource[]>;
	/** One counted source in words, for the file's metadata and the CSV's header. */
	sourceText: (source: CountedSource) => string;
	/** The footer's other paragraphs: export date and link. */
	stamp: string;
	/** When the export is made, and the link to the exact view (for the file's metadata). */
	date: Date;
	url: string;
	/** The simulated-data mark. */
	simulatedMark: string;
	/** Notes that only make sense on screen (how to click), left out of exports. */
	hints: readonly string[];
}

export interface ExportOptions {
	preset: PresetId;
	theme: Theme;
}

export interface ExportedSvg {
	svg: string;
	width: number;
	height: number;
	/** Where the title is drawn: text there means the embedded font has been loaded. */
	titleBox: { x: number; y: number; width: number; height: number };
	/** What the file says about itself (also written into a PNG's text layer). */
	metadata: ExportMetadata;
}

function titleBox(layout: ExportLayout): ExportedSvg['titleBox'] {
	const first = layout.lines.find((l) => l.role === 'title');
	if (!first) return { x: 0, y: 0, width: layout.width, height: layout.height };
	return {
		x: first.x,
		y: first.y - first.size,
		width: layout.width - 2 * first.x,
		height: first.size * 1.3,
	};
}

interface PanelFacts {
	chart: string;
	title: string;
	notes: string[];
	summary: string;
	simulated: boolean;
	reported: boolean;
	body: HTMLElement | null;
	wide: boolean;
	/** A row of its own on every sheet (`data-sheet-row`: the headline tiles). */
	row: boolean;
	/** Credits of data the chart draws (boundaries), from its `[data-credit]` lines. */
	credits: Credit[];
}

function creditsOf(section: HTMLElement): Credit[] {
	return [...section.querySelectorAll<HTMLElement>('[data-credit]')].map((el) => ({
		id: el.dataset.credit ?? '',
		text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
		licence: el.dataset.licence ?? '',
		licenceUrl: el.dataset.licenceUrl ?? '',
	}));
}

function facts(section: HTMLElement, hints: readonly string[], fallbackTitle = ''): PanelFacts {
	const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
	// Wide: the chart spans most of the screen's content (a row of its own on a sheet).
	const screen = section.closest('main') ?? section.parentElement;
	const container = screen?.getBoundingClientRect().width ?? 0;
	return {
		chart: section.dataset.chart ?? 'chart',
		title: text(section.querySelector('[data-panel-title]')) || fallbackTitle,
		notes: [...section.querySelectorAll('[data-note]')]
			.map(text)
			.filter((n) => n && !hints.includes(n)),
		summary: text(section.querySelector('[data-summary]')),
		simulated: section.querySelector('[data-badge="simulated"]') !== null,
		reported: section.querySelector('[data-badge="reported"]') !== null,
		// A part drawn whole (the tiles) is its own body.
		body: section.matches('[data-chart-body]')
			? section
			: section.querySelector<HTMLElement>('[data-chart-body]'),
		wide: container > 0 && section.getBoundingClientRect().width > 0.7 * container,
		row: section.hasAttribute('data-sheet-row'),
		credits: creditsOf(section),
	};
}

/** Counted sources as the metadata lists them. */
export function metadataSources(
	counted: readonly CountedSource[] | null,
	env: ExportEnvironment,
): MetadataSource[] | null {
	return (
		counted?.map((s) => ({
			id: s.id,
			kind: s.kind,
			figures: s.figures,
			text: env.sourceText(s),
		})) ?? null
	);
}

let measuring: CanvasRenderingContext2D | null = null;

/** Text widths in the app's font, which the page has loaded (the export embeds the same font). */
const measure: Measure = (text, size, weight) => {
	measuring ??= document.createElement('canvas').getContext('2d');
	if (!measuring) return text.length * size * 0.6;
	measuring.font = `${weight} ${size}px '${FONT_FAMILY}', sans-serif`;
	return measuring.measureText(text).width;
};

async function fontsReady(): Promise<string> {
	const sample = 'Hội đồng nhân dân ĐẮK LẮK Ấp Ưu 0123456789';
	await Promise.all([
		document.fonts.load(`400 16px '${FONT_FAMILY}'`, sample),
		document.fonts.load(`600 16px '${FONT_FAMILY}'`, sample),
	]);
	return embeddedFontCss();
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Runs `capture` once every panel shows its chart and has been laid out; then puts the panels back. */
async function withCharts<T>(panels: readonly PanelSource[], capture: () => T): Promise<T> {
	const undo = await Promise.all(panels.map((p) => p.prepare()));
	try {
		// Two frames: a chart just put back measures its width in the first.
		await nextFrame();
		await nextFrame();
		return capture();
	} finally {
		for (const u of undo) u();
	}
}

function header(
	title: string,
	env: ExportEnvironment,
	notes: string[],
	simulated: boolean,
): Pick<ExportTexts, 'title' | 'subtitle' | 'badge'> {
	return {
		title,
		subtitle: [env.subtitle, ...notes].filter(Boolean),
		badge: simulated ? env.simulatedMark : null,
	};
}

/** One chart panel as a standalone SVG. */
export async function exportPanelSvg(
	panel: PanelSource,
	env: ExportEnvironment,
	options: ExportOptions,
): Promise<ExportedSvg> {
	const fontCss = await fontsReady();
	const counted = (await panel.sources?.()) ?? null;
	const { captured, about, colours } = await withCharts([panel], () =>
		withTheme(options.theme, () => {
			const about = facts(panel.section, env.hints);
			if (!about.body) throw new Error(`no chart in panel ${about.chart}`);
			return {
				captured: captureChart(about.body, `${about.chart}-`),
				about,
				colours: themeColours(),
			};
		}),
	);
	const texts: ExportTexts = {
		...header(about.title, env, about.notes, about.simulated),
		footer: [env.sources(about, counted), ...about.credits.map((c) => c.text), env.stamp],
	};
	const layout = layoutExport(PRESETS[options.preset], captured, texts, measure);
	const metadata: ExportMetadata = {
		title: about.title,
		description: about.summary || about.title,
		date: env.date,
		url: env.url,
		credits: about.credits,
		sources: metadataSources(counted, env),
	};
	const svg = composeSvg({
		layout,
		colours,
		fontCss,
		title: metadata.title,
		description: metadata.description,
		metadata: svgMetadata(metadata),
		body: captured.markup,
		lang: env.lang,
	});
	return { svg, width: layout.width, height: layout.height, titleBox: titleBox(layout), metadata };
}

/**
 * The sources of a sheet: the charts' unit-years together (each once), and the parts that count apart;
 * null unless every part can say (the kinds then stand for all of them).
 */
async function sheetSources(
	panels: readonly PanelSource[],
	env: ExportEnvironment,
): Promise<CountedSource[] | null> {
	const scopes = panels
		.filter((p) => p.scope)
		.map((p) => p.scope!())
		.filter((s) => s !== null);
	const apart = await Promise.all(
		panels.filter((p) => !p.scope).map(async (p) => (await p.sources?.()) ?? null),
	);
	if (apart.some((l) => l === null)) return null;
	const together = scopes.length ? await env.countSources(scopes) : [];
	return mergeCountedSources([together, ...(apart as CountedSource[][])]);
}

/** Every given panel on one sheet, with one header and one footer. */
export async function exportSheetSvg(
	panels: readonly PanelSource[],
	title: string,
	env: ExportEnvironment,
	options: ExportOptions,
): Promise<ExportedSvg> {
	const fontCss = await fontsReady();
	const counted = await sheetSources(panels, env);
	const { items, colours } = await withCharts(panels, () =>
		withTheme(options.theme, () => ({
			items: panels
				.map((panel, i) => ({
					about: facts(panel.section, env.hints, panel.title?.() ?? ''),
					i,
				}))
				.filter(({ about }) => about.body !== null)
				.map(({ about, i }) => ({
					about,
					captured: captureChart(about.body!, `s${i}-`) as Captured,
				})),
			colours: themeColours(),
		})),
	);
	if (items.length === 0) throw new Error('no chart to export');
	const simulated = items.some((i) => i.about.simulated);
	const reported = items.some((i) => i.about.reported);
	const credits = uniqueCredits(items.flatMap((i) => i.about.credits));
	const texts: ExportTexts = {
		...header(title, env, [], simulated),
		footer: [
			env.sources({ simulated, reported }, counted),
			...credits.map((c) => c.text),
			env.stamp,
		],
	};
	const preset = PRESETS[options.preset];
	// The page's room between its bands decides the sheet's shape (a grid, a column, two columns).
	const room = preset.size
		? layoutExport(preset, { width: 1, height: 1 }, texts, measure).room
		: null;
	const sheet = fitSheet(
		items.map(({ about, captured }) => ({
			title: about.title,
			width: captured.width,
			height: captured.height,
			wide: about.wide,
			row: about.row,
		})),
		measure,
		preset,
		room,
	);
	const body = sheet.placements
		.map((p, i) => {
			const { captured, about } = items[i]!;
			const frame = p.frame;
			const titles = p.titleLines
				.map(
					(l) =>
						`<text x="${l.x}" y="${l.y}" font-size="17" font-weight="600" fill="${colours.ink}">${escapeXml(l.text)}</text>`,
				)
				.join('');
			return (
				`<g data-sheet-chart="${escapeXml(about.chart)}">` +
				`<rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" rx="6" fill="none" stroke="${colours.line}"/>` +
				titles +
				`<g transform="translate(${p.chart.x},${p.chart.y}) scale(${Math.round(p.scale * 1000) / 1000})">${captured.markup}</g></g>`
			);
		})
		.join('');
	const layout = layoutExport(preset, { width: sheet.width, height: sheet.height }, texts, measure);
	const metadata: ExportMetadata = {
		title,
		description: items.map((i) => `${i.about.title}: ${i.about.summary}`).join(' '),
		date: env.date,
		url: env.url,
		credits,
		sources: metadataSources(counted, env),
	};
	const svg = composeSvg({
		layout,
		colours,
		fontCss,
		title,
		description: metadata.description,
		metadata: svgMetadata(metadata),
		body,
		lang: env.lang,
	});
	return { svg, width: layout.width, height: layout.height, titleBox: titleBox(layout), metadata };
}
