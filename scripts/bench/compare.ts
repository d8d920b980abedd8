/**
 * Side-by-side latency tables of two pages driven through the same interactions (scripts/bench/mosaic.ts):
 * p50 / p95 / max per side, overall and by kind of interaction, and the ratio of the first side to the
 * second (above 1: the first is slower).
 */
import { latency } from './stats.ts';
import { ms, ratio, Table } from './table.ts';

export interface Timed {
	kind: string;
	ms: number;
}

export interface SideSummary {
	/** 'all', then the kinds in alphabetical order. */
	kind: string;
	n: number;
	p50: number;
	p95: number;
	max: number;
}

/** Latency of one side, overall and per kind. */
export function summarise(list: readonly Timed[]): SideSummary[] {
	const kinds = [...new Set(list.map((i) => i.kind))].sort();
	return [['all', list], ...kinds.map((k) => [k, list.filter((i) => i.kind === k)] as const)].map(
		([kind, of]) => {
			const l = latency((of as readonly Timed[]).map((i) => i.ms));
			return { kind: kind as string, n: l.n, p50: l.p50, p95: l.p95, max: l.max };
		},
	);
}

/** One row per kind present on either side: each side's n, p50, p95, max, and a ÷ b of p50 and p95. */
export function comparisonTable(
	names: [string, string],
	a: readonly Timed[],
	b: readonly Timed[],
): Table {
	const [sa, sb] = [summarise(a), summarise(b)];
	const kinds = [...new Set([...sa, ...sb].map((s) => s.kind))];
	const table = new Table([
		'kind',
		...names.flatMap((n) => [`${n} n`, `${n} p50`, `${n} p95`, `${n} max`]),
		'p50 ratio',
		'p95 ratio',
	]);
	const none: SideSummary = { kind: '', n: 0, p50: NaN, p95: NaN, max: NaN };
	for (const kind of kinds) {
		const x = sa.find((s) => s.kind === kind) ?? none;
		const y = sb.find((s) => s.kind === kind) ?? none;
		table.add(
			kind,
			...[x, y].flatMap((s) => [s.n, ms(s.p50), ms(s.p95), ms(s.max)]),
			ratio(x.p50 / y.p50),
			ratio(x.p95 / y.p95),
		);
	}
	return table;
}

/**
 * The share of positions where two sequences of interactions (`kind value`) agree: the pages' menus
 * can differ a little, and a different option list makes the same seed pick other values from there on.
 */
export function agreement(a: readonly string[], b: readonly string[]): number {
	const n = Math.max(a.length, b.length);
	if (n === 0) return 1;
	return a.filter((step, i) => step === b[i]).length / n;
}
