/** Vertical columns, one per year; a year with no figure has no column (and is labelled), never a zero column. */
import { scaleBand, scaleLinear } from 'd3-scale';

export interface ColumnDatum {
	year: number;
	value: number | null;
}

export interface ColumnGeometry {
	columns: {
		year: number;
		value: number | null;
		x: number;
		width: number;
		y: number;
		height: number;
	}[];
	yTicks: { value: number; y: number }[];
	baseline: number;
}

export function columnGeometry(
	data: readonly ColumnDatum[],
	size: {
		width: number;
		height: number;
		margin: { top: number; right: number; bottom: number; left: number };
	},
): ColumnGeometry {
	const { width, height, margin } = size;
	const x = scaleBand<number>()
		.domain(data.map((d) => d.year))
		.range([margin.left, Math.max(margin.left, width - margin.right)])
		.padding(0.25);
	const max = Math.max(0, ...data.map((d) => d.value ?? 0));
	const y = scaleLinear()
		.domain([0, max || 1])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const baseline = y(0);
	return {
		columns: data.map((d) => ({
			year: d.year,
			value: d.value,
			x: x(d.year) ?? 0,
			width: x.bandwidth(),
			y: d.value === null ? baseline : y(d.value),
			height: d.value === null ? 0 : baseline - y(d.value),
		})),
		yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })),
		baseline,
	};
}
