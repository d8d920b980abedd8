/** Summary statistics of repeated measurements. */

/** The q-quantile (0–1) of the values, by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	const a = sorted[low]!;
	const b = sorted[high]!;
	return a + (b - a) * (position - low);
}

export function median(values: readonly number[]): number {
	return quantile(values, 0.5);
}

/** Median, quartiles, extremes and count of a sample. */
export interface Summary {
	n: number;
	median: number;
	p25: number;
	p75: number;
	min: number;
	max: number;
}

export function summarize(values: readonly number[]): Summary {
	return {
		n: values.length,
		median: median(values),
		p25: quantile(values, 0.25),
		p75: quantile(values, 0.75),
		min: values.length ? Math.min(...values) : Number.NaN,
		max: values.length ? Math.max(...values) : Number.NaN,
	};
}

/** Latency percentiles of interactions. */
export interface Latency {
	n: number;
	p50: number;
	p95: number;
	max: number;
	mean: number;
}

export function latency(values: readonly number[]): Latency {
	return {
		n: values.length,
		p50: quantile(values, 0.5),
		p95: quantile(values, 0.95),
		max: values.length ? Math.max(...values) : Number.NaN,
		mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN,
	};
}

/** Round to a sensible number of digits for a table. */
export function round(value: number, digits = 0): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
