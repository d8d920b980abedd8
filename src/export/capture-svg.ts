/**
 * A chart's <svg> cloned for a standalone file: the computed styles written on every element (custom
 * properties resolved to concrete colours), attributes that mean nothing outside the page dropped, and
 * ids (with every reference to them) prefixed so that several charts fit in one file.
 */
import { r, place, visibleColour, type Walk } from './capture-walk.ts';

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

const MARK_TAGS = new Set(['text', 'rect', 'circle', 'ellipse', 'polygon']);

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

/** The <svg> placed where it is on screen, as markup. */
export function svgMarkup(svg: SVGSVGElement, walk: Walk): string {
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
