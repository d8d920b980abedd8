/**
 * The Mosaic comparison page's filters and how a menu change moves them. The rules are the app's
 * (src/state/view.svelte.ts): the same first view, the same basis switch when a range stops crossing
 * 2025, the same level changes when a province is picked or districts stop existing. Kept the same so
 * that the seeded sequence of scripts/bench/plan.ts sees the same menus on both pages.
 */
import type { ViewFilters } from '../db/queries.ts';
import { crossesReorganisation } from '../model/comparable.ts';
import type { MeasureId } from '../model/measures.ts';
import { schemeOfYear, type UnitLevel } from '../model/units.ts';
import { DEFAULT_VIEW } from '../state/view-state.ts';

/** The app's filters that the Mosaic page's menus set (no brush; the form is always the territory total). */
export type BenchFilters = Pick<
	ViewFilters,
	'province' | 'level' | 'yearFrom' | 'yearTo' | 'measure' | 'basis'
>;

export type MenuKind = 'province' | 'level' | 'year-from' | 'year-to' | 'measure';

export function initialFilters(): BenchFilters {
	const { province, level, yearFrom, yearTo, measure, basis } = DEFAULT_VIEW;
	return { province, level, yearFrom, yearTo, measure, basis };
}

/** The list of units the end of the range is shown with. */
export function endScheme(f: BenchFilters): '2023' | '2025' {
	return f.basis === 'units2025' ? '2025' : schemeOfYear(f.yearTo);
}

/** Districts are gone from the 2025 list: the level menu disables them then. */
export const districtsGone = (f: BenchFilters): boolean => endScheme(f) === '2025';

function withYears(f: BenchFilters, from: number, to: number): BenchFilters {
	const next = { ...f, yearFrom: Math.min(from, to), yearTo: Math.max(from, to) };
	// Within the 2025 list alone both bases give the same figures; the app then reads them as reported.
	if (!crossesReorganisation(next) && next.basis === 'units2025' && next.yearTo >= 2025) {
		next.basis = 'reported';
	}
	if (next.level === 'district' && districtsGone(next)) next.level = 'commune';
	return next;
}

/** The filters after a menu took a new value. */
export function applyMenu(f: BenchFilters, kind: MenuKind, value: string): BenchFilters {
	switch (kind) {
		case 'measure':
			return { ...f, measure: value as MeasureId };
		case 'level':
			return { ...f, level: value as UnitLevel };
		case 'year-from':
			return withYears(f, Number(value), f.yearTo);
		case 'year-to':
			return withYears(f, f.yearFrom, Number(value));
		case 'province': {
			const province = value || null;
			// Picking a province means looking inside it: one level down from the provinces.
			const level =
				province && f.level === 'province' ? (districtsGone(f) ? 'commune' : 'district') : f.level;
			return { ...f, province, level };
		}
	}
}
