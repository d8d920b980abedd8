/** The query filters of the dashboard views, derived from the shared view state. */
import { unitScheme, type ViewFilters } from '../../db/queries.ts';
import { resolveForm, type Form } from '../../model/comparable.ts';
import type { View } from '../../state/view.svelte.ts';
import type { ViewState } from '../../state/view-state.ts';

/** The filters every dashboard query is built from. */
export function currentFilters(view: View): ViewFilters & { form: Form } {
	return filtersOf(view.state);
}

/** The filters of a view state (without a View: the data build asks for the first screen's queries). */
export function filtersOf(s: ViewState): ViewFilters & { form: Form } {
	return {
		province: s.province,
		level: s.level,
		yearFrom: s.yearFrom,
		yearTo: s.yearTo,
		measure: s.measure,
		basis: s.basis,
		brush: s.brush,
		form: resolveForm(s.form, s),
	};
}

/** The chosen level exists for the units shown at the end of the range (no districts on the 2025 list). */
export function levelAvailable(f: ViewFilters): boolean {
	return !(f.level === 'district' && unitScheme(f.basis, f.yearTo) === '2025');
}
