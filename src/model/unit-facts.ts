/**
 * What the unit detail shows, picked from every fact of the unit (`unitAllFactsSql`): the years the unit
 * has figures in, and the facts of one year. Done in the page so that the detail needs one query per
 * unit, and none when the year changes.
 */
import type { UnitYear } from './opening-year.ts';

/** The fields of a fact row these functions read (the row has its metrics and source fields too). */
export interface UnitFactRow {
	year: number | null;
	period: string;
	month: number | null;
	term: string | null;
	scope: string;
	source_id: string;
	source_kind: string;
}

/** The years with any fact (any period or scope), in order; first-hand when any is not simulated. */
export function unitYearsOf(rows: readonly UnitFactRow[]): UnitYear[] {
	const firstHand = new Map<number, boolean>();
	for (const row of rows) {
		if (row.year === null) continue;
		firstHand.set(row.year, (firstHand.get(row.year) ?? false) || row.source_kind !== 'simulated');
	}
	return [...firstHand]
		.sort((a, b) => a[0] - b[0])
		.map(([year, first]) => ({ year, firstHand: first }));
}

/** A term's first or last year ("2021-2026"), or null when that part is not a whole number. */
function termYear(term: string | null, part: 0 | 1): number | null {
	const text = term?.split('-')[part]?.trim() ?? '';
	return /^[+-]?\d+$/.test(text) ? Number(text) : null;
}

const PERIOD_ORDER: Record<string, number> = { year: 0, h1: 1, m9: 2, month: 3 };

/** Order as the engine sorts (text by code point), nulls last: a month, a term, a scope or a source. */
function compareNullsLast<T extends string | number>(a: T | null, b: T | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/**
 * The facts of one year: the year's own rows (whole year, half, nine months, months) and the totals of
 * the terms the year falls in, each under its own period (a term total is never the year's figure).
 * Ordered year, h1, m9, months in order, terms; then by scope and source, so the columns keep their place.
 */
export function factsInYear<T extends UnitFactRow>(rows: readonly T[], year: number): T[] {
	const inYear = rows.filter((row) => {
		if (row.year === year) return true;
		if (row.period !== 'term') return false;
		const from = termYear(row.term, 0);
		const to = termYear(row.term, 1);
		return from !== null && to !== null && from <= year && year <= to;
	});
	return inYear.sort(
		(a, b) =>
			(PERIOD_ORDER[a.period] ?? 4) - (PERIOD_ORDER[b.period] ?? 4) ||
			compareNullsLast(a.month, b.month) ||
			compareNullsLast(a.term, b.term) ||
			compareNullsLast(a.scope, b.scope) ||
			compareNullsLast(a.source_id, b.source_id),
	);
}
