/**
 * Scoring extracted figures against expected ones, at the figure level: a figure is right when its
 * metric and value match an expected figure of the same report (each expected figure matched once).
 * Unit resolution is scored on the matched figures: the unit key must be the expected one.
 */

export interface ScoredFigure {
	metric: string;
	value: number;
	unit_key: string | null;
	scope?: string;
	derived?: boolean;
}

export interface FileScore {
	expected: number;
	extracted: number;
	matched: number;
	unitRight: number;
	missed: ScoredFigure[];
	spurious: ScoredFigure[];
	wrongUnit: { got: ScoredFigure; want: ScoredFigure }[];
}

const sameFigure = (a: ScoredFigure, b: ScoredFigure) =>
	a.metric === b.metric && Math.abs(a.value - b.value) < 1e-9;

/** Match one report's figures: same unit and scope first, so that unit accuracy is not understated. */
export function scoreFile(
	expected: readonly ScoredFigure[],
	got: readonly ScoredFigure[],
): FileScore {
	const left = [...expected];
	const unmatched: ScoredFigure[] = [];
	const pairs: { got: ScoredFigure; want: ScoredFigure }[] = [];
	const take = (g: ScoredFigure, test: (w: ScoredFigure) => boolean) => {
		const i = left.findIndex((w) => sameFigure(w, g) && test(w));
		if (i < 0) return false;
		pairs.push({ got: g, want: left[i]! });
		left.splice(i, 1);
		return true;
	};
	const rest: ScoredFigure[] = [];
	for (const g of got)
		if (!take(g, (w) => w.unit_key === g.unit_key && (w.scope ?? g.scope) === g.scope))
			rest.push(g);
	for (const g of rest) if (!take(g, () => true)) unmatched.push(g);
	return {
		expected: expected.length,
		extracted: got.length,
		matched: pairs.length,
		unitRight: pairs.filter((p) => p.got.unit_key === p.want.unit_key).length,
		missed: left,
		spurious: unmatched,
		wrongUnit: pairs.filter((p) => p.got.unit_key !== p.want.unit_key),
	};
}

export interface Totals {
	files: number;
	expected: number;
	extracted: number;
	matched: number;
	unitRight: number;
	precision: number;
	recall: number;
	unitAccuracy: number;
}

export function totals(scores: readonly FileScore[]): Totals {
	const sum = (k: 'expected' | 'extracted' | 'matched' | 'unitRight') =>
		scores.reduce((s, f) => s + f[k], 0);
	const expected = sum('expected');
	const extracted = sum('extracted');
	const matched = sum('matched');
	const unitRight = sum('unitRight');
	return {
		files: scores.length,
		expected,
		extracted,
		matched,
		unitRight,
		precision: extracted === 0 ? 1 : matched / extracted,
		recall: expected === 0 ? 1 : matched / expected,
		unitAccuracy: matched === 0 ? 1 : unitRight / matched,
	};
}
