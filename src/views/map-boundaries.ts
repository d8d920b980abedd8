/**
 * The province boundaries of a scheme, fetched once from the dataset folder (same origin) and turned
 * into shapes; later visits to the map reuse them.
 */
import { decodeProvinces, mapShapes, type MapShapes } from '../charts/choropleth-geometry.ts';
import type { Manifest } from '../db/load.ts';
import type { Scheme } from '../model/units.ts';
import type { Topology } from 'topojson-client';

const cache = new Map<string, Promise<MapShapes>>();

/** The URL of a scheme's boundaries in the dataset folder, or null when the dataset has none. */
export function boundariesUrl(
	manifest: Manifest | null,
	folder: string,
	scheme: Scheme,
): string | null {
	const file = manifest?.geo?.find((g) => g.scheme === scheme)?.file;
	return file ? new URL(file, folder).href : null;
}

export function loadShapes(url: string): Promise<MapShapes> {
	let shapes = cache.get(url);
	if (!shapes) {
		shapes = fetch(url)
			.then((response) => {
				if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
				return response.json() as Promise<Topology>;
			})
			.then((topology) => mapShapes(decodeProvinces(topology)));
		cache.set(url, shapes);
		// A failed load is tried again next time.
		shapes.catch(() => cache.delete(url));
	}
	return shapes;
}
