/**
 * The overview's figures: its live queries (the ranking with its top units' series, the chosen units'
 * series, the area by year in two parts: the headline measures and the chosen one) and what the charts
 * draw from them, for the filters of the view.
 * The answers hold every year; the years shown are cut here, so that a new range redraws from the same
 * answers. Create it while the overview initialises: it reads the view and the data from the component's
 * context, and its queries own effects.
 */
import { untrack } from 'svelte';
import { rankRows, type RankingRow } from '../../charts/ranking-geometry.ts';
import {
	unitScheme,
	type RankingWithTopRow,
	type SeriesPoint,
	unitAllFactsSql,
} from '../../db/queries.ts';
import {
	mergeAreaYears,
	type AreaHeadlineYear,
	type AreaMeasureYear,
} from '../../db/area-queries.ts';
import { tableRows } from '../../db/table-rows.ts';
import { changeFromPrevious } from '../../model/measures.ts';
import { parseUnitKey } from '../../model/units.ts';
import { getData } from '../../state/data.svelte.ts';
import { JoinedQuery, LiveQuery } from '../../state/live-query.svelte.ts';
import { sliceRenderIds } from '../../state/slice-render-id.ts';
import { getView } from '../../state/view.svelte.ts';
import { currentFilters, levelAvailable } from './filters.ts';
import { HEATMAP_ROWS, inShownYears, overviewSql } from './overview-queries.ts';
import { PageAnswers } from './page-answers.ts';

/** How many units the ranking chart draws (its table holds them all). */
const RANKING_ROWS = 40;
/** How many of the ranking's first units the trend shows when none is chosen. */
const DEFAULT_TREND_UNITS = 5;

interface RankingResult {
	rows: RankingRow[];
	simulated: boolean;
	reported: boolean;
	imported: boolean;
	/** The series of the ranking's top units, every year, from the same answer. */
	top: SeriesPoint[];
}

const NO_RANKING: RankingResult = {
	rows: [],
	simulated: false,
	reported: false,
	imported: false,
	top: [],
};

export class OverviewData {
	readonly #view = getView();
	readonly #data = getData();

	readonly filters = $derived(currentFilters(this.#view));
	readonly available = $derived(levelAvailable(this.filters));
	readonly #chosenKeys = $derived([...new Set(this.#view.state.selected)].sort());
	readonly #sql = $derived(this.available ? overviewSql(this.filters, this.#chosenKeys) : null);
	// Each query follows its own text: a new choice of unit must not re-ask (and redraw) the ranking.
	readonly #rankingText = $derived(this.#sql?.ranking ?? null);
	readonly #chosenText = $derived(this.#sql?.chosen ?? null);
	readonly #areaHeadlineText = $derived(this.#sql?.areaHeadline ?? null);
	readonly #areaMeasureText = $derived(this.#sql?.areaMeasure ?? null);

	/**
	 * A query's text, read with the data's version: when the data change under the view (or the engine
	 * corrects a shipped answer, data.svelte.ts), the queries are asked again with the same text.
	 */
	#current(text: string | null): string | null {
		return this.#data.dataVersion >= 0 ? text : null;
	}

	/** The answers given in the page, without the engine, when what they need is here. */
	readonly answers = new PageAnswers(this.#data);

	/**
	 * The ranking of every unit of the level and area, with the series of its top units. Each query here
	 * is answered in the page when it can be (the same rows the engine would give), else by the engine.
	 */
	readonly ranking = new LiveQuery<RankingResult>(
		this.#data.coordinator!,
		'ranking',
		() => this.#current(this.#rankingText),
		(table) => this.#rankingResult(tableRows<RankingWithTopRow>(table)),
		NO_RANKING,
		() => {
			const rows = this.answers.ranking(this.filters);
			return rows && this.#rankingResult(rows);
		},
	);
	/** The chosen units' series, every year (none chosen: the empty answer). */
	readonly chosenSeries = new LiveQuery<SeriesPoint[]>(
		this.#data.coordinator!,
		'chosen-series',
		() => this.#current(this.#chosenText),
		(table) => tableRows<SeriesPoint>(table),
		[],
		() => this.answers.chosenSeries(this.filters, this.#chosenKeys),
	);
	/**
	 * The area's figures by year that do not depend on the measure (the tiles), every year. Brushing
	 * changes neither part of the area's figures.
	 */
	readonly areaHeadline = new LiveQuery<AreaHeadlineYear[]>(
		this.#data.coordinator!,
		'area-headline',
		() => this.#current(this.#areaHeadlineText),
		(table) => tableRows<AreaHeadlineYear>(table),
		[],
		() => this.answers.areaHeadline(this.filters),
	);
	/** The chosen measure over the area, every year (the totals chart). */
	readonly areaMeasure = new LiveQuery<AreaMeasureYear[]>(
		this.#data.coordinator!,
		'area-measure',
		() => this.#current(this.#areaMeasureText),
		(table) => tableRows<AreaMeasureYear>(table),
		[],
		() => this.answers.areaMeasure(this.filters),
	);
	/** The area's figures by year, both parts joined: the totals chart. */
	readonly area = new JoinedQuery(this.areaHeadline, this.areaMeasure, mergeAreaYears);

	readonly rankedRows = $derived(this.ranking.value?.rows ?? []);
	readonly reportedRows = $derived(this.rankedRows.filter((r) => r.value !== null));
	readonly missingCount = $derived(this.rankedRows.length - this.reportedRows.length);
	readonly shownRanking = $derived(this.rankedRows.slice(0, RANKING_ROWS));

	/** The units the trend draws: the chosen ones, or the ranking's first few. */
	readonly trendKeys = $derived(
		this.#view.state.selected.length > 0
			? this.#view.state.selected
			: this.reportedRows.slice(0, DEFAULT_TREND_UNITS).map((r) => r.key),
	);
	/** The units the heatmap draws: the ranking's top rows, then the chosen units not among them. */
	readonly heatmapKeys = $derived.by(() => {
		const top = this.reportedRows.slice(0, HEATMAP_ROWS).map((r) => r.key);
		return [...top, ...this.#view.state.selected.filter((k) => !top.includes(k))];
	});
	/**
	 * A chosen unit is highlighted in both lists: a 2025 commune's predecessors in a ranking of years before
	 * 2025 (a brush of 2020–2022), an old unit's successors in a ranking of the new units.
	 */
	readonly highlighted = $derived([
		...new Set(
			this.#view.state.selected.flatMap((key) => [
				...this.#data.lineage.counterparts(key, '2023'),
				...this.#data.lineage.counterparts(key, '2025'),
			]),
		),
	]);
	readonly #seriesKeys = $derived([...new Set([...this.trendKeys, ...this.heatmapKeys])].sort());

	/**
	 * The trend and the heatmap draw the ranking's top and the chosen units: they wait while either answer
	 * is due.
	 */
	readonly seriesPending = $derived(this.chosenSeries.pending || this.ranking.pending);
	readonly seriesError = $derived(this.ranking.error ?? this.chosenSeries.error);
	/** The points drawn: the units shown, the years shown (the top query may hold ties at the last place). */
	readonly seriesPoints = $derived.by(() => {
		const keys = new Set(this.#seriesKeys);
		const seen = new Set<string>();
		const all = [...(this.ranking.value?.top ?? []), ...(this.chosenSeries.value ?? [])];
		return all.filter((p) => {
			const id = `${p.unit_key}|${p.year}`;
			if (!keys.has(p.unit_key) || !inShownYears(this.filters, p.year) || seen.has(id))
				return false;
			seen.add(id);
			return true;
		});
	});
	readonly #valueByUnitYear = $derived(
		new Map(this.seriesPoints.map((p) => [`${p.unit_key}|${p.year}`, p.value])),
	);
	readonly approxPoints = $derived(
		new Set(this.seriesPoints.filter((p) => p.approx).map((p) => `${p.unit_key}|${p.year}`)),
	);

	/** The area's years shown (it also holds the year before the last, for the tiles). */
	readonly totals = $derived(
		(this.area.value ?? []).filter((t) => inShownYears(this.filters, t.year)),
	);

	// Render ids: the answers hold every year, so a new range redraws without asking the engine.
	readonly #seriesIdOf = sliceRenderIds();
	readonly seriesRenderId = $derived(
		this.#seriesIdOf(
			this.ranking.renderId + this.chosenSeries.renderId,
			`${this.filters.yearFrom}-${this.filters.yearTo}`,
			this.seriesPending,
		),
	);
	readonly #tilesIdOf = sliceRenderIds();
	readonly tilesRenderId = $derived(
		// The tiles show the headline measures only: a new measure leaves them as they are.
		this.#tilesIdOf(
			this.areaHeadline.renderId,
			String(this.filters.yearTo),
			this.areaHeadline.pending,
		),
	);
	readonly #totalsIdOf = sliceRenderIds();
	readonly totalsRenderId = $derived(
		this.#totalsIdOf(
			this.area.renderId,
			`${this.filters.yearFrom}-${this.filters.yearTo}`,
			this.area.pending,
		),
	);

	/** Every chart has been drawn with its first answer. */
	readonly drawn = $derived(
		this.ranking.renderId > 0 &&
			this.chosenSeries.renderId > 0 &&
			this.areaHeadline.renderId > 0 &&
			this.areaMeasure.renderId > 0,
	);

	/** A unit's value in a year: a number, null (existed, not reported) or undefined (did not exist then). */
	readonly valueAt = (key: string, year: number): number | null | undefined => {
		const found = this.#valueByUnitYear.get(`${key}|${year}`);
		if (found !== undefined) return found;
		return parseUnitKey(key)?.scheme === unitScheme(this.filters.basis, year) ? null : undefined;
	};

	constructor() {
		// Once the first ranking is drawn, the rows of the measure shown are read in idle time.
		$effect(() => {
			const filters = this.filters;
			void this.#data.dataVersion;
			if (this.ranking.renderId > 0) untrack(() => this.answers.want(filters));
		});
	}

	/**
	 * Follow a unit, or let go of it. Following opens its detail, which asks for the unit's facts: asked
	 * here, before the view changes, the engine computes them while the page redraws the trend and the
	 * heatmap from what it holds, instead of after (the detail's request then waits for this one).
	 */
	toggleUnit(key: string): void {
		this.prepareUnit(key);
		this.#view.toggleUnit(key);
	}

	/**
	 * Ask for what following a unit will need (its detail's facts), if it is not followed yet: on a click,
	 * and already when the pointer is pressed on it, so that the answer can be there by the click.
	 */
	prepareUnit(key: string): void {
		if (!this.#view.state.selected.includes(key)) {
			this.#data.coordinator?.warm([unitAllFactsSql(key)]);
		}
	}

	#rankingResult(answer: RankingWithTopRow[]): RankingResult {
		const raw = answer.filter((r) => r.part === 'rank');
		const units = this.#data.units;
		return {
			rows: rankRows(
				raw.map((r) => ({
					key: r.unit_key,
					label: units.label(r.unit_key),
					value: r.value,
					reported: r.source_kind === 'reported',
					approx: r.approx,
					change: changeFromPrevious(this.filters.measure, r.value, r.previous),
				})),
				units.compareNames,
			),
			simulated: raw.some((r) => r.source_kind === 'simulated'),
			reported: raw.some((r) => r.source_kind === 'reported'),
			imported: raw.some((r) => r.source_kind === 'imported'),
			top: answer.filter((r) => r.part === 'series'),
		};
	}
}
