/** Waits shared by the notebook tests. */
import type { Page } from 'playwright-core';

/** Wait until every SQL cell of the open notebook `id` has run. */
export async function allCellsRan(target: Page, id: string): Promise<void> {
	await target.waitForFunction((notebook) => {
		const article = document.querySelector(`[data-notebook="${notebook}"]`);
		if (!article || article.getAttribute('data-running') !== 'false') return false;
		const states = [...article.querySelectorAll('[data-cell-status]')].map((e) =>
			e.getAttribute('data-cell-status'),
		);
		return states.length > 0 && states.every((s) => s === 'ran');
	}, id);
}
