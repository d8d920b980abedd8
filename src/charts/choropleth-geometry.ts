/**
 * A province choropleth's shapes: d3-geo projects the boundaries (the values' classes are in
 * choropleth-classes.ts); the component only draws the paths. The mainland fills the height; the offshore island groups (Hoàng Sa, Trường Sa)
 * are drawn in inset boxes in a column beside it, which also holds the legend.
 *
 * Projection: Mercator, applied to the vertices and then fitted with a planar identity transform, so the
 * boundaries are drawn as straight segments between their vertices (as they were digitised) and the
 * winding order of the rings does not matter.
 */
import { geoIdentity, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { feature, type Topology } from 'topojson-client';

export interface ProvinceFeature {
	/** GSO province code of the boundaries' scheme. */
	code: string;
	name: string;
	/** Polygons, each a list of rings of [longitude, latitude]. */
	polygons: Position[][][];
}

/** Decode the provinces object of a boundaries file: one feature per province, keyed by its code. */
export function decodeProvinces(topology: Topology, object = 'provinces'): ProvinceFeature[] {
	const decoded = feature(topology, topology.objects[object] ?? object);
	const features = decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
	return features.map((f) => {
		const geometry = f.geometry;
		const polygons =
			geometry.type === 'Polygon'
				? [geometry.coordinates]
				: geometry.type === 'MultiPolygon'
					? geometry.coordinates
					: [];
		const code = String(f.properties?.code ?? f.id ?? '');
		return { code, name: String(f.properties?.name ?? code), polygons };
	});
}

/** A box [[west, south], [east, north]] in degrees. */
export type GeoBox = [[number, number], [number, number]];

/** Islands drawn in an inset: every polygon that lies wholly inside one of the boxes. */
export interface OffshoreGroup {
	id: string;
	/** The province they belong to (the code is the same in both schemes). */
	province: string;
	boxes: GeoBox[];
}

/**
 * Hoàng Sa (Paracels, 111–113 E, 15.7–17.1 N) belongs to Đà Nẵng; Trường Sa (Spratlys, 110.4–117.9 E,
 * 7–12 N) and the DK1 banks (109.5–110 E, 7.3–8 N) to Khánh Hòa. The islets off the mainland coast
 * (east to 109.47 E, north of 11.7 N), Côn Đảo and Phú Quốc stay on the mainland.
 */
export const OFFSHORE_GROUPS: readonly OffshoreGroup[] = [
	{
		id: 'hoang-sa',
		province: '48',
		boxes: [
			[
				[110, 15],
				[113.5, 17.5],
			],
		],
	},
	{
		id: 'truong-sa',
		province: '56',
		boxes: [
			[
				[110.2, 6.5],
				[118, 12.5],
			],
			[
				[109, 6.5],
				[118, 8.3],
			],
		],
	},
];

export interface MapLayout {
	/** Height of the drawing (viewBox units); the width follows from the mainland's shape. */
	height: number;
	margin: number;
	/** Space between the mainland and the column, and between the boxes of the column. */
	gap: number;
	/** Width of the column with the legend and the insets. */
	column: number;
	/** Height kept for the legend at the top of the column. */
	legendHeight: number;
	/** Height of an inset's caption, above its islands. */
	insetCaption: number;
	/** Padding inside an inset box. */
	insetPadding: number;
}

export const DEFAULT_LAYOUT: MapLayout = {
	height: 560,
	margin: 6,
	gap: 12,
	column: 168,
	legendHeight: 170,
	insetCaption: 34,
	insetPadding: 6,
};

export interface ProvinceShape {
	code: string;
	name: string;
	/** SVG path of the mainland polygons and any of the province's islands in an inset. */
	d: string;
	/** Where a tooltip points: the centre of the province's largest mainland polygon. */
	anchor: [number, number];
}

export interface InsetFrame {
	id: string;
	province: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface MapShapes {
	width: number;
	height: number;
	provinces: ProvinceShape[];
	insets: InsetFrame[];
	/** Top-left corner and width of the legend's place. */
	legend: { x: number; y: number; width: number };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Mercator ordinate of a latitude, in degrees so that it compares with longitudes. */
function mercatorY(lat: number): number {
	return (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
}

function projectPolygon(polygon: Position[][]): Position[][] {
	return polygon.map((ring) => ring.map(([lon, lat]) => [lon!, mercatorY(lat!)]));
}

function inside(polygon: Position[][], box: GeoBox): boolean {
	const ring = polygon[0] ?? [];
	return ring.every(
		([lon, lat]) =>
			lon! >= box[0][0] && lon! <= box[1][0] && lat! >= box[0][1] && lat! <= box[1][1],
	);
}

function collection(parts: Position[][][][]): FeatureCollection<MultiPolygon> {
	return {
		type: 'FeatureCollection',
		features: parts
			.filter((polygons) => polygons.length > 0)
			.map((polygons): Feature<MultiPolygon> => ({
				type: 'Feature',
				properties: {},
				geometry: { type: 'MultiPolygon', coordinates: polygons },
			})),
	};
}

/** Shapes of the provinces in a drawing of the given layout, the islands of each group in an inset. */
export function mapShapes(
	provinces: readonly ProvinceFeature[],
	layout: MapLayout = DEFAULT_LAYOUT,
	groups: readonly OffshoreGroup[] = OFFSHORE_GROUPS,
): MapShapes {
	const { height, margin, gap, column, legendHeight, insetCaption, insetPadding } = layout;
	// Split each province into its mainland and its offshore groups, in projected (Mercator) degrees.
	const split = provinces.map((p) => {
		const mainland: Position[][][] = [];
		const offshore = new Map<string, Position[][][]>();
		for (const polygon of p.polygons) {
			const group = groups.find((g) => g.boxes.some((box) => inside(polygon, box)));
			const projected = projectPolygon(polygon);
			if (group) offshore.set(group.id, [...(offshore.get(group.id) ?? []), projected]);
			else mainland.push(projected);
		}
		return { province: p, mainland, offshore };
	});

	// Fit the mainland to the height (an extent far wider than needed), then move it to the left margin.
	const mainland = collection(split.map((s) => s.mainland));
	const main = geoIdentity().reflectY(true);
	main.fitExtent(
		[
			[0, margin],
			[1e6, height - margin],
		],
		mainland,
	);
	const mainPath = geoPath(main).digits(1);
	const [[left], [right]] = mainPath.bounds(mainland);
	const [tx, ty] = main.translate();
	main.translate([tx - left + margin, ty]);
	const mainRight = right - left + margin;
	const columnX = round(mainRight + gap);
	const width = round(columnX + column + margin);

	// Insets, top to bottom in the order of their latitude, each near the height of its islands.
	const legendBottom = margin + legendHeight;
	const insets: InsetFrame[] = [];
	const insetPaths = new Map<string, ReturnType<typeof geoPath>>();
	let cursor = legendBottom + gap;
	const present = groups
		.map((group) => ({
			group,
			shapes: collection(split.map((s) => s.offshore.get(group.id) ?? [])),
		}))
		.filter(({ shapes }) => shapes.features.length > 0)
		.map((entry) => {
			const [[, top], [, bottom]] = mainPath.bounds(entry.shapes);
			return { ...entry, centre: (top + bottom) / 2 };
		})
		.sort((a, b) => a.centre - b.centre);
	for (const { group, shapes, centre } of present) {
		const inner = column - 2 * insetPadding;
		const projection = geoIdentity().reflectY(true);
		projection.fitExtent(
			[
				[0, 0],
				[inner, 1e6],
			],
			shapes,
		);
		const [[, top], [, bottom]] = geoPath(projection).bounds(shapes);
		const islandsHeight = Math.min(inner, bottom - top);
		const frameHeight = round(insetCaption + islandsHeight + 2 * insetPadding);
		const wanted = centre - frameHeight / 2;
		const y = round(Math.max(cursor, Math.min(wanted, height - margin - frameHeight)));
		const frame = {
			id: group.id,
			province: group.province,
			x: columnX,
			y,
			width: column,
			height: frameHeight,
		};
		projection.fitExtent(
			[
				[frame.x + insetPadding, frame.y + insetCaption + insetPadding],
				[frame.x + column - insetPadding, frame.y + frameHeight - insetPadding],
			],
			shapes,
		);
		insets.push(frame);
		insetPaths.set(group.id, geoPath(projection as unknown as GeoProjection).digits(1));
		cursor = y + frameHeight + gap;
	}

	const shapes: ProvinceShape[] = split.map(({ province, mainland, offshore }) => {
		const parts: string[] = [];
		if (mainland.length > 0)
			parts.push(mainPath({ type: 'MultiPolygon', coordinates: mainland }) ?? '');
		for (const [id, polygons] of offshore) {
			const path = insetPaths.get(id);
			if (path) parts.push(path({ type: 'MultiPolygon', coordinates: polygons }) ?? '');
		}
		// The tooltip points at the largest mainland polygon (or the islands, for a province of islands only).
		const candidates = mainland.length > 0 ? mainland : [...offshore.values()].flat();
		const pathFor = mainland.length > 0 ? mainPath : insetPaths.get([...offshore.keys()][0] ?? '');
		let anchor: [number, number] = [0, 0];
		if (pathFor) {
			let largest = -1;
			for (const polygon of candidates) {
				const area = pathFor.area({ type: 'Polygon', coordinates: polygon });
				if (area > largest) {
					largest = area;
					const [x, y] = pathFor.centroid({ type: 'Polygon', coordinates: polygon });
					anchor = [round(x), round(y)];
				}
			}
		}
		return { code: province.code, name: province.name, d: parts.join(''), anchor };
	});

	return {
		width,
		height,
		provinces: shapes,
		insets,
		legend: { x: columnX, y: margin, width: column },
	};
}
