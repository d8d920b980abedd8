import { describe, expect, test } from 'vitest';
import {
	PRESETS,
	layoutExport,
	layoutSheet,
	stripCuts,
	wrapText,
	type ExportTexts,
	type Measure,
} from '../../../src/export/layout.ts';

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
	test('two columns, a wide chart takes its own row, in document order', () => {
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
		expect(c!.frame.width).toBe(sheet.width);
		expect(a!.frame.height).toBe(b!.frame.height);
		expect(sheet.height).toBe(c!.y + c!.frame.height);
	});
});
