/** Exporting through a chart's menu as a person does, and getting the downloaded file. */
import type { Page } from 'playwright-core';

export interface Saved {
	path: string;
	name: string;
}

/** Opens the export menu of a chart ('view' for the whole screen), picks options, clicks an action. */
export async function exportFile(
	page: Page,
	chart: string,
	action: string,
	options: { preset?: string; dark?: boolean } = {},
): Promise<Saved> {
	const scope = chart === 'view' ? '[data-view-export]' : `[data-chart="${chart}"]`;
	const menu = page.locator(`${scope} [data-export-menu]`);
	if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
	await page.locator(`${scope} [data-export-preset="${options.preset ?? 'screen'}"]`).check();
	await page.locator(`${scope} [data-export-dark]`).setChecked(options.dark ?? false);
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		page.locator(`${scope} [data-export="${action}"]`).click(),
	]);
	const path = await download.path();
	return { path, name: download.suggestedFilename() };
}
