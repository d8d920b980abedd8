/**
 * An exported file travels alone: it must say where its figures come from and whose boundaries it
 * draws. The map exported for 2024 (2016 boundaries, CC BY-SA 4.0) and for 2025 (2025 boundaries, MIT)
 * carries its credit on the image, in the SVG's metadata and in the PNG's text layer.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { readPngText } from '../helpers/png-text.ts';
import { appSession } from './app-session.ts';
import { exportFile } from './export-download.ts';
import { SCREENSHOT_DIR, foreignRequests, pageErrors, waitForRender } from './harness.ts';

const app = appSession();
const EXPORT_DIR = join(SCREENSHOT_DIR, 'export');

const CREDITS = {
	2024: {
		id: 'boundaries-2016',
		licence: 'CC BY-SA 4.0',
		names: ['geoBoundaries', 'Runfola', 'CC BY-SA 4.0'],
		other: 'thanglequoc',
	},
	2025: {
		id: 'boundaries-2025',
		licence: 'MIT',
		names: ['thanglequoc/vietnamese-provinces-database', 'MIT'],
		other: 'geoBoundaries',
	},
} as const;

for (const year of [2024, 2025] as const) {
	test(`the map of ${year} carries the credit of the boundaries it draws`, async () => {
		const credit = CREDITS[year];
		mkdirSync(EXPORT_DIR, { recursive: true });
		const page = await app.open(`/?v=map&y0=${year}&y1=${year}`);
		await waitForRender(page, 'map');
		expect(await page.getAttribute('[data-chart="map"] [data-credit]', 'data-credit')).toBe(
			credit.id,
		);

		const svg = readFileSync((await exportFile(page, 'map', 'svg')).path, 'utf8');
		const metadata = /<metadata id="export-metadata">([\s\S]*?)<\/metadata>/.exec(svg)?.[1] ?? '';
		expect(metadata).toContain(`<hdnd:credit id="${credit.id}" licence="${credit.licence}"`);
		const footer = [...svg.matchAll(/data-band="footer">([^<]*)</g)].map((m) => m[1]).join(' ');
		for (const name of credit.names) {
			expect(metadata).toContain(name);
			expect(footer).toContain(name);
		}
		expect(svg).not.toContain(credit.other);

		const saved = await exportFile(page, 'map', 'png-2');
		copyFileSync(saved.path, join(EXPORT_DIR, `map-${year}@2x.png`));
		const text = readPngText(new Uint8Array(readFileSync(saved.path)));
		for (const name of credit.names) expect(text['Copyright']).toContain(name);
		expect(text['Copyright']).not.toContain(credit.other);
		expect(text['Title']).toContain(String(year));
		expect(text['URL']).toContain('v=map');

		// The whole map screen on one sheet carries it too.
		const sheet = await exportFile(page, 'view', 'png-2', { preset: 'slide' });
		copyFileSync(sheet.path, join(EXPORT_DIR, `map-${year}-sheet@2x.png`));
		const sheetText = readPngText(new Uint8Array(readFileSync(sheet.path)));
		for (const name of credit.names) expect(sheetText['Copyright']).toContain(name);

		expect(pageErrors(page)).toEqual([]);
		expect(foreignRequests(page)).toEqual([]);
	});
}

test('the ranking of Hà Nội’s districts in 2022 names exactly the sources of its figures', async () => {
	const page = await app.open('/?p=2023:01&lv=district&y0=2016&y1=2022');
	await waitForRender(page, 'ranking');
	const values = await page.$$eval('[data-chart="ranking"] g[data-unit-key]', (rows) =>
		rows.map((r) => r.getAttribute('data-value')),
	);
	expect(values).toHaveLength(30);
	const drawn = values.filter((v) => v !== '' && v !== null).length;
	// Thạch Thất's 2022 figure is the report's; every other district's is simulated.
	const expected = { 'seed-000': 1, 'simulated-v1': drawn - 1 };
	const others = [
		'seed-001',
		'seed-002',
		'seed-003',
		'seed-004',
		'Thanh Liêm',
		'Hương Thủy',
		'Tuyên Quang',
	];

	const svg = readFileSync((await exportFile(page, 'ranking', 'svg')).path, 'utf8');
	const listed = Object.fromEntries(
		[...svg.matchAll(/<hdnd:source id="([^"]+)" kind="[^"]+" figures="(\d+)">/g)].map((m) => [
			m[1],
			Number(m[2]),
		]),
	);
	expect(listed).toEqual(expected);
	const footer = [...svg.matchAll(/data-band="footer">([^<]*)</g)].map((m) => m[1]).join(' ');
	expect(footer).toContain('Thạch Thất');
	expect(footer).toContain('1 số liệu');
	expect(footer).toContain(`${drawn - 1} số liệu`);
	const metadata = /<metadata[\s\S]*?<\/metadata>/.exec(svg)![0];
	for (const other of others) expect(`${metadata} ${footer}`).not.toContain(other);

	const png = await exportFile(page, 'ranking', 'png-2');
	copyFileSync(png.path, join(EXPORT_DIR, 'ranking-hanoi-2022@2x.png'));
	const text = readPngText(new Uint8Array(readFileSync(png.path)));
	const lines = text['Data sources']!.split('\n');
	expect(lines).toHaveLength(2);
	expect(lines[0]).toMatch(new RegExp(`^Mô phỏng: .*: ${drawn - 1} số liệu$`));
	expect(lines[1]).toMatch(/^Báo cáo: .*Thạch Thất.*: 1 số liệu$/);

	const csv = readFileSync((await exportFile(page, 'ranking', 'csv')).path, 'utf8');
	const comments = csv
		.slice(1)
		.split('\r\n')
		.filter((line) => line.startsWith('#'));
	expect(comments).toHaveLength(2);
	expect(comments[1]).toMatch(/^# Nguồn: Báo cáo: .*Thạch Thất.*: 1 số liệu$/);
	for (const other of others) expect(csv).not.toContain(other);

	expect(pageErrors(page)).toEqual([]);
});

test('the whole view on each page shape: tiles, charts and the open unit detail, laid out for the page', async () => {
	const page = await app.open('/?p=2023:01&lv=district&y0=2016&y1=2022&f=2023:276');
	await waitForRender(page, 'ranking');
	await waitForRender(page, 'unit-detail');
	await waitForRender(page, 'tiles');
	const tileValues = await page.$$eval('[data-chart="tiles"] .value', (els) =>
		els.map((e) => e.textContent!.replace(/\s+/g, ' ').trim()),
	);
	expect(tileValues.length).toBeGreaterThan(0);
	const sizes = { slide: [3200, 1800], a4: [2246, 1588], a4p: [1588, 2246] } as const;
	for (const preset of ['slide', 'a4', 'a4p'] as const) {
		const svg = readFileSync((await exportFile(page, 'view', 'svg', { preset })).path, 'utf8');
		for (const part of ['tiles', 'ranking', 'unit-detail', 'trend', 'totals', 'heatmap']) {
			expect(svg, `${preset}: ${part}`).toContain(`data-sheet-chart="${part}"`);
		}
		for (const value of tileValues) expect(svg).toContain(value.split(' ')[0]);
		// The detail's title and its report, drawn.
		expect(svg).toContain('Thạch Thất');
		expect(svg).toContain('Hội nghị giao ban HĐND huyện, xã, thị trấn huyện Thạch Thất');

		const saved = await exportFile(page, 'view', 'png-2', { preset });
		copyFileSync(saved.path, join(EXPORT_DIR, `overview-sheet-${preset}@2x.png`));
		const bytes = new Uint8Array(readFileSync(saved.path));
		const png = PNG.sync.read(Buffer.from(bytes));
		expect([png.width, png.height]).toEqual(sizes[preset]);
		const text = readPngText(bytes);
		expect(text['Data sources']).toContain('Thạch Thất');
		expect(text['Data sources']).not.toContain('Thanh Liêm');
	}
	expect(pageErrors(page)).toEqual([]);
});

test('the comparison charts name the sources of their figures too', async () => {
	const page = await app.open('/?v=compare&f=2023:276&y0=2019&y1=2022');
	await waitForRender(page, 'peers');
	const svg = readFileSync((await exportFile(page, 'peers', 'svg')).path, 'utf8');
	const listed = [...svg.matchAll(/<hdnd:source id="([^"]+)"/g)].map((m) => m[1]).sort();
	expect(listed).toEqual(['seed-000', 'simulated-v1']);
	expect(pageErrors(page)).toEqual([]);
});
