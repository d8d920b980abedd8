/**
 * `npm run screenshots`: opens the built app (served by `npm run preview`) in Debian's Chromium at
 * 1366×768 and saves a PNG of each screen to test-results/screenshots/, for a person to look at.
 * Usage: node scripts/screenshots.mjs [baseURL] [name=query ...]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/';
const shots = process.argv
	.slice(3)
	.map((arg) => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]);
if (shots.length === 0) shots.push(['dashboard', '']);
mkdirSync('test-results/screenshots', { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.error('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
for (const [name, query = ''] of shots) {
	const started = Date.now();
	await page.goto(`${base}${query ? `?${query}` : ''}`, { waitUntil: 'commit' });
	// LOADING=1 captures the progress screen instead of the loaded page.
	const ready =
		process.env.LOADING === '1'
			? '[data-loading-stage="download"], [data-loading-stage="decode"], [data-loading-stage="prepare"]'
			: 'html[data-ready="true"], html[data-load-error]';
	await page.waitForSelector(ready, { timeout: 120_000 });
	const path = `test-results/screenshots/${name}.png`;
	await page.screenshot({ path, fullPage: process.env.FULL === '1' });
	console.log(`${path} (${Date.now() - started} ms)`);
}
await browser.close();
