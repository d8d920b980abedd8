import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-client';
import { describe, expect, test } from 'vitest';
import {
	DEFAULT_LAYOUT,
	decodeProvinces,
	mapShapes,
} from '../../../src/charts/choropleth-geometry.ts';
import { ROOT } from '../../helpers/node-connector.ts';

/**
 * Three provinces: 01 and 02 are 1° squares side by side (sharing one arc) at 20–21 N; 56 is a 2° × 1°
 * block at 10–11 N with one island at 114–115 E, 9–10 N (inside the Trường Sa box).
 */
const TINY: Topology = {
	type: 'Topology',
	arcs: [
		[
			[105, 20],
			[105, 21],
		],
		[
			[105, 21],
			[104, 21],
			[104, 20],
			[105, 20],
		],
		[
			[105, 20],
			[106, 20],
			[106, 21],
			[105, 21],
		],
		[
			[104, 10],
			[106, 10],
			[106, 11],
			[104, 11],
			[104, 10],
		],
		[
			[114, 9],
			[115, 9],
			[115, 10],
			[114, 10],
			[114, 9],
		],
	],
	objects: {
		provinces: {
			type: 'GeometryCollection',
			geometries: [
				{ type: 'Polygon', id: '01', properties: { code: '01', name: 'Một' }, arcs: [[1, 0]] },
				{ type: 'Polygon', id: '02', properties: { code: '02', name: 'Hai' }, arcs: [[2, -1]] },
				{
					type: 'MultiPolygon',
					id: '56',
					properties: { code: '56', name: 'Khánh Hòa' },
					arcs: [[[3]], [[4]]],
				},
			],
		},
	},
};

const mercatorY = (lat: number) =>
	(Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Every x,y pair of an SVG path, per subpath. */
function subpaths(d: string): [number, number][][] {
	return d
		.split('M')
		.filter(Boolean)
		.map((part) =>
			part
				.replace(/Z$/, '')
				.split('L')
				.map((pair) => pair.split(',').map(Number) as [number, number]),
		);
}

describe('decodeProvinces', () => {
	test('gives each province its code, name and polygons', () => {
		const provinces = decodeProvinces(TINY);
		expect(provinces.map((p) => [p.code, p.name, p.polygons.length])).toEqual([
			['01', 'Một', 1],
			['02', 'Hai', 1],
			['56', 'Khánh Hòa', 2],
		]);
		// The shared arc is walked backwards for 02.
		expect(provinces[1]!.polygons[0]![0]).toEqual([
			[105, 20],
			[106, 20],
			[106, 21],
			[105, 21],
			[105, 20],
		]);
	});
});

describe('mapShapes', () => {
	const { height, margin, gap, column, legendHeight, insetCaption, insetPadding } = DEFAULT_LAYOUT;
	const shapes = mapShapes(decodeProvinces(TINY));
	// The mainland (104–106 E, 10–21 N) fills the height; x and y in Mercator degrees times k.
	const k = (height - 2 * margin) / (mercatorY(21) - mercatorY(10));
	const x = (lon: number) => r1(margin + (lon - 104) * k);
	const y = (lat: number) => r1(margin + (mercatorY(21) - mercatorY(lat)) * k);

	test('fits the mainland to the height, with the column of legend and insets beside it', () => {
		const columnX = r1(margin + 2 * k + gap);
		expect(shapes.height).toBe(height);
		expect(shapes.width).toBe(r1(columnX + column + margin));
		expect(shapes.legend).toEqual({ x: columnX, y: margin, width: column });
	});

	test('projects the mainland with Mercator: exact paths', () => {
		const one = shapes.provinces.find((p) => p.code === '01')!;
		expect(one.d).toBe(
			`M${x(105)},${y(21)}L${x(104)},${y(21)}L${x(104)},${y(20)}L${x(105)},${y(20)}Z`,
		);
		expect(one.anchor).toEqual([r1((x(104) + x(105)) / 2), expect.any(Number)]);
		expect(one.anchor[1]).toBeGreaterThan(y(21));
		expect(one.anchor[1]).toBeLessThan(y(20));
		const two = shapes.provinces.find((p) => p.code === '02')!;
		expect(two.d).toBe(
			`M${x(105)},${y(20)}L${x(106)},${y(20)}L${x(106)},${y(21)}L${x(105)},${y(21)}Z`,
		);
	});

	test('draws the island of 56 in a Trường Sa inset, in the same path as its mainland', () => {
		expect(shapes.insets).toHaveLength(1);
		const inset = shapes.insets[0]!;
		const inner = column - 2 * insetPadding;
		// The 1° square is as wide as the inset allows, and a little taller (Mercator).
		const islands = Math.min(inner, inner * (mercatorY(10) - mercatorY(9)));
		const frameHeight = r1(insetCaption + islands + 2 * insetPadding);
		expect(inset).toEqual({
			id: 'truong-sa',
			province: '56',
			x: shapes.legend.x,
			// Wanted beside its latitude (below the mainland): pushed up to end at the bottom margin.
			y: r1(height - margin - frameHeight),
			width: column,
			height: frameHeight,
		});
		expect(inset.y).toBeGreaterThan(margin + legendHeight);
		const [mainland, island] = subpaths(shapes.provinces.find((p) => p.code === '56')!.d);
		expect(mainland).toEqual([
			[x(104), y(10)],
			[x(106), y(10)],
			[x(106), y(11)],
			[x(104), y(11)],
		]);
		for (const [px, py] of island!) {
			expect(px).toBeGreaterThanOrEqual(inset.x + insetPadding - 0.1);
			expect(px).toBeLessThanOrEqual(inset.x + column - insetPadding + 0.1);
			expect(py).toBeGreaterThanOrEqual(inset.y + insetCaption + insetPadding - 0.1);
			expect(py).toBeLessThanOrEqual(inset.y + inset.height - insetPadding + 0.1);
		}
	});

	test('the bundled boundaries: 63 and 34 provinces inside the drawing, both island groups in insets', () => {
		for (const [file, count] of [
			['provinces_2016.topojson', 63],
			['provinces_2025.topojson', 34],
		] as const) {
			const topology = JSON.parse(readFileSync(join(ROOT, 'data', 'geo', file), 'utf8'));
			const drawn = mapShapes(decodeProvinces(topology));
			expect(drawn.provinces, file).toHaveLength(count);
			expect(drawn.insets.map((i) => [i.id, i.province])).toEqual([
				['hoang-sa', '48'],
				['truong-sa', '56'],
			]);
			// The mainland is drawn large: the drawing is taller than wide, and every point is inside it.
			expect(drawn.width).toBeLessThan(drawn.height);
			for (const province of drawn.provinces) {
				const points = subpaths(province.d).flat();
				expect(points.length, province.code).toBeGreaterThan(3);
				for (const [px, py] of points) {
					expect(px >= 0 && px <= drawn.width && py >= 0 && py <= drawn.height).toBe(true);
				}
			}
			const [hoangSa, truongSa] = drawn.insets;
			expect(hoangSa!.y + hoangSa!.height).toBeLessThanOrEqual(truongSa!.y);
			expect(truongSa!.y + truongSa!.height).toBeLessThanOrEqual(drawn.height);
		}
	});
});
