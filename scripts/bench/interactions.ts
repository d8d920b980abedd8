/**
 * Interaction latency: a seeded sequence of what people do on the dashboard (change the last year or
 * the first year, the measure, the province, the level; click a unit of the ranking to follow it, or
 * click it again to let go), performed with real Playwright input on a loaded app.
 *
 * An interaction starts at the input event (its `timeStamp`, caught by a capturing listener) and ends
 * at the first frame painted after the last chart it changes has a new `data-render-id`:
 *
 * - last year, province, level: tiles, ranking, trend, heatmap, totals (and the unit detail, if open,
 *   on a change of the last year: it shows that year);
 * - measure: ranking, trend, heatmap, totals (the tiles show fixed measures);
 * - first year: trend, heatmap, totals (the tiles and ranking show the last year);
 * - following a unit: trend, heatmap and the unit detail; letting go: trend and heatmap
 *
 * (of those, the ones on screen). Once those have redrawn, it waits a
 * further quiet spell (`quietMs`) so that any other chart that redraws counts too; the unoptimised run
 * also waits for every chart the optimised run saw redraw on the same interaction, since its slower
 * queries can leave longer gaps. A chart whose query fails still gets a new render id: failures are
 * counted. The sequence depends only on the seed and on what the page shows, so the optimised and the
 * unoptimised app (`opt=0`) go through the same interactions.
 */
import type { Browser, Page } from 'playwright-core';
import { Random } from '../data/prng.ts';
import { collectErrors, freshContext } from './browser.ts';
import { plan, type InteractionKind, type PageState, type Plan } from './plan.ts';
import type { StaticServer } from './serve.ts';

export type { InteractionKind } from './plan.ts';

export interface Interaction {
	kind: InteractionKind;
	/** The value chosen or the unit clicked. */
	value: string;
	ms: number;
	/** Charts redrawn. */
	charts: string[];
	/** Expected charts that never redrew within the timeout. */
	missing: string[];
	/** Charts showing a query error afterwards. */
	errors: number;
	/** The window measured, in the page's `performance.now()` (ms): input event, last chart painted. */
	startAt?: number;
	endAt?: number;
	/** When the last chart took its new `data-render-id` (page clock, ms): script before it, rendering after. */
	committedAt?: number;
}

export interface InteractionRun {
	query: string;
	/** Page load until ready (ms), for the record. */
	loadMs: number;
	interactions: Interaction[];
	/** True when the time budget ended the run before all interactions were done. */
	cutShort: boolean;
	pageErrors: string[];
}

interface WaitResult {
	t0: number | null;
	end: number;
	committed: number;
	charts: string[];
	missing: string[];
	errors: number;
}

function readState(): PageState {
	const select = (id: string) => document.querySelector<HTMLSelectElement>(`#${id}`)!;
	const options = (id: string) => [...select(id).options];
	return {
		province: select('filter-province').value,
		level: select('filter-level').value,
		yearFrom: Number(select('filter-year-from').value),
		yearTo: Number(select('filter-year-to').value),
		measure: select('filter-measure').value,
		provinces: options('filter-province').map((o) => o.value),
		levels: options('filter-level').map((o) => ({ value: o.value, disabled: o.disabled })),
		measures: options('filter-measure').map((o) => o.value),
		years: options('filter-year-to').map((o) => Number(o.value)),
		ranking: [...document.querySelectorAll('[data-chart="ranking"] [data-unit-key]')].map((g) => ({
			key: g.getAttribute('data-unit-key')!,
			pressed: g.getAttribute('aria-pressed') === 'true',
		})),
		focused: document.querySelector('[data-chart="unit-detail"]') !== null,
		charts: [...document.querySelectorAll('[data-chart]')].map((e) =>
			e.getAttribute('data-chart')!,
		),
	};
}

/** Resolves once the required charts have redrawn, nothing redrew for quietMs and all is painted. */
function waitForRedraw(args: {
	from: number;
	required: string[];
	quietMs: number;
	timeoutMs: number;
}): Promise<WaitResult> {
	const { from, required, quietMs, timeoutMs } = args;
	const started = performance.now();
	return new Promise((resolve) => {
		const tick = () => {
			const after = (window.__benchMarks ?? [])
				.slice(from)
				.filter((m) => m.attribute === 'data-render-id');
			const seen = new Set(after.map((m) => m.target));
			const missing = required.filter((r) => !seen.has(r));
			const last = after.reduce((t, m) => Math.max(t, m.at), 0);
			const now = performance.now();
			const painted = after.every((m) => m.painted !== undefined);
			const settled = missing.length === 0 && now - last >= quietMs && painted;
			if (settled || now - started > timeoutMs) {
				resolve({
					t0: window.__benchInput ?? null,
					end: after.reduce((t, m) => Math.max(t, m.painted ?? m.at), 0),
					committed: last,
					charts: [...seen].sort(),
					missing,
					errors: document.querySelectorAll('[data-chart] [role="alert"]').length,
				});
			} else setTimeout(tick, 5);
		};
		tick();
	});
}

const SELECT_OF: Partial<Record<InteractionKind, string>> = {
	'year-to': '#filter-year-to',
	'year-from': '#filter-year-from',
	measure: '#filter-measure',
	province: '#filter-province',
	level: '#filter-level',
};

async function perform(page: Page, step: Plan): Promise<void> {
	const select = SELECT_OF[step.kind];
	if (select) {
		await page.selectOption(select, step.value, { timeout: 10_000 });
		return;
	}
	const row = page.locator(`[data-chart="ranking"] [data-unit-key="${step.value}"]`);
	try {
		await row.click({ timeout: 5_000 });
	} catch {
		// Not clickable where Playwright aims (covered or moving): send the click to the row itself.
		await row.dispatchEvent('click');
	}
}

export interface InteractOptions {
	count: number;
	seed: number;
	budgetMs: number;
	quietMs: number;
	timeoutMs: number;
	/** Whether the sequence clicks ranking rows (default true; see PlanOptions). */
	units?: boolean;
	/**
	 * The same sequence run before (the optimised app): each interaction also waits for every chart
	 * that redrew then, so that a slow query queued behind the others is never cut off by the quiet spell.
	 */
	pairedWith?: Interaction[];
}

/** Run the interactions on a page where the app is loaded and ready. */
export async function interact(
	page: Page,
	options: InteractOptions,
): Promise<{ interactions: Interaction[]; cutShort: boolean }> {
	const random = new Random(options.seed);
	const interactions: Interaction[] = [];
	const started = Date.now();
	for (let i = 0; i < options.count; i++) {
		if (Date.now() - started > options.budgetMs) return { interactions, cutShort: true };
		const state = await page.evaluate(readState);
		const step = plan(random, state, { units: options.units ?? true });
		const before = options.pairedWith?.[i];
		if (before && before.kind === step.kind && before.value === step.value) {
			step.required = [...new Set([...step.required, ...before.charts])];
		}
		const from = await page.evaluate(() => {
			window.__benchInput = null;
			return window.__benchMarks?.length ?? 0;
		});
		await perform(page, step);
		const result = await page.evaluate(waitForRedraw, {
			from,
			required: step.required,
			quietMs: options.quietMs,
			timeoutMs: options.timeoutMs,
		});
		if (result.t0 === null) throw new Error(`no input event seen for ${step.kind} ${step.value}`);
		interactions.push({
			kind: step.kind,
			value: step.value,
			ms: Math.max(0, result.end - result.t0),
			charts: result.charts,
			missing: result.missing,
			errors: result.errors,
			startAt: result.t0,
			endAt: result.end,
			committedAt: result.committed,
		});
	}
	return { interactions, cutShort: false };
}

/** Load the app in a fresh context, then run the interactions. */
export async function runInteractions(
	browser: Browser,
	server: StaticServer,
	query: string,
	options: InteractOptions & {
		loadTimeoutMs: number;
		/** The page of the build to load (default index.html, the app). */
		page?: string;
		/** Called with the page before it navigates (to watch its requests from the first one). */
		onPage?: (page: Page) => void;
		/** Work on the loaded page before the interactions (ab.ts `--css` adds a style sheet). */
		beforehand?: (page: Page) => Promise<void>;
		/** Further work on the same loaded page once the interactions are done (the brush). */
		afterwards?: (page: Page) => Promise<void>;
	},
): Promise<InteractionRun> {
	const context = await freshContext(browser);
	const page = await context.newPage();
	const pageErrors = collectErrors(page);
	options.onPage?.(page);
	try {
		await page.goto(`${server.baseURL}${options.page ?? 'index.html'}?${query}`, {
			waitUntil: 'commit',
		});
		await page.waitForSelector('html[data-ready="true"], html[data-load-error]', {
			state: 'attached',
			timeout: options.loadTimeoutMs,
		});
		const loadError = await page.evaluate(() => document.documentElement.dataset.loadError);
		if (loadError) throw new Error(`the app failed to load (${query}): ${loadError}`);
		const loadMs = await page.evaluate(() => performance.now());
		await options.beforehand?.(page);
		const done = await interact(page, options);
		await options.afterwards?.(page);
		return { query, loadMs, ...done, pageErrors };
	} finally {
		await context.close();
	}
}
