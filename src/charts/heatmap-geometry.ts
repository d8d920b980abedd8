/** A unit × year grid. A cell is a value, not reported (hatched), or a year the unit did not exist (blank). */
import { interpolateBlues } from 'd3-scale-chromatic';
import { scaleSequential } from 'd3-scale';
import { contrast, parseColour, type Rgb } from '../ui/colour.ts';

export type CellState = 'value' | 'missing' | 'absent';

export interface HeatmapCell {
	rowKey: string;
	year: number;
	x: number;
	y: number;
	width: number;
	height: number;
	state: CellState;
	value: number | null;
	fill: string;
	/** Text colour that stays readable on the fill. */
	ink: string;
}

export interface HeatmapInput {
	rows: readonly { key: string; label: string }[];
	years: readonly number[];
	/** Value of a row in a year: a number, null (not reported) or undefined (did not exist). */
	valueAt: (rowKey: string, year: number) => number | null | undefined;
}

const LIGHT_INK = '#ffffff';
const DARK_INK = '#1b1b1b';

/**
 * inkOn of a fill, remembered: a redraw colours a few hundred cells from a ramp of few distinct fills,
 * and parsing each fill and weighing its contrast took a tenth of the heatmap's redraw.
 */
const inks = new Map<string, string>();
function inkFor(fill: string): string {
	let ink = inks.get(fill);
	if (ink === undefined) {
		ink = inkOn(fill);
		if (inks.size > 4096) inks.clear();
		inks.set(fill, ink);
	}
	return ink;
}

/** The text colour with the higher contrast on a fill (white or near black), for AA-readable labels. */
export function inkOn(fill: string): string {
	const rgba = parseColour(fill);
	if (!rgba) return DARK_INK;
	const colour: Rgb = [rgba[0], rgba[1], rgba[2]];
	return contrast(colour, [255, 255, 255]) > contrast(colour, [27, 27, 27]) ? LIGHT_INK : DARK_INK;
}

export function heatmapGeometry(
	input: HeatmapInput,
	cellWidth: number,
	cellHeight: number,
): { cells: HeatmapCell[]; max: number; color: (v: number) => string } {
	const values = input.rows.flatMap((r) => input.years.map((y) => input.valueAt(r.key, y)));
	const max = Math.max(0, ...values.map((v) => v ?? 0));
	// Start the ramp above white so a reported zero is visibly a cell, unlike a blank.
	const ramp = scaleSequential((t: number) => interpolateBlues(0.08 + 0.92 * t)).domain([
		0,
		max || 1,
	]);
	const cells: HeatmapCell[] = [];
	input.rows.forEach((row, r) => {
		input.years.forEach((year, c) => {
			const value = input.valueAt(row.key, year);
			const state: CellState =
				value === undefined ? 'absent' : value === null ? 'missing' : 'value';
			const fill = state === 'value' ? ramp(value as number) : 'none';
			cells.push({
				rowKey: row.key,
				year,
				x: c * cellWidth,
				y: r * cellHeight,
				width: cellWidth,
				height: cellHeight,
				state,
				value: value ?? null,
				fill,
				ink: state === 'value' ? inkFor(fill) : DARK_INK,
			});
		});
	});
	return { cells, max, color: (v) => ramp(v) };
}
