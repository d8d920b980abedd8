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
	return [sql.ranking, sql.chosen!, sql.areaHeadline, sql.areaMeasure];
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
		const shown = afterClick(state, () => {});
		// Each query of the next state is prefetched, or is one the view has already.
		const ready = (sql: string) => next.includes(sql) || shown.includes(sql);
		for (const yearTo of [2022, 2024]) {
			for (const sql of afterClick(state, (v) => v.setYears(2019, yearTo)))
				expect(ready(sql)).toBe(true);
		}
		for (const measure of MEASURES.filter((m) => m.id !== state.measure)) {
			const after = afterClick(state, (v) => (v.state.measure = measure.id));
			for (const sql of after) expect(ready(sql)).toBe(true);
			// The ranking, the chosen units' series and the area's measure part change with the measure; the
			// area's headline part (the tiles) does not, so a new measure does not ask for it again.
			const [ranking, chosen, headline, own] = after;
			for (const sql of [ranking, chosen, own]) expect(shown).not.toContain(sql);
			expect(headline).toBe(shown[2]);
		}
		// The neighbouring years come first: a click on the year list is the likeliest. Only the ranking (with
		// its top's series) changes with the last year; the area and the chosen units' series hold every year.
		const yearBack = afterClick(state, (v) => v.setYears(2019, 2022));
		expect(yearBack.filter((sql) => !shown.includes(sql))).toEqual([yearBack[0]]);
		expect(next[0]).toEqual(yearBack[0]);
		// Nothing for the state shown now, and nothing twice.
		for (const sql of shown) expect(next).not.toContain(sql);
		expect(new Set(next).size).toBe(next.length);
	});

	test('holds the queries of the other levels there are, the choice of units cleared as a click does', () => {
		const next = likelyNextSql(state);
		const commune = afterClick(state, (v) => v.setLevel('commune'));
		expect(commune[1]).toBeNull();
		for (const sql of commune.filter(Boolean)) expect(next).toContain(sql);
		for (const sql of afterClick(state, (v) => v.setLevel('province')).filter(Boolean))
			expect(next).toContain(sql);
		// On the 2025 units there are no districts: nothing is guessed for them.
		const later = {
			...state,
			basis: 'units2025' as const,
			level: 'commune' as const,
			yearTo: 2025,
		};
		const district = new View({ ...later, selected: [] });
		district.setLevel('district');
		expect(district.state.level).toBe('district');
		expect(likelyNextSql(later).some((sql) => sql.includes("level = 'district'"))).toBe(false);
	});

	test('a different first year asks nothing new', () => {
		const shown = afterClick(state, () => {});
		expect(afterClick(state, (v) => v.setYears(2016, 2023))).toEqual(shown);
		expect(afterClick(state, (v) => v.setYears(2021, 2023))).toEqual(shown);
	});

	test('a last year without the level shown follows the view to the level it moves to', () => {
		const next = likelyNextSql({ ...state, yearTo: 2024 });
		const shown = afterClick({ ...state, yearTo: 2024 }, () => {});
		for (const sql of afterClick({ ...state, yearTo: 2024 }, (v) => v.setYears(2019, 2025)))
			expect(next.includes(sql) || shown.includes(sql)).toBe(true);
	});
});
