/** Lines over years with a gap wherever a year is not reported (never drawn as zero). */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface TrendSeries {
	key: string;
	label: string;
	/** One value per year of `years`; null where not reported. */
	values: (number | null)[];
}

export interface TrendGeometry {
	lines: {
		key: string;
		d: string;
		points: { year: number; value: number; cx: number; cy: number }[];
	}[];
	xTicks: { year: number; x: number }[];
	yTicks: { value: number; y: number }[];
}

export interface TrendSize {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export function trendGeometry(
	years: readonly number[],
	series: readonly TrendSeries[],
	size: TrendSize,
): TrendGeometry {
	const { width, height, margin } = size;
	const x = scalePoint<number>()
		.domain([...years])
		.range([margin.left, Math.max(margin.left, width - margin.right)])
		.padding(0.3);
	const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
	const y = scaleLinear()
		.domain([0, max || 1])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const path = line<number | null>()
		.defined((v) => v !== null)
		.x((_, i) => x(years[i]!) ?? 0)
		.y((v) => y(v ?? 0));
	return {
		lines: series.map((s) => ({
			key: s.key,
			d: path(s.values) ?? '',
			points: s.values.flatMap((value, i) =>
				value === null ? [] : [{ year: years[i]!, value, cx: x(years[i]!) ?? 0, cy: y(value) }],
			),
		})),
		xTicks: years.map((year) => ({ year, x: x(year) ?? 0 })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
	};
}
