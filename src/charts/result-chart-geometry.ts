/**
 * A line or bar chart of any query result: which columns to draw (suggested from their kinds, changeable),
 * the result pivoted into series, and the marks. A missing value is a gap (line) or no bar, never zero.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { CellValue, ColumnKind, ResultColumn } from '../export/result-columns.ts';

export type ChartType = 'line' | 'bar';

export interface ChartSpec {
	type: ChartType;
	/** The column along the x axis. */
	x: string;
	/** The numeric columns drawn as series (wide form). */
	y: string[];
	/** A column whose values split one y column into series (long form); null for none. */
	series: string | null;
}

/** At most this many series and x positions are drawn; the rest are left out and counted. */
export const MAX_SERIES = 8;
export const MAX_X = 200;

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['integer', 'number']);

/** A column that reads as years: an integer column named like one. */
export function isYearColumn(column: ResultColumn): boolean {
	return column.kind === 'integer' && /(^|_)(year|nam|năm)$|^(year|nam|năm)/i.test(column.name);
}

export function isNumeric(column: ResultColumn): boolean {
	return NUMERIC.has(column.kind);
}

/**
 * The chart a result suggests: x is the first date, year or text column (else the first column); y is
 * every other numeric column (up to MAX_SERIES); a line over dates and years, bars otherwise. Null when
 * there is nothing numeric to draw.
 */
export function suggestChart(columns: readonly ResultColumn[]): ChartSpec | null {
	const x =
		columns.find((c) => c.kind === 'date' || c.kind === 'timestamp' || isYearColumn(c)) ??
		columns.find((c) => c.kind === 'text') ??
		columns[0];
	if (!x) return null;
	const y = columns
		.filter((c) => c !== x && isNumeric(c) && !isYearColumn(c))
		.slice(0, MAX_SERIES)
		.map((c) => c.name);
	if (y.length === 0) return null;
	const temporal = x.kind === 'date' || x.kind === 'timestamp' || isYearColumn(x);
	return { type: temporal ? 'line' : 'bar', x: x.name, y, series: null };
}

export interface ChartSeries {
	key: string;
	label: string;
	values: (number | null)[];
}

export interface ChartData {
	/** The x positions, in order (sorted when the x column is numeric, dates or years). */
	xs: string[];
	series: ChartSeries[];
	/** x positions and series left out beyond the caps. */
	droppedX: number;
	droppedSeries: number;
}

function label(value: CellValue): string {
	return value === null ? '—' : String(value);
}

/** Pivot the result's columns into series over x, following the spec. */
export function chartData(
	columns: readonly ResultColumn[],
	values: readonly (readonly CellValue[])[],
	spec: ChartSpec,
): ChartData {
	const index = (name: string) => columns.findIndex((c) => c.name === name);
	const xi = index(spec.x);
	const xColumn = columns[xi];
	const xValues = values[xi] ?? [];
	const rows = xValues.length;
	// x positions in order of appearance, or sorted for numbers and dates.
	const order: CellValue[] = [];
	const seen = new Set<string>();
	for (const value of xValues) {
		const key = label(value);
		if (!seen.has(key)) {
			seen.add(key);
			order.push(value);
		}
	}
	if (xColumn && xColumn.kind !== 'text' && xColumn.kind !== 'other') {
		order.sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
	}
	const xs = order.slice(0, MAX_X).map(label);
	const position = new Map(xs.map((x, i) => [x, i]));
	const series: ChartSeries[] = [];
	let droppedSeries = 0;
	const add = (key: string, pick: (row: number) => number | null, rowFilter?: number[]) => {
		if (series.length >= MAX_SERIES) {
			droppedSeries++;
			return;
		}
		const out: (number | null)[] = xs.map(() => null);
		for (const row of rowFilter ?? Array.from({ length: rows }, (_, i) => i)) {
			const at = position.get(label(xValues[row] ?? null));
			if (at === undefined) continue;
			const v = pick(row);
			if (v !== null) out[at] = (out[at] ?? 0) + v;
		}
		series.push({ key, label: key, values: out });
	};
	const numberAt = (column: number) => (row: number) => {
		const v = values[column]?.[row];
		return typeof v === 'number' && Number.isFinite(v) ? v : null;
	};
	if (spec.series !== null && index(spec.series) >= 0 && spec.y[0] !== undefined) {
		const si = index(spec.series);
		const yi = index(spec.y[0]);
		const groups = new Map<string, number[]>();
		for (let row = 0; row < rows; row++) {
			const key = label(values[si]?.[row] ?? null);
			let list = groups.get(key);
			if (!list) groups.set(key, (list = []));
			list.push(row);
		}
		for (const [key, list] of groups) add(key, numberAt(yi), list);
	} else {
		for (const name of spec.y) {
			const yi = index(name);
			if (yi >= 0) add(name, numberAt(yi));
		}
	}
	return { xs, series, droppedX: Math.max(0, order.length - MAX_X), droppedSeries };
}

export interface ChartSize {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartGeometry {
	lines: {
		key: string;
		d: string;
		points: { x: string; value: number; cx: number; cy: number }[];
	}[];
	bars: {
		key: string;
		x: string;
		value: number;
		left: number;
		top: number;
		width: number;
		height: number;
	}[];
	xTicks: { label: string; at: number }[];
	yTicks: { value: number; y: number }[];
	/** y of the zero line. */
	zero: number;
}

/** The marks of a chart; the x labels are thinned to about one per 60 px. */
export function chartGeometry(data: ChartData, type: ChartType, size: ChartSize): ChartGeometry {
	const { width, height, margin } = size;
	const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
	const min = Math.min(0, ...all);
	const max = Math.max(0, ...all);
	const y = scaleLinear()
		.domain([min, max === min ? min + 1 : max])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const right = Math.max(margin.left + 1, width - margin.right);
	const step = Math.max(1, Math.ceil((data.xs.length * 60) / Math.max(1, right - margin.left)));
	const zero = y(0);
	if (type === 'bar') {
		const x = scaleBand<string>().domain(data.xs).range([margin.left, right]).padding(0.2);
		const inner = scaleBand<string>()
			.domain(data.series.map((s) => s.key))
			.range([0, x.bandwidth()])
			.padding(0.05);
		return {
			lines: [],
			bars: data.series.flatMap((s) =>
				s.values.flatMap((value, i) => {
					const xLabel = data.xs[i]!;
					if (value === null) return [];
					const top = Math.min(y(value), zero);
					return [
						{
							key: s.key,
							x: xLabel,
							value,
							left: (x(xLabel) ?? 0) + (inner(s.key) ?? 0),
							top,
							width: Math.max(1, inner.bandwidth()),
							height: Math.max(0, Math.abs(y(value) - zero)),
						},
					];
				}),
			),
			xTicks: data.xs
				.filter((_, i) => i % step === 0)
				.map((label) => ({ label, at: (x(label) ?? 0) + x.bandwidth() / 2 })),
			yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
			zero,
		};
	}
	const x = scalePoint<string>().domain(data.xs).range([margin.left, right]).padding(0.3);
	const path = line<number | null>()
		.defined((v) => v !== null)
		.x((_, i) => x(data.xs[i]!) ?? 0)
		.y((v) => y(v ?? 0));
	return {
		lines: data.series.map((s) => ({
			key: s.key,
			d: path(s.values) ?? '',
			points: s.values.flatMap((value, i) =>
				value === null ? [] : [{ x: data.xs[i]!, value, cx: x(data.xs[i]!) ?? 0, cy: y(value) }],
			),
		})),
		bars: [],
		xTicks: data.xs.filter((_, i) => i % step === 0).map((label) => ({ label, at: x(label) ?? 0 })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		zero,
	};
}
