/**
 * The map's figures and state: one value per province for the filters of the view (drawn only once the
 * boundaries of the same scheme are in), the provinces outlined for the chosen units, and the province
 * opened for its ranked units with their own query. Create it while the map initialises: it reads the view
 * and the data from the component's context, and its queries own effects.
 */
import { untrack } from 'svelte';
import { classify } from '../../charts/choropleth-classes.ts';
import type { MapShapes } from '../../charts/choropleth-geometry.ts';
import { drillFilters, drillLevel, mapScheme, provinceMapSql } from '../../db/map-queries.ts';
import { rankingSql, type ViewFilters } from '../../db/queries.ts';
import { tableRows } from '../../db/table-rows.ts';
import { parseUnitKey } from '../../model/units.ts';
import { getData } from '../../state/data.svelte.ts';
import { LiveQuery } from '../../state/live-query.svelte.ts';
import { getView } from '../../state/view.svelte.ts';
import {
	drillResult,
	formatCoverageRatio,
	mapResult,
	NO_DRILL,
	NO_MAP,
	rankProvinces,
	type DrillResult,
	type DrillRow,
	type MapResult,
	type ProvinceRow,
} from './map-rows.ts';
import { ProvinceBoundaries } from './province-boundaries.svelte.ts';
import { drillAfterToggle, initialDrill, provinceOfScheme } from './province-keys.ts';

export class MapData {
	readonly #view = getView();
	readonly #data = getData();

	readonly filters: ViewFilters = $derived({
		province: this.#view.state.province,
		level: this.#view.state.level,
		yearFrom: this.#view.state.yearFrom,
		yearTo: this.#view.state.yearTo,
		measure: this.#view.state.measure,
		basis: this.#view.state.basis,
		brush: this.#view.state.brush,
	});
	/** The scheme whose provinces the years ranked end in. */
	readonly scheme = $derived(mapScheme(this.filters));
	/** There are no districts on the 2025 list: nothing to map then. */
	readonly available = $derived(!(this.filters.level === 'district' && this.scheme === '2025'));

	// --- One value per province, drawn on the boundaries of its scheme. The boundaries start loading
	// before the query is asked: both are needed to draw.
	readonly #boundaries = new ProvinceBoundaries(() => this.scheme);
	readonly query = new LiveQuery<MapResult>(
		this.#data.coordinator!,
		'map',
		() => (this.available ? provinceMapSql(this.filters) : null),
		(table) => mapResult(tableRows<ProvinceRow>(table)),
		NO_MAP,
	);
	get boundaryError(): string | null {
		return this.#boundaries.error;
	}

	/** What is drawn: boundaries and values of the same scheme, replaced together. */
	drawn = $state.raw<{ shapes: MapShapes; result: MapResult } | null>(null);
	/** How many times the map has been drawn: its render id (while there is a map to draw). */
	drawCount = $state(0);

	readonly rows = $derived(this.drawn?.result.rows ?? []);
	readonly rowByCode = $derived(new Map(this.rows.map((r) => [r.province_code, r])));
	readonly drawnScheme = $derived(this.drawn?.result.scheme ?? this.scheme);
	readonly values = $derived(new Map(this.rows.map((r) => [r.province_code, r.value])));
	readonly classification = $derived(classify(this.rows.map((r) => r.value)));
	readonly ranked = $derived(rankProvinces(this.rows, this.#data.units));
	readonly reportedRanked = $derived(this.ranked.filter((r) => r.value !== null));
	readonly renderId = $derived(this.available ? this.drawCount : this.query.renderId);

	/** The unit key of a province code on the map drawn (`2025:01`). */
	readonly keyOf = (code: string): string => `${this.drawnScheme}:${code}`;
	/** Reporting over existing unit-years of a province: 57/64. */
	readonly coverageRatio = (key: string): string =>
		formatCoverageRatio(this.rowByCode.get(parseUnitKey(key)?.code ?? ''), this.#view.lang);

	// --- Selection: a chosen province, or a province holding a chosen unit, is outlined.
	// Both read the scheme drawn only for a chosen unit: with none chosen, a new scheme must not hand the
	// map new (empty) sets to redraw its outlines for.
	readonly selectedCodes = $derived(
		new Set(
			this.#view.state.selected
				.map((key) => parseUnitKey(key))
				.filter((u) => u?.scheme === this.drawnScheme && u.code.length === 2)
				.map((u) => u!.code),
		),
	);
	readonly highlighted = $derived.by(() => {
		const codes = new Set<string>();
		for (const key of this.#view.state.selected) {
			const unit = this.#data.units.get(key);
			if (!unit) continue;
			if (this.drawnScheme === '2025') codes.add(unit.province2025);
			else if (unit.scheme === '2023') codes.add(unit.provinceCode);
		}
		return codes;
	});

	// --- Drill-down: the units of one province, ranked.
	#drillKey = $state<string | null>(untrack(() => initialDrill(this.#view.state, this.scheme)));
	#lastFilterProvince = untrack(() => this.#view.state.province);
	/**
	 * The province open, if it is one of the map shown. With none open the scheme is not read, so a new
	 * scheme does not recompute it.
	 */
	readonly drill = $derived(
		this.available && this.#drillKey !== null
			? provinceOfScheme(this.#drillKey, this.scheme)
			: null,
	);
	readonly drillUnitsLevel = $derived(drillLevel(this.filters.level, this.scheme));
	readonly #drillSql = $derived(
		this.drill ? rankingSql(drillFilters(this.filters, this.drill)) : null,
	);
	readonly drillQuery = new LiveQuery<DrillResult>(
		this.#data.coordinator!,
		'map-drill',
		() => this.#drillSql,
		(table) =>
			drillResult(
				untrack(() => this.#drillSql) ?? '',
				tableRows<DrillRow>(table),
				this.#data.units,
			),
		NO_DRILL,
	);
	// Rows of the province asked for only (never the previous one's), and a render id that changes when they show.
	readonly drillCurrent = $derived(
		this.#drillSql !== null && this.drillQuery.value?.sql === this.#drillSql,
	);
	readonly drillRows = $derived(this.drillCurrent ? this.drillQuery.value!.rows : []);
	drillRenderId = $state(0);
	readonly drillReported = $derived(this.drillRows.filter((r) => r.value !== null).length);
	readonly drillProvinceRow = $derived(
		this.drill ? this.rowByCode.get(parseUnitKey(this.drill)!.code) : undefined,
	);

	constructor() {
		$effect(() => {
			const result = this.query.value;
			const boundaries = this.#boundaries.loaded;
			if (!boundaries || !result || result.scheme !== boundaries.scheme) return;
			this.drawn = { shapes: boundaries.shapes, result };
			untrack(() => this.drawCount++);
		});
		// A province picked in the filter bar opens too.
		$effect(() => {
			const province = this.#view.state.province;
			if (province === this.#lastFilterProvince) return;
			this.#lastFilterProvince = province;
			if (untrack(() => provinceOfScheme(province, this.scheme))) this.#drillKey = province;
		});
		$effect(() => {
			if (this.drillCurrent || this.drillQuery.error) this.drillRenderId = this.drillQuery.renderId;
		});
	}

	/** A click on a province (on the map or in the list): choose it or let go of it, and open it or not. */
	selectProvince(code: string): void {
		const key = `${this.drawnScheme}:${code}`;
		const wasSelected = this.#view.state.selected.includes(key);
		this.#view.toggleUnit(key);
		this.#drillKey = drillAfterToggle(this.#drillKey, key, wasSelected);
	}

	closeDrill(): void {
		this.#drillKey = null;
	}
}
