/** Horizontal ranking bars: d3 computes the scale and positions; the component only draws them. */
import { scaleLinear } from 'd3-scale';

export interface RankingRow {
	key: string;
	label: string;
	/** The value, or null when the unit did not report it. */
	value: number | null;
	rank: number | null;
	/** The figure comes from a real report (marked beside the bar). */
	reported?: boolean;
	/** The figure is an estimate (re-aggregated through a split). */
	approx?: boolean;
	/** Change from the previous year, already computed (null where not computable). */
	change?: number | null;
	/** What the figure is, for its tooltip ("trung bình của 3 HĐND tỉnh cũ"). */
	note?: string | null;
}

export interface RankingBar {
	key: string;
	label: string;
	value: number | null;
	rank: number | null;
	reported: boolean;
	approx: boolean;
	change: number | null;
	note: string | null;
	y: number;
	/** Bar length in pixels; 0 for a reported zero, and no bar at all (missing) when not reported. */
	width: number;
	missing: boolean;
}

export interface RankingGeometry {
	bars: RankingBar[];
	ticks: { value: number; x: number }[];
	/** x positions of the reference values, in the order given. */
	references: number[];
	plotWidth: number;
	height: number;
}

/** Bars for rows already in display order; `plotWidth` is the width left for the bars themselves. */
export function rankingGeometry(
	rows: readonly RankingRow[],
	plotWidth: number,
	rowHeight: number,
	referenceValues: readonly number[] = [],
): RankingGeometry {
	const max = Math.max(0, ...rows.map((r) => r.value ?? 0), ...referenceValues);
	const x = scaleLinear()
		.domain([0, max || 1])
		.nice()
		.range([0, Math.max(0, plotWidth)]);
	return {
		bars: rows.map((row, i) => ({
			key: row.key,
			label: row.label,
			value: row.value,
			rank: row.rank,
			reported: row.reported ?? false,
			approx: row.approx ?? false,
			change: row.change ?? null,
			note: row.note ?? null,
			y: i * rowHeight,
			width: row.value === null ? 0 : x(row.value),
			missing: row.value === null,
		})),
		ticks: x.ticks(4).map((value) => ({ value, x: x(value) })),
		references: referenceValues.map((value) => x(value)),
		plotWidth,
		height: rows.length * rowHeight,
	};
}

/**
 * Order units for a ranking: reported values from high to low (ties by name, Vietnamese order),
 * then the units that did not report, by name. Ties share a rank (1, 2, 2, 4).
 */
export function rankRows(
	rows: readonly {
		key: string;
		label: string;
		value: number | null;
		reported?: boolean;
		approx?: boolean;
		change?: number | null;
		note?: string | null;
	}[],
	compareNames: (a: string, b: string) => number,
): RankingRow[] {
	const reported = rows
		.filter((r) => r.value !== null)
		.sort((a, b) => (b.value as number) - (a.value as number) || compareNames(a.label, b.label));
	const missing = rows
		.filter((r) => r.value === null)
		.sort((a, b) => compareNames(a.label, b.label));
	let rank = 0;
	const ranked = reported.map((row, i) => {
		if (i === 0 || row.value !== reported[i - 1]!.value) rank = i + 1;
		return { ...row, rank };
	});
	return [...ranked, ...missing.map((row) => ({ ...row, rank: null }))];
}
