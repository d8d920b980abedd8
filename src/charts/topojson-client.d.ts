/** The part of topojson-client the map uses (the package ships no types). */
declare module 'topojson-client' {
	import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';

	/** A TopoJSON object: a geometry, or a collection of them under `geometries`. */
	export interface TopoObject {
		type: string;
		id?: string | number;
		properties?: GeoJsonProperties;
		arcs?: unknown;
		coordinates?: unknown;
		geometries?: TopoObject[];
	}

	export interface Topology {
		type: 'Topology';
		objects: Record<string, TopoObject>;
		arcs: number[][][];
		transform?: { scale: [number, number]; translate: [number, number] };
		bbox?: number[];
	}

	/** GeoJSON of a TopoJSON object: a FeatureCollection for a GeometryCollection, else a Feature. */
	export function feature(
		topology: Topology,
		object: TopoObject | string,
	): FeatureCollection<Geometry> | Feature<Geometry>;
}
