/**
 * What the map's panels all say of the figures: the measure's label and format, the years ranked, and how
 * a level is named in a title. Derived once here for all the panels (a click recomputes each once, not
 * once per panel). Create it while the map initialises, next to its MapData: it reads the view from the
 * component's context.
 */
import { rankingSpan } from '../../db/queries.ts';
import { measureById } from '../../model/measures.ts';
import { LEVEL_LABELS, type UnitLevel } from '../../model/units.ts';
import { getView } from '../../state/view.svelte.ts';
import { measureFormatter } from '../dashboard/format-measure.ts';
import type { MapData } from './map-data.svelte.ts';

export class MapLabels {
	readonly #view = getView();
	readonly #map: MapData;

	constructor(map: MapData) {
		this.#map = map;
	}

	// A plain getter, not a derived value (MapData derives the filters once). The derived values below read
	// the map through it: they run when first read, after the constructor, not while the fields are set.
	get #filters() {
		return this.#map.filters;
	}

	readonly measureLabel = $derived(this.#view.pick(measureById(this.#filters.measure).label));
	readonly format = $derived(measureFormatter(this.#filters.measure, this.#view.lang));
	/** The years ranked: "2026", or "2021–2026". */
	readonly span = $derived.by(() => {
		const [from, to] = rankingSpan(this.#filters);
		return from === to ? String(to) : `${from}–${to}`;
	});

	/** A level as it reads inside a sentence: "cấp xã", "commune". */
	levelName(level: UnitLevel): string {
		return this.#view.pick(LEVEL_LABELS[level]).toLocaleLowerCase(this.#view.lang);
	}
}
