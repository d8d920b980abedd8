/**
 * The walk over a chart's elements while capturing it: where its origin is, how far its content reaches,
 * the marks' vertical extents, and the ids it hands out. Shared by the SVG and the HTML parts.
 */
import { parseColour } from '../ui/colour.ts';

/** Ids unique within one capture (and, by their prefix, within one file of several charts). */
export class Ids {
	#n = 0;
	constructor(readonly prefix: string) {}
	next(): string {
		return `${this.prefix}c${this.#n++}`;
	}
}

/** The state of one capture; positions are in the chart's pixels, from its top-left corner. */
export interface Walk {
	/** Where the chart's body is in the page. */
	originX: number;
	originY: number;
	ids: Ids;
	/** How far right and down the content reaches so far. */
	right: number;
	bottom: number;
	/** Vertical extents of the marks met so far (see Captured). */
	blocks: [number, number][];
}

/** An element's position in the chart, extending what the content reaches. */
export function place(walk: Walk, rect: DOMRect) {
	const x = rect.left - walk.originX;
	const y = rect.top - walk.originY;
	walk.right = Math.max(walk.right, x + rect.width);
	walk.bottom = Math.max(walk.bottom, y + rect.height);
	return { x, y };
}

/** A coordinate written with at most two decimals. */
export function r(n: number): string {
	return String(Math.round(n * 100) / 100);
}

/** A CSS length or number as a number (0 when unreadable). */
export function num(value: string): number {
	const n = parseFloat(value);
	return Number.isFinite(n) ? n : 0;
}

/** Whether a CSS colour paints anything (not transparent). */
export function visibleColour(value: string): boolean {
	const colour = parseColour(value);
	return colour !== null && colour[3] > 0;
}
