/**
 * Accessibility: axe-core over every screen of the app in light and dark mode (no serious or critical
 * violation), the keyboard way through charts (ranking rows, heatmap rows, the years picker, the export
 * menu) with a visible focus ring, and the theme choice remembered across visits.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, type Finding } from './axe.ts';
import { launchBrowser, openApp, pageErrors, screenshot, waitForRender } from './harness.ts';

let context: BrowserContext;
/** One app page for the whole file (each start of the app costs seconds): screens are switched by tab. */
let page: Page;

beforeAll(async () => {
	context = await launchBrowser();
	// With a unit in focus: the comparison screen has charts and the overview shows the unit's details.
	page = await openApp(context, '/?f=2023:276');
});

afterAll(async () => {
	await context?.close();
});

/** Waits until every chart on the screen has been drawn with data (or a screen has none). */
async function settled(page: Page): Promise<void> {
	await page
		.waitForFunction(
			() =>
				[...document.querySelectorAll('[data-chart]')].every(
					(el) => el.getAttribute('data-render-id') !== '0',
				),
			undefined,
			{ timeout: 30_000 },
		)
		.catch(() => {
			// A screen still loading is checked as it is; axe reports what a person would meet.
		});
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe.each(['light', 'dark'] as const)('axe-core in %s mode', (theme) => {
	test('no serious or critical violation on any screen', async () => {
		// The theme follows the system by default: the emulated preference switches it live.
		await page.emulateMedia({ colorScheme: theme });
		await page.waitForSelector(`html[data-theme="${theme}"]`, { state: 'attached' });
		await settled(page);
		const screens = await page.$$eval('nav [data-page]', (buttons) =>
			buttons.map((b) => b.getAttribute('data-page')!),
		);
		expect(screens).toContain('overview');
		const findings: Finding[] = [];
		for (const screen of screens) {
			await page.click(`nav [data-page="${screen}"]`);
			await page.waitForSelector(`nav [data-page="${screen}"][aria-current="page"]`);
			await settled(page);
			findings.push(...(await axe(page, screen, theme)));
			await screenshot(page, `a11y-${screen}-${theme}`);
		}
		const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
		expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
	});
});

describe('by keyboard', () => {
	beforeAll(async () => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.click('nav [data-page="overview"]');
		await waitForRender(page, 'trend');
	});
	/** Focus by keyboard (Tab from the element before), so :focus-visible applies. */
	async function tabTo(selector: string): Promise<void> {
		await page.evaluate((sel) => {
			const target = document.querySelector(sel)!;
			const all = [
				...document.querySelectorAll<HTMLElement | SVGElement>(
					'a[href], button, select, input, [tabindex="0"]',
				),
			];
			const before = all[all.indexOf(target as HTMLElement) - 1];
			(before as HTMLElement | undefined)?.focus();
		}, selector);
		await page.keyboard.press('Tab');
		expect(await page.evaluate((sel) => document.activeElement?.matches(sel), selector)).toBe(true);
	}

	async function outline(): Promise<string> {
		return page.evaluate(() => {
			const style = getComputedStyle(document.activeElement!);
			return `${style.outlineStyle} ${style.outlineWidth}`;
		});
	}

	test('a ranking row: reached by Tab, shows its focus, Enter selects it', async () => {
		const row = '[data-chart="ranking"] g[data-unit-key]';
		await tabTo(row);
		expect(await outline()).toBe('solid 3px');
		await waitForRender(page, 'trend', () => page.keyboard.press('Enter'));
		expect(await page.getAttribute(row, 'aria-pressed')).toBe('true');
		await page.click('[data-clear-selection]');
	});

	test('a heatmap row is a button too', async () => {
		const label = '[data-chart="heatmap"] text[data-row-key]';
		await tabTo(label);
		expect(await outline()).toBe('solid 3px');
		await page.keyboard.press('Enter');
		expect(await page.getAttribute(label, 'aria-pressed')).toBe('true');
		await page.click('[data-clear-selection]');
	});

	test('years are brushed with the picker instead of dragging', async () => {
		await tabTo('[data-chart="trend"] [data-year-pick]');
		await page.keyboard.press('Enter');
		expect(
			await page.evaluate(() => document.activeElement?.matches('[data-year-pick-from]')),
		).toBe(true);
		await page.selectOption('[data-year-pick-from]', '2021');
		await page.selectOption('[data-year-pick-to]', '2023');
		await page.focus('[data-year-pick-apply]');
		await waitForRender(page, 'ranking', () => page.keyboard.press('Enter'));
		expect(await page.getAttribute('[data-chart="trend"] [data-brush]', 'data-brush')).toBe(
			'2021-2023',
		);
		expect(new URL(page.url()).searchParams.get('yb')).toBe('2021-2023');
		await page.click('[data-clear-selection]');
	});

	test('the export menu opens with Enter, its choices are reachable with Tab', async () => {
		await tabTo('[data-chart="totals"] [data-export-menu]');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('screen');
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('slide');
		await page.keyboard.press('Tab');
		expect(
			await page.evaluate(() => document.activeElement?.hasAttribute('data-export-dark')),
		).toBe(true);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe(
			'png-2',
		);
		expect(await outline()).toBe('solid 3px');
		await page.keyboard.press('Escape');
	});

	test('every chart has its data table one click away and a summary in words', async () => {
		for (const chart of ['ranking', 'trend', 'totals', 'heatmap']) {
			const summary = await page.textContent(`[data-chart="${chart}"] [data-summary]`);
			expect(summary?.length, chart).toBeGreaterThan(20);
			await page.click(`[data-chart="${chart}"] [data-table-toggle]`);
			expect(await page.$(`[data-chart="${chart}"] [data-table] table`), chart).not.toBeNull();
			await page.click(`[data-chart="${chart}"] [data-table-toggle]`);
		}
	});
});

describe('the theme', () => {
	test('dark is chosen in the header, applied at once and remembered on the next visit', async () => {
		expect(await page.getAttribute('html', 'data-theme')).toBe('light');
		await page.selectOption('[data-theme-switch]', 'dark');
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(17, 20, 24)');

		await page.reload();
		await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		expect(await page.inputValue('[data-theme-switch]')).toBe('dark');
		await waitForRender(page, 'trend');
		await screenshot(page, 'overview-dark');
		await page.selectOption('[data-theme-switch]', 'system');
		expect(await page.getAttribute('html', 'data-theme')).toBe('light');
	});
});
