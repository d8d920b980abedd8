/**
 * The HTML around a chart's <svg> (legends, small multiples' frames and names) redrawn as SVG: boxes
 * with their background and borders, and text line by line as laid out on screen.
 */
import { svgMarkup } from './capture-svg.ts';
import { num, place, r, visibleColour, type Walk } from './capture-walk.ts';

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

/** An element and everything in it, as SVG markup; empty when it is not part of the picture. */
export function htmlMarkup(el: Element, walk: Walk): string {
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
