/**
 * Sharing what one sees: a chart exported as PNG (2×, 3×, screen, 16:9, A4), SVG, CSV and to the
 * clipboard, and a whole screen as one sheet; the files decoded and checked against the chart on the
 * page. The PNGs are kept in test-results/screenshots/export/ for a person to look at.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	SCREENSHOT_DIR,
	baseURL,
	foreignRequests,
	launchBrowser,
	openApp,
	pageErrors,
	waitForRender,
} from './harness.ts';
import { exportFile } from './export-download.ts';

let context: BrowserContext;
let overview: Page;
const EXPORT_DIR = join(SCREENSHOT_DIR, 'export');

beforeAll(async () => {
	mkdirSync(EXPORT_DIR, { recursive: true });
	context = await launchBrowser();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: new URL(baseURL()).origin,
	});
	// The screen as reported to the current year, in totals (the first screen before it showed the current
	// units per council): its ranking has units without a figure, which the CSV checks below need.
	overview = await openApp(context, '/?b=reported&fm=total&y1=2026');
	await waitForRender(overview, 'trend');
});

afterAll(async () => {
	await context?.close();
});

interface PngFacts {
	width: number;
	height: number;
	colours: number;
	/** Share of pixels unlike the corner (background) colour in a horizontal band [from, to) of rows. */
	inked: (from: number, to: number) => number;
	corner: [number, number, number];
}

function readPng(path: string): PngFacts {
	const png = PNG.sync.read(readFileSync(path));
	const { width, height, data } = png;
	const colours = new Set<number>();
	for (let i = 0; i < data.length; i += 4 * 7) {
		colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
	}
	const corner: [number, number, number] = [data[0]!, data[1]!, data[2]!];
	const inked = (from: number, to: number) => {
		let count = 0;
		for (let y = Math.floor(from); y < Math.min(height, Math.ceil(to)); y++) {
			for (let x = 0; x < width; x++) {
				const i = (y * width + x) * 4;
				const far =
					Math.abs(data[i]! - corner[0]) +
					Math.abs(data[i + 1]! - corner[1]) +
					Math.abs(data[i + 2]! - corner[2]);
				if (far > 60) count++;
			}
		}
		return count / (width * Math.max(1, to - from));
	};
	return { width, height, colours: colours.size, inked, corner };
}

/** Not blank, and both bands (top and bottom) hold drawn content. */
function expectStandalone(png: PngFacts, headerShare = 0.12, footerShare = 0.08) {
	expect(png.colours, 'distinct colours').toBeGreaterThan(40);
	expect(png.inked(0, png.height * headerShare), 'header band').toBeGreaterThan(0.005);
	expect(png.inked(png.height * (1 - footerShare), png.height), 'footer band').toBeGreaterThan(
		0.003,
	);
}

function svgSize(svg: string): [number, number] {
	const match = /<svg[^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
	return [Number(match[1]), Number(match[2])];
}

function today(): string {
	const d = new Date();
	return [d.getDate(), d.getMonth() + 1]
		.map((n) => String(n).padStart(2, '0'))
		.concat(String(d.getFullYear()))
		.join('/');
}

describe('one chart', () => {
	test('PNG at 2× "as on screen" is twice the SVG, with header and footer drawn', async () => {
		const svg = readFileSync((await exportFile(overview, 'trend', 'svg')).path, 'utf8');
		const [w, h] = svgSize(svg);
		const saved = await exportFile(overview, 'trend', 'png-2');
		expect(saved.name).toMatch(/^hdnd-trend-\d{4}-\d\d-\d\d-screen@2x\.png$/);
		copyFileSync(saved.path, join(EXPORT_DIR, 'trend-screen@2x.png'));
		const png = readPng(saved.path);
		expect([png.width, png.height]).toEqual([Math.round(w * 2), Math.round(h * 2)]);
		expectStandalone(png);
		expect(png.corner).toEqual([255, 255, 255]);
	});

	test('PNG of the 16:9 preset is 3200×1800 at 2×; A4 landscape is 3369×2382 at 3×', async () => {
		const slide = await exportFile(overview, 'ranking', 'png-2', { preset: 'slide' });
		copyFileSync(slide.path, join(EXPORT_DIR, 'ranking-slide@2x.png'));
		const png = readPng(slide.path);
		expect([png.width, png.height]).toEqual([3200, 1800]);
		expectStandalone(png);

		const a4 = await exportFile(overview, 'heatmap', 'png-3', { preset: 'a4' });
		copyFileSync(a4.path, join(EXPORT_DIR, 'heatmap-a4@3x.png'));
		const page = readPng(a4.path);
		expect([page.width, page.height]).toEqual([3369, 2382]);
		expectStandalone(page);
	});

	test('the dark option draws on a dark background; the page keeps its own theme', async () => {
		const saved = await exportFile(overview, 'totals', 'png-2', { dark: true });
		copyFileSync(saved.path, join(EXPORT_DIR, 'totals-dark@2x.png'));
		const png = readPng(saved.path);
		expect(Math.max(...png.corner)).toBeLessThan(60);
		expectStandalone(png);
		expect(await overview.getAttribute('html', 'data-theme')).toBe('light');
	});

	test('SVG carries the title, the filters, the legend, sources, simulated mark, date, link and font', async () => {
		const svg = readFileSync((await exportFile(overview, 'ranking', 'svg')).path, 'utf8');
		const title = (await overview.textContent('[data-chart="ranking"] h2'))!.trim();
		expect(svg).toContain(`>${title}</text>`);
		expect(svg).toMatch(
			/data-band="subtitle">Tổng số kỳ họp · Toàn quốc, cấp tỉnh · năm 2019–2026 · Như báo cáo/,
		);
		expect(svg).toContain('data-band="badge">DỮ LIỆU MÔ PHỎNG');
		expect(svg).toMatch(/data-band="footer">Nguồn: Mô phỏng/);
		expect(svg).toContain(`Xuất ngày ${today()}`);
		expect(svg).toContain(`Xem tại: ${baseURL()}`);
		expect(svg).toContain("@font-face{font-family:'Be Vietnam Pro'");
		expect(svg).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}/);
		// No page CSS in a standalone file: every colour is concrete.
		expect(svg).not.toContain('var(--');
		// Every bar of the chart, with the value it shows.
		const shown = await overview.$$eval('[data-chart="ranking"] g[data-unit-key]', (rows) =>
			rows.map((r) => `${r.getAttribute('data-unit-key')}=${r.getAttribute('data-value')}`),
		);
		const exported = [...svg.matchAll(/data-unit-key="([^"]+)" data-value="([^"]*)"/g)].map(
			(m) => `${m[1]}=${m[2]}`,
		);
		expect(exported).toEqual(shown);
		expect(svg).toContain('<desc id="export-desc">Cao nhất:');

		// The trend's legend is HTML on the page; in the file it is drawn.
		const trend = readFileSync((await exportFile(overview, 'trend', 'svg')).path, 'utf8');
		for (const label of await overview.$$eval('[data-chart="trend"] .legend li', (items) =>
			items.map((i) => i.textContent!.trim()),
		)) {
			expect(trend).toContain(`>${label}</text>`);
		}
	});

	test('CSV holds the rows and the numbers the chart shows', async () => {
		const saved = await exportFile(overview, 'ranking', 'csv');
		expect(saved.name).toMatch(/^hdnd-ranking-\d{4}-\d\d-\d\d\.csv$/);
		const text = readFileSync(saved.path, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = text
			.slice(1)
			.trimEnd()
			.split('\r\n')
			// The sources come first as "#" comment lines.
			.filter((line) => !line.startsWith('#'))
			.map((line) => line.split(','));
		expect(rows[0]!.slice(0, 3)).toEqual(['Hạng', 'Đơn vị', 'Tổng số kỳ họp']);
		const bars = await overview.$$eval('[data-chart="ranking"] g[data-unit-key]', (rows) =>
			rows.map((r) => ({
				label: r.getAttribute('aria-label')!,
				value: r.getAttribute('data-value')!,
			})),
		);
		expect(rows.length - 1).toBeGreaterThanOrEqual(bars.length);
		// A unit without a figure has no rank: an empty field, not the dash shown on screen.
		const unranked = rows.slice(1).filter((row) => row[2] === '');
		expect(unranked.length).toBeGreaterThan(0);
		for (const row of unranked) expect(row[0]).toBe('');
		for (const row of rows.slice(1)) expect(row[0]).toMatch(/^(\d+)?$/);
		bars.forEach((bar, i) => {
			const row = rows[i + 1]!;
			expect(bar.label).toContain(row[1]!);
			expect(row[2]).toBe(bar.value);
		});
	});

	test('copies the image to the clipboard', async () => {
		const menu = overview.locator('[data-chart="totals"] [data-export-menu]');
		if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
		await overview.locator('[data-chart="totals"] [data-export="copy"]').click();
		await expect
			.poll(() => overview.textContent('[data-chart="totals"] [data-export-status]'))
			.toBe('Đã chép ảnh vào bộ nhớ tạm.');
		const types = await overview.evaluate(async () =>
			(await navigator.clipboard.read()).flatMap((item) => item.types),
		);
		expect(types).toContain('image/png');
	});

	test('Escape closes the menu and gives focus back to its button', async () => {
		const menu = overview.locator('[data-chart="heatmap"] [data-export-menu]');
		if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
		await overview.keyboard.press('Escape');
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
	});
});

describe('a whole screen', () => {
	test('the overview on one PNG sheet: every chart, one header, one footer', async () => {
		const svg = readFileSync((await exportFile(overview, 'view', 'svg')).path, 'utf8');
		for (const chart of ['ranking', 'trend', 'totals', 'heatmap']) {
			expect(svg).toContain(`data-sheet-chart="${chart}"`);
		}
		expect(svg.match(/data-band="title"/g)).toHaveLength(1);
		const saved = await exportFile(overview, 'view', 'png-2');
		expect(saved.name).toMatch(/^hdnd-screen-overview-.*@2x\.png$/);
		copyFileSync(saved.path, join(EXPORT_DIR, 'overview-sheet@2x.png'));
		const png = readPng(saved.path);
		expect(png.width).toBe(3200);
		expect(png.height).toBeGreaterThan(1600);
		expectStandalone(png, 0.04, 0.02);
	});

	test('the comparison screen as one sheet', async ({ skip }) => {
		// Only where the app has the screen (its tab is in the header).
		if (!(await overview.$('nav [data-page="compare"]'))) skip();
		const page = await openApp(context, '/?v=compare&f=2023:276');
		await waitForRender(page, 'multiples');
		const saved = await exportFile(page, 'view', 'png-2');
		copyFileSync(saved.path, join(EXPORT_DIR, 'compare-sheet@2x.png'));
		const png = readPng(saved.path);
		expect(png.width).toBe(3200);
		expectStandalone(png, 0.04, 0.02);
		const csv = readFileSync((await exportFile(page, 'peers', 'csv')).path, 'utf8');
		const names = await page.$$eval('[data-chart="peers"] g[data-unit-key]', (rows) =>
			rows.map((r) => r.getAttribute('aria-label')!),
		);
		// The sources of the compared year's figures come first as "#" lines.
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines.filter((l) => !l.startsWith('#'))).toHaveLength(names.length + 1);
		expect(pageErrors(page)).toEqual([]);
		expect(foreignRequests(page)).toEqual([]);
		await page.close();
	});

	test('nothing left the page: no request outside the app, no error', () => {
		expect(foreignRequests(overview)).toEqual([]);
		expect(pageErrors(overview)).toEqual([]);
	});
});
