/**
 * The coverage screen's figures: for the level, area, years and measure of the view, the cells of the
 * first units (one per unit and year) and how many units are in each state per year. Create it while the
 * screen initialises: it reads the view and the data from the component's context, and its queries own
 * effects.
 */
import { coverageCellsSql, coverageCountsSql, type CoverageState } from '../../../db/coverage.ts';
import { yearsShown } from '../../../db/queries.ts';
import { tableRows } from '../../../db/table-rows.ts';
import { getData } from '../../../state/data.svelte.ts';
import { LiveQuery } from '../../../state/live-query.svelte.ts';
import { getView } from '../../../state/view.svelte.ts';
import { currentFilters, levelAvailable } from '../../dashboard/filters.ts';
import { coverageCounts, coverageRows, type CoverageCell } from './coverage-layout.ts';

/** The most units drawn at once; whole-country communes are summarised by the counts. */
const MAX_ROWS = 400;

export class CoverageData {
	readonly #view = getView();
	readonly #data = getData();

	// The coverage is of the whole range: a span of years brushed on a chart does not narrow it.
	readonly filters = $derived({ ...currentFilters(this.#view), brush: null });
	readonly available = $derived(levelAvailable(this.filters));
	readonly years = $derived(yearsShown(this.filters));

	// Reading dataVersion inside the SQL function makes the query run again after an import or removal.
	readonly counts = new LiveQuery(
		this.#data.coordinator!,
		'coverage-counts',
		() => (this.#data.dataVersion >= 0 && this.available ? coverageCountsSql(this.filters) : null),
		(table) => tableRows<{ year: number; state: CoverageState; units: number }>(table),
		[],
	);
	readonly cells = new LiveQuery(
		this.#data.coordinator!,
		'coverage-cells',
		() =>
			this.#data.dataVersion >= 0 && this.available
				? coverageCellsSql(this.filters, MAX_ROWS)
				: null,
		(table) => tableRows<CoverageCell & { total_units: number }>(table),
		[],
	);

	readonly rows = $derived(coverageRows(this.cells.value ?? [], this.years));
	/** Units of the level and area, drawn or not: more than the rows when the grid is capped. */
	readonly totalUnits = $derived(this.cells.value?.[0]?.total_units ?? 0);
	readonly perYear = $derived(coverageCounts(this.counts.value ?? [], this.years));
	readonly renderId = $derived(Math.min(this.counts.renderId, this.cells.renderId));
	readonly error = $derived(this.counts.error ?? this.cells.error);

	/** Some unit-year of the range is in this state (the panel's source badges). */
	has(state: CoverageState): boolean {
		return (this.counts.value ?? []).some((r) => r.state === state);
	}
}
