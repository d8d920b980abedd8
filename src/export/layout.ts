/**
 * Where everything goes in an exported image: the size presets, a header band (title, filters, the
 * simulated-data mark), the chart fitted into the body, and a footer band (sources, date, link).
 * Pure: text is measured through a callback, so the layout is the same in tests and in the browser.
 */

export type PresetId = 'screen' | 'slide' | 'a4' | 'a4p';

export interface Preset {
	id: PresetId;
	/** Fixed size in CSS pixels, or null for "as on screen" (the chart's size plus the bands). */
	size: { width: number; height: number } | null;
	/** Text sizes of the bands, in CSS pixels. */
	type: { title: number; subtitle: number; footer: number; badge: number };
	padding: number;
	/** The most a chart is enlarged to fill the body (more would make lines look blunt). */
	maxScale: number;
	/** How many columns a whole-screen sheet may have on this page (the best fit is chosen). */
	sheetColumns: readonly number[];
}

export const PRESETS: Record<PresetId, Preset> = {
	screen: {
		id: 'screen',
		size: null,
		type: { title: 18, subtitle: 13, footer: 11.5, badge: 12 },
		padding: 20,
		maxScale: 1,
		sheetColumns: [2],
	},
	// A 16:9 slide: 1600×900, so 3200×1800 pixels at 2×.
	slide: {
		id: 'slide',
		size: { width: 1600, height: 900 },
		type: { title: 32, subtitle: 20, footer: 15, badge: 17 },
		padding: 40,
		maxScale: 2.6,
		// A grid: as many columns as make the charts largest on the wide page.
		sheetColumns: [2, 3, 4],
	},
	// A4 landscape, 297×210 mm at 96 dpi.
	a4: {
		id: 'a4',
		size: { width: 1123, height: 794 },
		type: { title: 24, subtitle: 15, footer: 12, badge: 13 },
		padding: 32,
		maxScale: 2,
		sheetColumns: [2],
	},
	// A4 portrait: one column, read top to bottom.
	a4p: {
		id: 'a4p',
		size: { width: 794, height: 1123 },
		type: { title: 22, subtitle: 14, footer: 11, badge: 12 },
		padding: 28,
		maxScale: 2,
		sheetColumns: [1],
	},
};

export const DENSITIES = [2, 3] as const;

/** The widest a text is, in CSS pixels, at a font size and weight. */
export type Measure = (text: string, size: number, weight: 400 | 600) => number;

/**
 * Greedy word wrap. A word longer than the line (a URL) is cut where it must; a line never comes out
 * wider than `width` unless a single character is.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
	const lines: string[] = [];
	let line = '';
	const push = (word: string) => {
		const candidate = line ? `${line} ${word}` : word;
		if (measure(candidate) <= width) {
			line = candidate;
			return;
		}
		if (line) lines.push(line);
		line = '';
		if (measure(word) <= width) {
			line = word;
			return;
		}
		// Cut the word into pieces that fit.
		let piece = '';
		for (const char of word) {
			if (piece && measure(piece + char) > width) {
				lines.push(piece);
				piece = '';
			}
			piece += char;
		}
		line = piece;
	};
	for (const word of text.split(/\s+/).filter(Boolean)) push(word);
	if (line) lines.push(line);
	return lines;
}

export interface TextLine {
	text: string;
	x: number;
	/** Baseline. */
	y: number;
	size: number;
	weight: 400 | 600;
	role: 'title' | 'subtitle' | 'footer' | 'badge';
}

export interface ExportTexts {
	title: string;
	/** Filters and notes, each its own paragraph. */
	subtitle: string[];
	/** The simulated-data mark, when any figure is simulated. */
	badge: string | null;
	/** Sources, date and link, each its own paragraph. */
	footer: string[];
}

export interface ExportLayout {
	width: number;
	height: number;
	lines: TextLine[];
	/** The badge's pill, behind its text. */
	badgeBox: { x: number; y: number; width: number; height: number } | null;
	/**
	 * Where the chart goes: its scale, its box, and the strips it is cut into (one, or several side by
	 * side when a tall chart reads better in columns): rows `from`–`to` of the chart drawn at x, y.
	 */
	body: {
		x: number;
		y: number;
		scale: number;
		width: number;
		height: number;
		contentWidth: number;
		strips: { from: number; to: number; x: number; y: number }[];
	};
	/** The rule between the body and the footer. */
	footerTop: number;
	headerBottom: number;
	/** The room the body has between the bands (on a fixed page; the content's size otherwise). */
	room: { width: number; height: number };
}

/** Line height of wrapped text, as a multiple of its size. */
export const LINE = 1.3;

/** Gap between the columns of a chart cut into strips, in the chart's pixels. */
export const STRIP_GAP = 32;

/**
 * Where to cut a chart `height` pixels tall into `parts` strips of about equal height, only between
 * marks (`blocks` are their vertical extents); null when there is no such place.
 */
export function stripCuts(
	height: number,
	blocks: readonly (readonly [number, number])[],
	parts: number,
): number[] | null {
	if (parts <= 1) return [0, height];
	const sorted = [...blocks].sort((a, b) => a[0] - b[0]);
	// Free gaps between the merged extents; a cut goes in the middle of one.
	const gaps: number[] = [];
	let end = -Infinity;
	for (const [top, bottom] of sorted) {
		if (top > end && end > 0) gaps.push((top + end) / 2);
		end = Math.max(end, bottom);
	}
	const cuts = [0];
	for (let i = 1; i < parts; i++) {
		const target = (height * i) / parts;
		const previous = cuts.at(-1)!;
		const best = gaps
			.filter((g) => g > previous + 1)
			.reduce<number | null>(
				(found, g) =>
					found === null || Math.abs(g - target) < Math.abs(found - target) ? g : found,
				null,
			);
		if (best === null || best >= height - 1) return null;
		cuts.push(best);
	}
	cuts.push(height);
	return cuts;
}

/** Lay out an export of a chart `content` pixels big with the given texts, at a preset. */
export function layoutExport(
	preset: Preset,
	content: { width: number; height: number; blocks?: readonly (readonly [number, number])[] },
	texts: ExportTexts,
	measure: Measure,
): ExportLayout {
	const width = preset.size?.width ?? Math.max(Math.ceil(content.width) + 2 * preset.padding, 560);
	// "As on screen" grows its type with its width, so a wide sheet's header is not tiny.
	const k = preset.size ? 1 : Math.min(1.6, Math.max(1, width / 1000));
	const pad = preset.padding * k;
	const titleSize = preset.type.title * k;
	const subSize = preset.type.subtitle * k;
	const footSize = preset.type.footer * k;
	const badgeSize = preset.type.badge * k;
	const inner = width - 2 * pad;

	const lines: TextLine[] = [];
	let y = pad;
	const paragraph = (
		text: string,
		size: number,
		weight: 400 | 600,
		role: TextLine['role'],
		gapAfter: number,
	) => {
		for (const part of wrapText(text, inner, (t) => measure(t, size, weight))) {
			y += size * LINE;
			lines.push({ text: part, x: pad, y: y - size * 0.3, size, weight, role });
		}
		y += gapAfter;
	};
	paragraph(texts.title, titleSize, 600, 'title', titleSize * 0.25);
	for (const text of texts.subtitle) paragraph(text, subSize, 400, 'subtitle', 0);
	let badgeBox: ExportLayout['badgeBox'] = null;
	if (texts.badge) {
		y += badgeSize * 0.5;
		const h = badgeSize * 1.7;
		const w = Math.min(inner, measure(texts.badge, badgeSize, 600) + badgeSize * 1.6);
		badgeBox = { x: pad, y, width: w, height: h };
		lines.push({
			text: texts.badge,
			x: pad + badgeSize * 0.8,
			y: y + h / 2 + badgeSize * 0.35,
			size: badgeSize,
			weight: 600,
			role: 'badge',
		});
		y += h;
	}
	const headerBottom = y + pad * 0.5;

	// The footer is laid out from the top too, then moved to the bottom.
	const footerLines: TextLine[] = [];
	let fy = 0;
	for (const text of texts.footer) {
		for (const part of wrapText(text, inner, (t) => measure(t, footSize, 400))) {
			fy += footSize * LINE;
			footerLines.push({
				text: part,
				x: pad,
				y: fy - footSize * 0.3,
				size: footSize,
				weight: 400,
				role: 'footer',
			});
		}
	}
	const footerHeight = fy + pad * 0.5 + pad;

	const bodyTop = headerBottom + pad * 0.5;
	let height: number;
	let scale: number;
	let cuts = [0, content.height];
	let available = content.height;
	if (preset.size) {
		height = preset.size.height;
		available = height - bodyTop - footerHeight - pad * 0.5;
		const fit = (bounds: number[]) => {
			const parts = bounds.length - 1;
			const tallest = Math.max(...bounds.slice(1).map((b, i) => b - bounds[i]!));
			const wide = parts * content.width + (parts - 1) * STRIP_GAP;
			return Math.max(0.05, Math.min(preset.maxScale, inner / wide, available / tallest));
		};
		scale = fit(cuts);
		// A tall chart on a wide page reads better in columns: cut it where that makes it larger.
		for (let parts = 2; parts <= 4 && content.blocks; parts++) {
			const bounds = stripCuts(content.height, content.blocks, parts);
			if (bounds && fit(bounds) > scale * 1.15) {
				scale = fit(bounds);
				cuts = bounds;
			}
		}
	} else {
		scale = Math.min(1, inner / content.width);
		height = Math.ceil(bodyTop + content.height * scale + pad * 0.5 + footerHeight);
	}
	const parts = cuts.length - 1;
	const stripHeight = Math.max(...cuts.slice(1).map((b, i) => b - cuts[i]!));
	const bodyWidth = (parts * content.width + (parts - 1) * STRIP_GAP) * scale;
	const bodyHeight = stripHeight * scale;
	const bodyX = pad + (inner - bodyWidth) / 2;
	const bodyY = bodyTop + (preset.size ? Math.max(0, (available - bodyHeight) / 2) : 0);
	const strips = cuts.slice(1).map((to, i) => ({
		from: cuts[i]!,
		to,
		x: bodyX + i * (content.width + STRIP_GAP) * scale,
		y: bodyY,
	}));
	const footerTop = height - footerHeight + pad * 0.5;
	for (const line of footerLines) lines.push({ ...line, y: line.y + footerTop + pad * 0.5 });
	return {
		width,
		height,
		lines,
		badgeBox,
		body: {
			x: bodyX,
			y: bodyY,
			scale,
			width: bodyWidth,
			height: bodyHeight,
			contentWidth: content.width,
			strips,
		},
		footerTop,
		headerBottom,
		room: { width: inner, height: available },
	};
}
