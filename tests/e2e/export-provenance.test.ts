/**
 * An exported file travels alone: it must say where its figures come from and whose boundaries it
 * draws. The map exported for 2024 (2016 boundaries, CC BY-SA 4.0) and for 2025 (2025 boundaries, MIT)
 * carries its credit on the image, in the SVG's metadata and in the PNG's text layer.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
