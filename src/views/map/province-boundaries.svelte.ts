/**
 * The province boundaries of the scheme the map shows, loaded whenever that scheme changes. The last ones
 * loaded stay until the next are in, so that the map is replaced, never emptied, when the years cross
 * 2025. Create it while a component initialises: it reads the view and the data from the component's
 * context, and owns an effect.
 */
import type { MapShapes } from '../../charts/choropleth-geometry.ts';
import { DataLoadError, loadErrorMessage } from '../../db/load-error.ts';
import type { Scheme } from '../../model/units.ts';
import { getData } from '../../state/data.svelte.ts';
import { getView } from '../../state/view.svelte.ts';
import { boundariesOf, loadShapes } from './map-boundaries.ts';

export class ProvinceBoundaries {
	readonly #view = getView();
	readonly #data = getData();

	/** The boundaries last loaded, with the scheme they are of (it may not be the one asked for yet). */
	loaded = $state.raw<{ scheme: Scheme; shapes: MapShapes } | null>(null);
	/** Why the boundaries of the scheme asked for cannot be drawn, in the language shown. */
	error = $state<string | null>(null);

	constructor(scheme: () => Scheme) {
		$effect(() => {
			const wanted = scheme();
			const found = boundariesOf(this.#data.manifest, this.#data.folder, wanted);
			if (!found) {
				this.error = this.#view.t('mapNoBoundaries');
				return;
			}
			// A load that finishes after the scheme changed again is dropped.
			let current = true;
			loadShapes(found.url, found.entry).then(
				(shapes) => {
					if (!current) return;
					this.loaded = { scheme: wanted, shapes };
					this.error = null;
				},
				(error: unknown) => {
					if (current)
						this.error =
							error instanceof DataLoadError
								? this.#view.pick(loadErrorMessage(error))
								: `${this.#view.t('mapBoundaryError')}: ${error instanceof Error ? error.message : String(error)}`;
				},
			);
			return () => {
				current = false;
			};
		});
	}
}
