import { describe, expect, test } from 'vitest';
import { MEASURES } from '../../../../src/model/measures.ts';
import { DEFAULT_VIEW, type ViewState } from '../../../../src/state/view-state.ts';
import { View } from '../../../../src/state/view.svelte.ts';
import { currentFilters } from '../../../../src/views/dashboard/filters.ts';
import { likelyNextSql, overviewSql } from '../../../../src/views/dashboard/overview-queries.ts';

/** The queries the overview asks for after the click `change` on `state`. */
function afterClick(state: ViewState, change: (view: View) => void): string[] {
	const view = new View({ ...state, selected: [...state.selected] });
	change(view);
	const sql = overviewSql(currentFilters(view), [...view.state.selected].sort());
	return [sql.ranking, sql.series, sql.chosen!, sql.area];
}

describe('likelyNextSql', () => {
	const state: ViewState = {
		...DEFAULT_VIEW,
		basis: 'reported',
		level: 'district',
		yearFrom: 2019,
		yearTo: 2023,
		selected: ['2023:276', '2023:001'],
	};

	test('holds the exact queries of the neighbouring last years and of every other measure', () => {
		const next = likelyNextSql(state);
		for (const yearTo of [2022, 2024]) {
			for (const sql of afterClick(state, (v) => v.setYears(2019, yearTo)))
				expect(next).toContain(sql);
		}
		for (const measure of MEASURES.filter((m) => m.id !== state.measure)) {
			for (const sql of afterClick(state, (v) => (v.state.measure = measure.id)))
				expect(next).toContain(sql);
		}
		// The neighbouring years come first: a click on the year list is the likeliest.
		expect(next.slice(0, 4)).toEqual(afterClick(state, (v) => v.setYears(2019, 2022)));
		// Nothing for the state shown now.
		for (const sql of afterClick(state, () => {})) expect(next).not.toContain(sql);
	});

	test('a last year without the level shown follows the view to the level it moves to', () => {
		const next = likelyNextSql({ ...state, yearTo: 2024 });
		for (const sql of afterClick({ ...state, yearTo: 2024 }, (v) => v.setYears(2019, 2025)))
			expect(next).toContain(sql);
	});
});
