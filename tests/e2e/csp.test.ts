/**
 * The app under its Content-Security-Policy, in Chromium: the page carries the policy as a meta tag, the
 * server (vite preview, as `npm start`) sends it as a header with the page and with the workers' scripts,
 * and every screen, the SQL console and a PNG export work under it without one violation.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cspHeaderPolicy, cspMetaPolicy } from '../../src/security/csp.ts';
import {
	baseURL,
	consoleErrors,
	foreignRequests,
	launchBrowser,
	openApp,
	pageErrors,
	requests,
	waitForRender,
} from './harness.ts';

declare global {
	interface Window {
		/** Violations reported to the page, recorded from its first script on. */
		cspViolations?: string[];
	}
}

let context: BrowserContext;
const pages: Page[] = [];

beforeAll(async () => {
	context = await launchBrowser();
	// Injected by the browser driver, not by the page, so the policy does not apply to it.
	await context.addInitScript(() => {
		window.cspViolations = [];
		document.addEventListener('securitypolicyviolation', (event) => {
			window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`);
		});
	});
});

afterAll(async () => {
	await context?.close();
});

/** Console lines in which Chromium reports something the policy blocked (page or worker). */
function cspReports(page: Page): string[] {
	return consoleErrors(page).filter((line) =>
		/Content Security Policy|Refused to (connect|load|execute|compile|apply|create|frame)/i.test(
			line,
		),
	);
}

async function open(path: string): Promise<Page> {
	const page = await openApp(context, path);
	pages.push(page);
	return page;
}

describe('the Content-Security-Policy', () => {
	test('is in the page as a meta tag and sent as a header with the page and the workers', async () => {
		const page = await open('/?v=sql');
		await page.waitForSelector('[data-page-view="sql"][data-workspace-status="ready"]');
		const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
		expect(meta).toBe(cspMetaPolicy());

		const workers = requests(page).filter((url) =>
			/duckdb-browser-\w+\.worker[^/]*\.js$/.test(url),
		);
		expect(workers.length).toBeGreaterThan(0);
		for (const url of [baseURL(), `${baseURL()}index.html`, ...new Set(workers)]) {
			const response = await fetch(url);
			expect(response.status, url).toBe(200);
			expect(response.headers.get('content-security-policy'), url).toBe(cspHeaderPolicy());
			expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
		}
	});

	test.each(['overview', 'compare', 'map', 'notebooks', 'data', 'extract', 'briefing'])(
		'the %s screen works under it',
		async (screen) => {
			const page = await open(`/?v=${screen}`);
			expect(
				await page.locator(`nav button[data-page="${screen}"]`).getAttribute('aria-current'),
			).toBeTruthy();
			expect(await page.locator('[data-load-error]').count()).toBe(0);
		},
	);

	test('a chart exports as PNG (an SVG drawn from a blob: URL onto a canvas)', async () => {
		const page = await open('/');
		await waitForRender(page, 'totals');
		const menu = page.locator('[data-chart="totals"] [data-export-menu]');
		await menu.click();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 30_000 }),
			page.locator('[data-chart="totals"] [data-export="png-2"]').click(),
		]);
		expect(download.suggestedFilename()).toMatch(/\.png$/);
	});

	test('no screen reported a violation, left the origin or threw', async () => {
		expect(pages.length).toBeGreaterThan(5);
		for (const page of pages) {
			expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
			expect(cspReports(page)).toEqual([]);
			expect(foreignRequests(page)).toEqual([]);
			expect(pageErrors(page)).toEqual([]);
		}
	});
});
