/**
 * A province choropleth: d3-geo projects the boundaries and d3-scale classes the values; the component
 * only draws the paths. The mainland fills the height; the offshore island groups (Hoàng Sa, Trường Sa)
 * are drawn in inset boxes in a column beside it, which also holds the legend.
 *
 * Projection: Mercator, applied to the vertices and then fitted with a planar identity transform, so the
 * boundaries are drawn as straight segments between their vertices (as they were digitised) and the
 * winding order of the rings does not matter.
 */
import { geoIdentity, geoPath, type GeoProjection } from 'd3-geo';
import { scaleQuantile } from 'd3-scale';
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

/** Fill of a province that did not report: a hatch pattern the component defines under this id. */
export const MISSING_PATTERN_ID = 'map-hatch';
export const MISSING_FILL = `url(#${MISSING_PATTERN_ID})`;
/** Fills of the classes, light to dark: a sequential scheme set as CSS custom properties (app.css). */
export const CLASS_FILLS = [
	'var(--map-1)',
	'var(--map-2)',
	'var(--map-3)',
	'var(--map-4)',
	'var(--map-5)',
] as const;

export interface ValueClass {
	/** Smallest and largest value of the class (as reported, not rounded). */
	min: number;
	max: number;
	/** How many provinces fall in it. */
	count: number;
	fill: string;
}

export interface Classification {
	classes: ValueClass[];
	/** Provinces with no value (drawn hatched, never as zero). */
	missing: number;
	fillOf: (value: number | null | undefined) => string;
	/** The class of a value, or null for no value. */
	classOf: (value: number | null | undefined) => number | null;
}

/** Which of the fills `n` classes use: spread over the scheme so that few classes stay distinct. */
function spread(n: number): number[] {
	const last = CLASS_FILLS.length - 1;
	if (n <= 1) return [Math.floor(last / 2)];
	return Array.from({ length: n }, (_, i) => Math.round((i * last) / (n - 1)));
}

/**
 * Quantile classes of the reported values (at most `count`): each holds about as many provinces.
 * With no more distinct values than classes, each value is a class of its own. Ties never straddle a
 * break, and empty classes are dropped. A missing value (null) has no class and the hatched fill.
 */
export function classify(
	values: readonly (number | null | undefined)[],
	count = CLASS_FILLS.length,
): Classification {
	const reported = values
		.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
		.sort((a, b) => a - b);
	const missing = values.length - reported.length;
	const distinct = [...new Set(reported)];
	const thresholds =
		distinct.length <= count
			? distinct.slice(1)
			: [
					...new Set(
						scaleQuantile<number>()
							.domain(reported)
							.range(Array.from({ length: count }, (_, i) => i))
							.quantiles(),
					),
				];
	const bucket = (v: number) => thresholds.filter((t) => t <= v).length;
	const groups = new Map<number, number[]>();
	for (const v of reported) groups.set(bucket(v), [...(groups.get(bucket(v)) ?? []), v]);
	const filled = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members);
	const fills = spread(filled.length);
	const classes: ValueClass[] = filled.map((members, i) => ({
		min: members[0]!,
		max: members[members.length - 1]!,
		count: members.length,
		fill: CLASS_FILLS[fills[i]!]!,
	}));
	const classOf = (value: number | null | undefined): number | null => {
		if (typeof value !== 'number' || !Number.isFinite(value) || classes.length === 0) return null;
		const index = classes.findIndex((c) => value <= c.max);
		return index === -1 ? classes.length - 1 : index;
	};
	return {
		classes,
		missing,
		classOf,
		fillOf: (value) => {
			const index = classOf(value);
			return index === null ? MISSING_FILL : classes[index]!.fill;
		},
	};
}
