/**
 * A chart as drawn on the page, turned into self-contained SVG markup: its <svg> elements cloned with
 * their computed styles written on every element (the CSS custom properties resolved to concrete
 * colours, since a standalone file has no page CSS), and the HTML around them (legends, small multiples'
 * frames and names) redrawn as SVG boxes and text at the positions they have on screen. Scrolling
 * boxes are unrolled while capturing so that nothing is cut off. Runs synchronously: callers can switch
 * the theme, capture and switch back without the page ever painting the other theme.
 */
import type { Theme } from '../state/theme.svelte.ts';
import { htmlMarkup } from './capture-html.ts';
import { Ids, type Walk } from './capture-walk.ts';
import type { ExportColours } from './compose.ts';

export interface Captured {
	width: number;
	height: number;
	/** SVG markup in the chart's own pixels, origin at its top-left corner. */
	markup: string;
	/**
	 * Vertical extents [top, bottom] of the marks (text, filled shapes): a tall chart may be cut into
	 * columns only between them.
	 */
	blocks: [number, number][];
}

/** Runs `fn` with the page's CSS in the given theme, and puts the page's theme back. */
export function withTheme<T>(theme: Theme, fn: () => T): T {
	const root = document.documentElement;
	const before = root.dataset.theme;
	if (before === theme) return fn();
	root.dataset.theme = theme;
	try {
		return fn();
	} finally {
		if (before === undefined) delete root.dataset.theme;
		else root.dataset.theme = before;
	}
}

/** The export's colours, read from the page's theme variables (call inside withTheme). */
export function themeColours(): ExportColours {
	const style = getComputedStyle(document.documentElement);
	const v = (name: string) => style.getPropertyValue(name).trim();
	return {
		background: v('--surface'),
		ink: v('--ink'),
		muted: v('--ink-muted'),
		line: v('--line'),
		badgeBackground: v('--simulated-bg'),
		badgeInk: v('--simulated-ink'),
	};
}

/** Makes scrolling boxes inside `root` show all their content; returns the undo. */
function unroll(root: HTMLElement): () => void {
	const changed: { el: HTMLElement; css: string }[] = [];
	for (const el of root.querySelectorAll<HTMLElement>('*')) {
		if (!(el instanceof HTMLElement)) continue;
		const style = getComputedStyle(el);
		const scrolls = /auto|scroll|hidden/.test(style.overflowY);
		if (scrolls && el.scrollHeight > el.clientHeight + 1) {
			changed.push({ el, css: el.style.cssText });
			el.style.maxHeight = 'none';
			el.style.height = 'auto';
			el.style.overflowY = 'visible';
		}
	}
	return () => {
		for (const { el, css } of changed.reverse()) el.style.cssText = css;
	};
}

/**
 * The chart inside `body` (a panel's chart area) as SVG markup, positioned as on screen with scrolling
 * boxes unrolled. `prefix` keeps ids unique when several charts go into one file.
 */
export function captureChart(body: HTMLElement, prefix: string): Captured {
	const restore = unroll(body);
	try {
		const origin = body.getBoundingClientRect();
		const walk: Walk = {
			originX: origin.left,
			originY: origin.top,
			ids: new Ids(prefix),
			right: origin.width,
			bottom: origin.height,
			blocks: [],
		};
		const parts: string[] = [];
		for (const child of body.children) parts.push(htmlMarkup(child, walk));
		return {
			width: Math.ceil(walk.right),
			height: Math.ceil(walk.bottom),
			markup: parts.join(''),
			blocks: walk.blocks,
		};
	} finally {
		restore();
	}
}
