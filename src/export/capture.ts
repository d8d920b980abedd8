/**
 * A chart as drawn on the page, turned into self-contained SVG markup: its <svg> elements cloned with
 * their computed styles written on every element (the CSS custom properties resolved to concrete
 * colours, since a standalone file has no page CSS), and the HTML around them (legends, small multiples'
 * frames and names) redrawn as SVG boxes and text at the positions they have on screen. Scrolling
 * boxes are unrolled while capturing so that nothing is cut off. Runs synchronously: callers can switch
 * the theme, capture and switch back without the page ever painting the other theme.
 */
import { parseColour } from '../ui/colour.ts';
import type { Theme } from '../state/theme.svelte.ts';
import type { ExportColours } from './compose.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Properties written on every SVG element, and the values that need not be written. */
const PAINT: Record<string, string | null> = {
	fill: null,
	'fill-opacity': '1',
	stroke: 'none',
	'stroke-width': '1px',
	'stroke-opacity': '1',
	'stroke-dasharray': 'none',
	'stroke-linecap': 'butt',
	'stroke-linejoin': 'miter',
	opacity: '1',
	visibility: 'visible',
};
const TYPE: Record<string, string | null> = {
	'font-family': null,
	'font-size': null,
	'font-weight': '400',
	'font-style': 'normal',
	'text-anchor': 'start',
	'dominant-baseline': 'auto',
	'font-variant-numeric': 'normal',
	'letter-spacing': 'normal',
};
const TEXT_TAGS = new Set(['text', 'tspan', 'textPath']);
const UNSTYLED_TAGS = new Set(['title', 'desc', 'defs', 'clipPath', 'style']);
/** Attributes that mean nothing outside the page. */
const DROPPED = ['class', 'tabindex', 'role', 'aria-pressed', 'aria-hidden', 'style'];

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

const MARK_TAGS = new Set(['text', 'rect', 'circle', 'ellipse', 'polygon']);

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

function num(value: string): number {
	const n = parseFloat(value);
	return Number.isFinite(n) ? n : 0;
}

function visibleColour(value: string): boolean {
	const colour = parseColour(value);
	return colour !== null && colour[3] > 0;
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

class Ids {
	#n = 0;
	constructor(readonly prefix: string) {}
	next(): string {
		return `${this.prefix}c${this.#n++}`;
	}
}

function styleOf(
	computed: CSSStyleDeclaration,
	props: Record<string, string | null>,
	target: string[],
): void {
	for (const [name, skip] of Object.entries(props)) {
		const value = computed.getPropertyValue(name).trim();
		if (value === '' || value === skip) continue;
		target.push(`${name}:${value}`);
	}
}

/** A clone of a chart's <svg> with styles inlined and ids made unique with `prefix`. */
function cloneSvg(source: SVGSVGElement, prefix: string, walk: Walk): SVGSVGElement {
	const clone = source.cloneNode(true) as SVGSVGElement;
	const originals = [source, ...source.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	const hidden: Element[] = [];
	originals.forEach((original, i) => {
		const copy = copies[i];
		if (!copy) return;
		const tag = original.localName;
		for (const name of DROPPED) if (copy !== clone || name !== 'role') copy.removeAttribute(name);
		for (const attr of [...copy.attributes]) {
			if (attr.value.includes('var(')) copy.removeAttribute(attr.name);
		}
		if (UNSTYLED_TAGS.has(tag)) return;
		const computed = getComputedStyle(original);
		if (computed.display === 'none') {
			hidden.push(copy);
			return;
		}
		const style: string[] = [];
		styleOf(computed, PAINT, style);
		if (TEXT_TAGS.has(tag) || original === source) styleOf(computed, TYPE, style);
		if (style.length) copy.setAttribute('style', style.join(';'));
		if (MARK_TAGS.has(tag) && !original.closest('defs')) {
			const painted = tag === 'text' || visibleColour(computed.fill);
			const rect = original.getBoundingClientRect();
			if (painted && rect.height > 0 && rect.height < 200) {
				walk.blocks.push([rect.top - walk.originY, rect.bottom - walk.originY]);
			}
		}
	});
	for (const el of hidden) el.remove();
	// Ids, and every reference to them, get the prefix so that several charts fit in one file.
	for (const el of clone.querySelectorAll('[id]')) el.id = `${prefix}${el.id}`;
	for (const el of [clone, ...clone.querySelectorAll('*')]) {
		for (const attr of [...el.attributes]) {
			if (attr.value.includes('url(')) {
				el.setAttribute(
					attr.name,
					attr.value.replace(/url\(\s*["']?[^"')#]*#([^"')]+)["']?\s*\)/g, `url(#${prefix}$1)`),
				);
			} else if ((attr.name === 'href' || attr.name === 'xlink:href') && attr.value[0] === '#') {
				el.setAttribute(attr.name, `#${prefix}${attr.value.slice(1)}`);
			}
		}
	}
	return clone;
}

interface Walk {
	originX: number;
	originY: number;
	ids: Ids;
	right: number;
	bottom: number;
	blocks: [number, number][];
}

function place(walk: Walk, rect: DOMRect) {
	const x = rect.left - walk.originX;
	const y = rect.top - walk.originY;
	walk.right = Math.max(walk.right, x + rect.width);
	walk.bottom = Math.max(walk.bottom, y + rect.height);
	return { x, y };
}

function r(n: number): string {
	return String(Math.round(n * 100) / 100);
}

function svgMarkup(svg: SVGSVGElement, walk: Walk): string {
	const rect = svg.getBoundingClientRect();
	const { x, y } = place(walk, rect);
	const clone = cloneSvg(svg, `${walk.ids.next()}-`, walk);
	clone.setAttribute('x', r(x));
	clone.setAttribute('y', r(y));
	clone.setAttribute('width', r(rect.width));
	clone.setAttribute('height', r(rect.height));
	clone.removeAttribute('xmlns');
	return new XMLSerializer().serializeToString(clone).replace(` xmlns="${SVG_NS}"`, '');
}

function escape(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function attr(text: string): string {
	return escape(text).replaceAll('"', '&quot;');
}

/** The lines of a text node as laid out on screen, one SVG <text> per line. */
function textMarkup(node: Text, style: CSSStyleDeclaration, walk: Walk): string {
	const content = node.data;
	const range = document.createRange();
	const lines: {
		start: number;
		end: number;
		left: number;
		right: number;
		top: number;
		bottom: number;
	}[] = [];
	for (const match of content.matchAll(/\S+/g)) {
		const start = match.index;
		const end = start + match[0].length;
		range.setStart(node, start);
		range.setEnd(node, end);
		const rect = range.getBoundingClientRect();
		if (rect.width === 0 && rect.height === 0) continue;
		const line = lines.at(-1);
		if (line && Math.abs(rect.top - line.top) < 2) {
			line.end = end;
			line.right = Math.max(line.right, rect.right);
			line.bottom = Math.max(line.bottom, rect.bottom);
		} else {
			lines.push({
				start,
				end,
				left: rect.left,
				right: rect.right,
				top: rect.top,
				bottom: rect.bottom,
			});
		}
	}
	const transform = style.textTransform;
	const fill = style.color;
	return lines
		.map((line) => {
			let text = content.slice(line.start, line.end).replace(/\s+/g, ' ');
			if (transform === 'uppercase') text = text.toLocaleUpperCase();
			const x = line.left - walk.originX;
			const y = (line.top + line.bottom) / 2 - walk.originY;
			walk.right = Math.max(walk.right, line.right - walk.originX);
			walk.bottom = Math.max(walk.bottom, line.bottom - walk.originY);
			walk.blocks.push([line.top - walk.originY, line.bottom - walk.originY]);
			return (
				`<text x="${r(x)}" y="${r(y)}" dominant-baseline="central" ` +
				`style="font-family:${attr(style.fontFamily)};font-size:${style.fontSize};` +
				`font-weight:${style.fontWeight};fill:${fill}">${escape(text)}</text>`
			);
		})
		.join('');
}

/** Background and borders of an HTML box. */
function boxMarkup(style: CSSStyleDeclaration, x: number, y: number, rect: DOMRect): string {
	const parts: string[] = [];
	const radius = num(style.borderTopLeftRadius);
	const rx = radius > 0 ? ` rx="${r(Math.min(radius, rect.height / 2, rect.width / 2))}"` : '';
	if (visibleColour(style.backgroundColor)) {
		parts.push(
			`<rect x="${r(x)}" y="${r(y)}" width="${r(rect.width)}" height="${r(rect.height)}"${rx} fill="${style.backgroundColor}"/>`,
		);
	}
	const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
		width: num(style.getPropertyValue(`border-${side.toLowerCase()}-width`)),
		colour: style.getPropertyValue(`border-${side.toLowerCase()}-color`),
		line: style.getPropertyValue(`border-${side.toLowerCase()}-style`),
	}));
	const drawn = sides.map((s) => s.width > 0 && s.line !== 'none' && visibleColour(s.colour));
	if (
		drawn.every(Boolean) &&
		sides.every((s) => s.width === sides[0]!.width && s.colour === sides[0]!.colour)
	) {
		const w = sides[0]!.width;
		const dash = sides[0]!.line === 'dashed' ? ` stroke-dasharray="${r(w * 3)} ${r(w * 2)}"` : '';
		parts.push(
			`<rect x="${r(x + w / 2)}" y="${r(y + w / 2)}" width="${r(rect.width - w)}" height="${r(rect.height - w)}"${rx} fill="none" stroke="${sides[0]!.colour}" stroke-width="${w}"${dash}/>`,
		);
	} else {
		const edges = [
			[x, y, x + rect.width, y],
			[x + rect.width, y, x + rect.width, y + rect.height],
			[x, y + rect.height, x + rect.width, y + rect.height],
			[x, y, x, y + rect.height],
		] as const;
		sides.forEach((side, i) => {
			if (!drawn[i]) return;
			const [x1, y1, x2, y2] = edges[i]!;
			const inset = side.width / 2;
			const dx = i === 1 ? -inset : i === 3 ? inset : 0;
			const dy = i === 0 ? inset : i === 2 ? -inset : 0;
			parts.push(
				`<line x1="${r(x1 + dx)}" y1="${r(y1 + dy)}" x2="${r(x2 + dx)}" y2="${r(y2 + dy)}" stroke="${side.colour}" stroke-width="${side.width}"/>`,
			);
		});
	}
	return parts.join('');
}

function htmlMarkup(el: Element, walk: Walk): string {
	if (el instanceof SVGSVGElement) return svgMarkup(el, walk);
	if (!(el instanceof HTMLElement)) return '';
	// Data tables behind charts are left out; a table that is the content (the unit detail) is drawn.
	if (el.dataset.export === 'skip' || (el.localName === 'table' && el.dataset.export !== 'draw')) {
		return '';
	}
	const style = getComputedStyle(el);
	if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return '';
	// Visually hidden text (screen readers only) and floating tooltips are not part of the picture.
	if (style.clipPath !== 'none' || style.position === 'fixed') return '';
	const rect = el.getBoundingClientRect();
	if (rect.width <= 1 && rect.height <= 1) return '';
	const { x, y } = place(walk, rect);
	const inner: string[] = [boxMarkup(style, x, y, rect)];
	if (inner[0] && rect.height < 200) walk.blocks.push([y, y + rect.height]);
	for (const child of el.childNodes) {
		if (child instanceof Text) {
			if (child.data.trim()) inner.push(textMarkup(child, style, walk));
		} else if (child instanceof Element) {
			inner.push(htmlMarkup(child, walk));
		}
	}
	let markup = inner.join('');
	if (!markup) return '';
	if (/hidden|clip/.test(style.overflowX) || /hidden|clip/.test(style.overflowY)) {
		const id = walk.ids.next();
		markup =
			`<clipPath id="${id}"><rect x="${r(x)}" y="${r(y)}" width="${r(rect.width)}" height="${r(rect.height)}"/></clipPath>` +
			`<g clip-path="url(#${id})">${markup}</g>`;
	}
	const opacity = num(style.opacity);
	if (opacity < 1) markup = `<g opacity="${opacity}">${markup}</g>`;
	return markup;
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
