import { describe, expect, test } from 'vitest';
import {
	PRESETS,
	layoutExport,
	stripCuts,
	wrapText,
	type ExportTexts,
	type Measure,
} from '../../../src/export/layout.ts';
import { fitSheet, layoutSheet } from '../../../src/export/sheet-layout.ts';

/** A monospaced stand-in for the font: every character 0.55 em wide. */
const measure: Measure = (text, size) => text.length * size * 0.55;

const texts: ExportTexts = {
	title: 'Xếp hạng đơn vị cấp tỉnh theo Tổng số kỳ họp, năm 2026',
	subtitle: ['Tổng số kỳ họp · Toàn quốc, cấp tỉnh · năm 2019–2026 · Như báo cáo'],
	badge: 'DỮ LIỆU MÔ PHỎNG',
	footer: ['Nguồn: Mô phỏng', 'Xuất ngày 23/11/2026 · Xem tại: http://127.0.0.1/?v=compare'],
};

describe('size presets', () => {
	test('16:9 is 1600×900 and A4 landscape 1123×794 CSS pixels', () => {
		expect(PRESETS.slide.size).toEqual({ width: 1600, height: 900 });
		expect(PRESETS.a4.size).toEqual({ width: 1123, height: 794 });
		expect(PRESETS.screen.size).toBeNull();
	});

	test('a fixed preset keeps its size and fits the chart between the bands', () => {
		const layout = layoutExport(PRESETS.slide, { width: 520, height: 260 }, texts, measure);
		expect([layout.width, layout.height]).toEqual([1600, 900]);
		expect(layout.body.scale).toBeGreaterThan(1);
		expect(layout.body.y).toBeGreaterThanOrEqual(layout.headerBottom);
		expect(layout.body.y + layout.body.height).toBeLessThanOrEqual(layout.footerTop);
		expect(layout.body.x + layout.body.width).toBeLessThanOrEqual(1600 - PRESETS.slide.padding);
		const footer = layout.lines.filter((l) => l.role === 'footer');
		expect(footer.length).toBe(2);
		expect(Math.max(...footer.map((l) => l.y))).toBeLessThan(900);
	});

	test('"as on screen" is the chart at its size plus the bands', () => {
		const layout = layoutExport(PRESETS.screen, { width: 700, height: 300 }, texts, measure);
		expect(layout.body.scale).toBe(1);
		expect(layout.width).toBe(700 + 2 * PRESETS.screen.padding);
		expect(layout.height).toBeGreaterThan(300 + layout.headerBottom);
		expect(layout.badgeBox).not.toBeNull();
	});

	test('every line fits the width', () => {
		const long = { ...texts, title: 'Tiêu đề rất dài '.repeat(20) };
		const layout = layoutExport(PRESETS.a4, { width: 900, height: 400 }, long, measure);
		for (const line of layout.lines) {
			expect(line.x + measure(line.text, line.size, line.weight)).toBeLessThanOrEqual(
				1123 - PRESETS.a4.padding + 0.01,
			);
		}
	});
});

describe('text wrapping', () => {
	const w = (t: string) => t.length;
	test('breaks between words and cuts a word longer than the line', () => {
		expect(wrapText('một hai ba bốn', 7, w)).toEqual(['một hai', 'ba bốn']);
		expect(wrapText('http://a/very/long/url', 8, w)).toEqual(['http://a', '/very/lo', 'ng/url']);
		expect(wrapText('', 10, w)).toEqual([]);
	});
});

describe('a tall chart in columns', () => {
	const rows = Array.from({ length: 40 }, (_, i) => [i * 22 + 3, i * 22 + 19] as [number, number]);

	test('cuts only between marks, near equal parts', () => {
		const cuts = stripCuts(880, rows, 2)!;
		expect(cuts).toHaveLength(3);
		expect(cuts[1]).toBe(440);
		for (const [top, bottom] of rows) expect(cuts[1]! > top && cuts[1]! < bottom).toBe(false);
		expect(stripCuts(100, [[0, 100]], 2)).toBeNull();
	});

	test('a ranking of 40 rows goes in columns on a slide, and stays one column on screen', () => {
		const slide = layoutExport(
			PRESETS.slide,
			{ width: 520, height: 900, blocks: rows },
			texts,
			measure,
		);
		expect(slide.body.strips.length).toBeGreaterThan(1);
		expect(slide.body.scale).toBeGreaterThan(0.9);
		const screen = layoutExport(
			PRESETS.screen,
			{ width: 520, height: 900, blocks: rows },
			texts,
			measure,
		);
		expect(screen.body.strips).toHaveLength(1);
	});
});

describe('a whole screen on one sheet', () => {
	test('two columns, a wide chart takes its own row below both, in document order', () => {
		const sheet = layoutSheet(
			[
				{ title: 'Xếp hạng', width: 500, height: 800, wide: false },
				{ title: 'Xu hướng', width: 600, height: 300, wide: false },
				{ title: 'Tổng', width: 1300, height: 200, wide: true },
			],
			measure,
		);
		const [a, b, c] = sheet.placements;
		expect(a!.y).toBe(b!.y);
		expect(b!.x).toBeGreaterThan(a!.x);
		expect(c!.y).toBeGreaterThan(a!.y + a!.frame.height - 1);
		expect(c!.y).toBeGreaterThan(b!.y + b!.frame.height - 1);
		expect(c!.frame.width).toBe(sheet.width);
		expect(sheet.height).toBe(c!.y + c!.frame.height);
	});
});

test('a short chart goes under the shortest column, leaving no hole', () => {
	const sheet = layoutSheet(
		[
			{ title: 'Xếp hạng', width: 500, height: 900, wide: false },
			{ title: 'Xu hướng', width: 500, height: 200, wide: false },
			{ title: 'Tổng', width: 500, height: 200, wide: false },
		],
		measure,
	);
	const [a, b, c] = sheet.placements;
	expect(c!.x).toBe(b!.x);
	expect(c!.y).toBeGreaterThan(b!.y);
	expect(c!.y).toBeLessThan(a!.y + a!.frame.height);
});

describe('a sheet shaped for its page', () => {
	const items = [
		{ title: 'Các chỉ tiêu chính', width: 1300, height: 120, wide: true, row: true },
		{ title: 'Xếp hạng', width: 600, height: 700, wide: false },
		{ title: 'Chi tiết đơn vị', width: 420, height: 500, wide: false },
		{ title: 'Xu hướng', width: 600, height: 300, wide: false },
		{ title: 'Tổng theo năm', width: 1300, height: 260, wide: true },
		{ title: 'Bản đồ nhiệt', width: 1300, height: 520, wide: true },
	];
	const rowsOf = (sheet: ReturnType<typeof fitSheet>) =>
		new Set(sheet.placements.map((p) => p.y)).size;

	test('a 16:9 slide gets a grid across its width; the tiles keep a row of their own', () => {
		const room = { width: 1520, height: 640 };
		const sheet = fitSheet(items, measure, PRESETS.slide, room);
		expect(sheet.columns).toBeGreaterThanOrEqual(2);
		expect(sheet.placements[0]!.frame.width).toBe(sheet.width);
		// Wider than tall, like the page, and far wider than a stack of the charts would be.
		expect(sheet.width / sheet.height).toBeGreaterThan(1.2);
		expect(rowsOf(sheet)).toBeLessThan(items.length);
	});

	test('an A4 portrait page gets one column, an A4 landscape page two', () => {
		const portrait = fitSheet(items, measure, PRESETS.a4p, { width: 738, height: 900 });
		expect(portrait.columns).toBe(1);
		expect(rowsOf(portrait)).toBe(items.length);
		const landscape = fitSheet(items, measure, PRESETS.a4, { width: 1059, height: 560 });
		expect(landscape.columns).toBe(2);
	});

	test('"as on screen" keeps the usual two columns at the usual width', () => {
		const sheet = fitSheet(items, measure, PRESETS.screen, null);
		expect([sheet.width, sheet.columns]).toEqual([1560, 2]);
	});
});
