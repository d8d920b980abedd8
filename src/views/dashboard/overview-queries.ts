/**
 * The queries the overview's charts run for a state of the view, and those the next click most likely
 * wants (the neighbouring last years, the other levels, then the other measures), for the coordinator to
 * compute in idle time: a click that lands on a prefetched state is answered from the cache.
 */
import { rankingWithTopSql, seriesSql, type ViewFilters } from '../../db/queries.ts';
import { areaHeadlineSql, areaMeasureSql } from '../../db/area-queries.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../model/periods.ts';
import { MEASURES } from '../../model/measures.ts';
import { LEVELS } from '../../model/units.ts';
import { View } from '../../state/view.svelte.ts';
import type { ViewState } from '../../state/view-state.ts';
import { filtersOf, levelAvailable } from './filters.ts';

/** How many of the ranking's first units the heatmap shows (the ranking query fetches their series). */
export const HEATMAP_ROWS = 20;

/**
 * The years every series and area query covers, whatever range is shown: the view keeps the years it
 * shows (inShownYears), so that moving the first year asks the engine nothing, and moving the last year
 * only re-ranks. A few more rows per answer cost far less than a query.
 */
export const QUERIED_YEARS: readonly [number, number] = [FIRST_YEAR, LAST_YEAR];

/**
 * The filters of the queries that hold every year: the chosen units' series and the tiles and the totals
 * depend neither on the brush (the ranking and its top do) nor on the range of years shown.
 */
export function everyYear(filters: ViewFilters): ViewFilters {
	return { ...filters, brush: null, yearFrom: QUERIED_YEARS[0], yearTo: QUERIED_YEARS[1] };
}

/** The overview's chart queries, one text per chart's part. */
export interface OverviewSql {
	ranking: string;
	chosen: string | null;
	areaHeadline: string;
	areaMeasure: string;
}

/** The overview's chart queries for these filters, with `chosen` the chosen units, sorted. */
export function overviewSql(filters: ViewFilters, chosen: readonly string[]): OverviewSql {
	const every = everyYear(filters);
	return {
		// The ranking with the series of its top units (the trend's and the heatmap's), in one answer; apart
		// from them the chosen units: choosing a unit runs only the small query of the chosen.
		ranking: rankingWithTopSql(filters, HEATMAP_ROWS, QUERIED_YEARS),
		chosen: chosen.length > 0 ? seriesSql(every, chosen) : null,
		// The area's figures in two parts: the headline measures (the tiles) do not change with the measure
		// chosen, so a new measure asks only for the small part of its own.
		areaHeadline: areaHeadlineSql(every),
		areaMeasure: areaMeasureSql(every),
	};
}

/** Whether a row of the series or area queries (which hold every year) falls in the range shown. */
export function inShownYears(filters: ViewFilters, year: number): boolean {
	return year >= filters.yearFrom && year <= filters.yearTo;
}

/**
 * What to compute ahead for one of a state's queries (its part, its filters, its text): that query, or
 * what the page needs to answer it itself (a measure's values, unit-year-rows.ts; every area's figures,
 * all-areas.ts), or nothing (null) when the page can answer it already.
 */
export type QueryAhead = (
	part: keyof OverviewSql,
	filters: ViewFilters,
	sql: string,
) => string | null;

const asked: QueryAhead = (_part, _filters, sql) => sql;

/**
 * The queries of the states one click away that people most often go to, most likely first: the last
 * year one back and one on, the other levels, then each other measure. Each state is made by the same
 * View methods the filters call, so that its SQL text is the one the click will ask for.
 */
export function likelyNextSql(state: ViewState, ahead = asked): string[] {
	const next: View[] = [];
	for (const yearTo of [state.yearTo - 1, state.yearTo + 1]) {
		if (yearTo < FIRST_YEAR || yearTo > LAST_YEAR) continue;
		const view = copy(state);
		view.setYears(state.yearFrom, yearTo);
		next.push(view);
	}
	for (const level of LEVELS) {
		if (level === state.level) continue;
		const view = copy(state);
		view.setLevel(level);
		next.push(view);
	}
	for (const measure of MEASURES) {
		if (measure.id === state.measure) continue;
		const view = copy(state);
		view.state.measure = measure.id;
		next.push(view);
	}
	// Many states share queries (every year shares the area's): each query once, none the view has now.
	const now = new Set(overviewStateSql(state));
	return [...new Set(next.flatMap((view) => overviewStateSql(view.state, ahead)))].filter(
		(sql) => !now.has(sql),
	);
}

/**
 * The queries of the overview's charts for a state, as the overview will ask them (none where its level
 * does not exist): for the first screen sent to the engine while the page is still being built (and
 * answered ahead by the data build), for the likely next states prefetched.
 */
export function overviewStateSql(state: ViewState, ahead = asked): string[] {
	const filters = filtersOf(state);
	if (!levelAvailable(filters)) return [];
	const sql = overviewSql(filters, [...new Set(state.selected)].sort());
	const parts = ['ranking', 'chosen', 'areaHeadline', 'areaMeasure'] as const;
	return parts.flatMap((part) => {
		const text = sql[part];
		const wanted = text === null ? null : ahead(part, filters, text);
		return wanted === null ? [] : [wanted];
	});
}

function copy(state: ViewState): View {
	return new View({
		...state,
		selected: [...state.selected],
		brush: state.brush && [...state.brush],
	});
}
