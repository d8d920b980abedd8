/**
 * The overview's answers given in the page, without a round trip to the engine, from what it holds: the
 * yearly rows (state/unit-year-store.ts) for the ranking and the chosen units' series, and every area's
 * figures of a level (db/all-areas.ts, in the coordinator's cache) for the tiles and the totals. Each is
 * the very answer the engine would give (unit tests compare them), or undefined when what it needs is
 * not here yet; then the engine answers. Also says what to compute ahead so that it will be here.
 */
import type { Table } from 'apache-arrow';
import {
	allAreasHeadlineSql,
	allAreasMeasureSql,
	areaHeadlineOf,
	areaMeasureOf,
} from '../../db/all-areas.ts';
import { localRankingWithTop, localSeries, rankedLocally } from '../../db/local-ranking.ts';
import {
	formOf,
	type RankingWithTopRow,
	type SeriesPoint,
	type ViewFilters,
} from '../../db/queries.ts';
import { type AreaHeadlineYear, type AreaMeasureYear } from '../../db/area-queries.ts';
import { columnValues } from '../../db/text-column.ts';
import { rowValuesSql, type UnitYearValues } from '../../db/unit-year-rows.ts';
import type { DataStore } from '../../state/data.svelte.ts';
import { everyYear, HEATMAP_ROWS, QUERIED_YEARS, type QueryAhead } from './overview-queries.ts';

export class PageAnswers {
	readonly #data: DataStore;
	/** Where each area's rows are in a grouped answer, read once per answer. */
	readonly #areaRows = new WeakMap<Table, Map<string | null, number[]>>();

	constructor(data: DataStore) {
		this.#data = data;
	}

	/** Read, in idle time, the rows of the measure shown (its ranking is answered here afterwards). */
	want(filters: ViewFilters): void {
		const { measure, basis } = filters;
		this.#data.unitYears?.want(this.#data.dataVersion, measure, formOf(filters), basis);
	}

	#values(filters: ViewFilters): UnitYearValues | null {
		const store = this.#data.unitYears;
		const { measure, basis } = filters;
		return store?.values(this.#data.dataVersion, measure, formOf(filters), basis) ?? null;
	}

	/** The answer of rankingWithTopSql for the overview (its top's series over every year). */
	ranking(filters: ViewFilters): RankingWithTopRow[] | undefined {
		const values = this.#values(filters);
		if (!values) return undefined;
		const rows = localRankingWithTop(
			values,
			this.#data.units,
			filters,
			HEATMAP_ROWS,
			QUERIED_YEARS,
		);
		return rows ?? undefined;
	}

	/** The answer of the chosen units' series (seriesSql over every year). */
	chosenSeries(filters: ViewFilters, unitKeys: readonly string[]): SeriesPoint[] | undefined {
		const values = this.#values(filters);
		return values ? localSeries(values, unitKeys, QUERIED_YEARS) : undefined;
	}

	/**
	 * The rows of one area in the grouped answer of `sql`, if the coordinator holds it. Only the area
	 * column is read for every row (a level's answer has about a thousand rows of thirty columns).
	 */
	#grouped<T>(sql: string, area: string | null): (T & { area: string | null })[] | undefined {
		const table = this.#data.coordinator?.cached(sql);
		if (!table) return undefined;
		let byArea = this.#areaRows.get(table);
		if (!byArea) {
			byArea = new Map();
			const areas = columnValues(table.getChild('area')!) as (string | null)[];
			for (const [i, key] of areas.entries()) {
				const rows = byArea.get(key);
				if (rows) rows.push(i);
				else byArea.set(key, [i]);
			}
			this.#areaRows.set(table, byArea);
		}
		const indices = byArea.get(area) ?? [];
		return indices.map((i) => table.get(i)!.toJSON() as T & { area: string | null });
	}

	/** The answer of the area's headline query (areaHeadlineSql over every year). */
	areaHeadline(filters: ViewFilters): AreaHeadlineYear[] | undefined {
		const every = everyYear(filters);
		const grouped = this.#grouped<AreaHeadlineYear>(allAreasHeadlineSql(every), every.province);
		return grouped && areaHeadlineOf(grouped, this.#data.units, every);
	}

	/** The answer of the area's measure query (areaMeasureSql over every year). */
	areaMeasure(filters: ViewFilters): AreaMeasureYear[] | undefined {
		const every = everyYear(filters);
		const grouped = this.#grouped<AreaMeasureYear>(allAreasMeasureSql(every), every.province);
		return grouped && areaMeasureOf(grouped, every);
	}

	/**
	 * What to compute ahead for the state shown: every area's figures of its level, so that the next
	 * province is answered here. (The prefetch leaves out what the cache holds.)
	 */
	now(filters: ViewFilters): string[] {
		this.#shown = filters;
		if (!this.#caching()) return [];
		const every = everyYear(filters);
		return [allAreasHeadlineSql(every), allAreasMeasureSql(every)];
	}

	/** The filters shown when now() was last asked. */
	#shown: ViewFilters | null = null;

	/**
	 * What to compute ahead for a next state's query (see QueryAhead): for its area's headline, every
	 * area's of its level; for its area's measure, every area's when it is the measure shown (another
	 * level), else the area's own small query (a province after a new measure is rarer, and every area's
	 * figures of each measure would keep the engine busy); for its ranking and chosen units, nothing when
	 * the page holds the measure's values, those values when it holds the rows' keys, else the query.
	 */
	readonly ahead: QueryAhead = (part, filters, sql) => {
		if (!this.#caching()) return sql;
		if (part === 'areaHeadline') return allAreasHeadlineSql(everyYear(filters));
		if (part === 'areaMeasure') {
			const shown = this.#shown;
			const same =
				shown !== null &&
				shown.measure === filters.measure &&
				shown.basis === filters.basis &&
				formOf(shown) === formOf(filters);
			return same ? allAreasMeasureSql(everyYear(filters)) : sql;
		}
		if (part === 'ranking' && !rankedLocally(filters)) return sql;
		const store = this.#data.unitYears!;
		const version = this.#data.dataVersion;
		const form = formOf(filters);
		if (store.hasValues(version, filters.measure, form, filters.basis)) return null;
		if (store.hasKeys(version, filters.basis)) {
			return rowValuesSql(filters.measure, form, filters.basis);
		}
		return sql;
	};

	#caching(): boolean {
		return this.#data.coordinator?.caching ?? false;
	}
}
