import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	consoleErrors,
	foreignRequests,
	launchBrowser,
	openApp,
	pageErrors,
	screenshot,
} from './harness.ts';

describe('dashboard smoke', () => {
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		context = await launchBrowser();
		page = await openApp(context);
	});

	afterAll(async () => {
		await context?.close();
	});

	test('reaches ready with the interface in Vietnamese', async () => {
		expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('true');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
		await screenshot(page, 'dashboard');
	});

	test('stays on its own origin (works on an offline intranet)', () => {
		expect(foreignRequests(page)).toEqual([]);
	});

	test('raises no page errors or console errors', () => {
		expect(pageErrors(page)).toEqual([]);
		expect(consoleErrors(page)).toEqual([]);
	});
});
