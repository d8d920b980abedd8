/** axe-core run in an app page: its violations, tagged with the screen and theme they were found on. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
	screen: string;
	theme: string;
	rule: string;
	impact: string;
	help: string;
	targets: string[];
}

/** The violations axe-core finds on the page as it stands. */
export async function axe(page: Page, screen: string, theme: string): Promise<Finding[]> {
	// Evaluated rather than added as a <script>: the app's Content-Security-Policy forbids inline scripts.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	const results = await page.evaluate(async () => {
		const run = (
			window as unknown as {
				axe: {
					run: (
						context: Document,
						options: object,
					) => Promise<{
						violations: {
							id: string;
							impact: string | null;
							help: string;
							nodes: { target: unknown[] }[];
						}[];
					}>;
				};
			}
		).axe.run;
		const { violations } = await run(document, { resultTypes: ['violations'] });
		return violations.map((v) => ({
			rule: v.id,
			impact: v.impact ?? 'unknown',
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')),
		}));
	});
	return results.map((r) => ({ ...r, screen, theme }));
}
