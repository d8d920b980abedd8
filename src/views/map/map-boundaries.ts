/**
 * The province boundaries of a scheme, fetched once from the dataset folder (same origin) and turned
 * into shapes; later visits to the map reuse them.
 */
import { decodeProvinces, mapShapes, type MapShapes } from '../../charts/choropleth-geometry.ts';
import type { Manifest, ManifestGeo } from '../../db/load.ts';
import { verifyFile } from '../../db/manifest.ts';
import type { Scheme } from '../../model/units.ts';
import type { Topology } from 'topojson-client';

const cache = new Map<string, Promise<MapShapes>>();

/** A scheme's boundaries in the dataset folder (URL and manifest entry), or null when there are none. */
export function boundariesOf(
	manifest: Manifest | null,
	folder: string,
	scheme: Scheme,
): { url: string; entry: ManifestGeo } | null {
	const entry = manifest?.geo?.find((g) => g.scheme === scheme);
	return entry ? { url: new URL(entry.file, folder).href, entry } : null;
}

/** The shapes of a boundaries file, once its size and SHA-256 match the manifest's entry. */
export function loadShapes(url: string, entry: ManifestGeo): Promise<MapShapes> {
	let shapes = cache.get(url);
	if (!shapes) {
		shapes = fetch(url)
			.then(async (response) => {
				if (!response.ok) throw new Error(`${entry.file}: HTTP ${response.status}`);
				const bytes = new Uint8Array(await response.arrayBuffer());
				await verifyFile(entry, bytes);
				return JSON.parse(new TextDecoder().decode(bytes)) as Topology;
			})
			.then((topology) => mapShapes(decodeProvinces(topology)));
		cache.set(url, shapes);
		// A failed load is tried again next time.
		shapes.catch(() => cache.delete(url));
	}
	return shapes;
}
