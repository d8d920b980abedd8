/**
 * The classes of a choropleth's values: quantiles of what was reported, each with its fill, and the
 * hatched fill of a province with no value (never drawn as zero).
 */
import { scaleQuantile } from 'd3-scale';

/** Fill of a province that did not report: a hatch pattern the component defines under this id. */
export const MISSING_PATTERN_ID = 'map-hatch';
export const MISSING_FILL = `url(#${MISSING_PATTERN_ID})`;
/** Fills of the classes, light to dark: a sequential scheme set as CSS custom properties (app.css). */
export const CLASS_FILLS = [
	'var(--map-1)',
	'var(--map-2)',
	'var(--map-3)',
	'var(--map-4)',
	'var(--map-5)',
] as const;

export interface ValueClass {
	/** Smallest and largest value of the class (as reported, not rounded). */
	min: number;
	max: number;
	/** How many provinces fall in it. */
	count: number;
	fill: string;
}

export interface Classification {
	classes: ValueClass[];
	/** Provinces with no value (drawn hatched, never as zero). */
	missing: number;
	fillOf: (value: number | null | undefined) => string;
	/** The class of a value, or null for no value. */
	classOf: (value: number | null | undefined) => number | null;
}

/** Which of the fills `n` classes use: spread over the scheme so that few classes stay distinct. */
function spread(n: number): number[] {
	const last = CLASS_FILLS.length - 1;
	if (n <= 1) return [Math.floor(last / 2)];
	return Array.from({ length: n }, (_, i) => Math.round((i * last) / (n - 1)));
}

/**
 * Quantile classes of the reported values (at most `count`): each holds about as many provinces.
 * With no more distinct values than classes, each value is a class of its own. Ties never straddle a
 * break, and empty classes are dropped. A missing value (null) has no class and the hatched fill.
 */
export function classify(
	values: readonly (number | null | undefined)[],
	count = CLASS_FILLS.length,
): Classification {
	const reported = values
		.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
		.sort((a, b) => a - b);
	const missing = values.length - reported.length;
	const distinct = [...new Set(reported)];
	const thresholds =
		distinct.length <= count
			? distinct.slice(1)
			: [
					...new Set(
						scaleQuantile<number>()
							.domain(reported)
							.range(Array.from({ length: count }, (_, i) => i))
							.quantiles(),
					),
				];
	const bucket = (v: number) => thresholds.filter((t) => t <= v).length;
	const groups = new Map<number, number[]>();
	for (const v of reported) groups.set(bucket(v), [...(groups.get(bucket(v)) ?? []), v]);
	const filled = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members);
	const fills = spread(filled.length);
	const classes: ValueClass[] = filled.map((members, i) => ({
		min: members[0]!,
		max: members[members.length - 1]!,
		count: members.length,
		fill: CLASS_FILLS[fills[i]!]!,
	}));
	const classOf = (value: number | null | undefined): number | null => {
		if (typeof value !== 'number' || !Number.isFinite(value) || classes.length === 0) return null;
		const index = classes.findIndex((c) => value <= c.max);
		return index === -1 ? classes.length - 1 : index;
	};
	return {
		classes,
		missing,
		classOf,
		fillOf: (value) => {
			const index = classOf(value);
			return index === null ? MISSING_FILL : classes[index]!.fill;
		},
	};
}
