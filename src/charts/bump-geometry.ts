/** A bump chart: each unit's rank among its peers over the years (rank 1 at the top); unranked years break the line. */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface BumpSeries {
	key: string;
	/** One rank per year of `years`; null where the unit did not report. */
	ranks: (number | null)[];
}

export interface BumpGeometry {
	lines: {
		key: string;
		d: string;
		points: { year: number; rank: number; cx: number; cy: number }[];
	}[];
	xTicks: { year: number; x: number }[];
	yTicks: { rank: number; y: number }[];
	/** The rank axis runs from 1 to this. */
	maxRank: number;
}

export function bumpGeometry(
	years: readonly number[],
	series: readonly BumpSeries[],
	size: {
		width: number;
		height: number;
		margin: { top: number; right: number; bottom: number; left: number };
	},
): BumpGeometry {
	const { width, height, margin } = size;
	const x = scalePoint<number>()
		.domain([...years])
		.range([margin.left, Math.max(margin.left, width - margin.right)])
		.padding(0.3);
	const maxRank = Math.max(1, ...series.flatMap((s) => s.ranks.map((r) => r ?? 1)));
	const y = scaleLinear()
		.domain([1, Math.max(2, maxRank)])
		.range([margin.top, height - margin.bottom]);
	const path = line<number | null>()
		.defined((r) => r !== null)
		.x((_, i) => x(years[i]!) ?? 0)
		.y((r) => y(r ?? 1));
	const step = Math.max(1, Math.ceil(maxRank / 8));
	const yTicks = [];
	for (let rank = 1; rank <= maxRank; rank += step) yTicks.push({ rank, y: y(rank) });
	return {
		lines: series.map((s) => ({
			key: s.key,
			d: path(s.ranks) ?? '',
			points: s.ranks.flatMap((rank, i) =>
				rank === null ? [] : [{ year: years[i]!, rank, cx: x(years[i]!) ?? 0, cy: y(rank) }],
			),
		})),
		xTicks: years.map((year) => ({ year, x: x(year) ?? 0 })),
		yTicks,
		maxRank,
	};
}
