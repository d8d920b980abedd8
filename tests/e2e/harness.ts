/**
 * Helpers shared by the end-to-end tests: a headless Debian Chromium driven by playwright-core, an app
 * page that is only handed out once the app says it is ready, request/error bookkeeping and screenshots.
 *
 * Typical test file:
 *
 *   let context: BrowserContext;
 *   beforeAll(async () => { context = await launchBrowser(); });
 *   afterAll(async () => { await context?.close(); });
 *   test('…', async () => {
 *     const page = await openApp(context, '/?view=units');
 *     const before = await renderId(page, 'ranking');
 *     await page.getByRole('button', { name: '…' }).click();
 *     await waitForRenderChange(page, 'ranking', before);
 *     expect(foreignRequests(page)).toEqual([]);
 *   });
 *
 * Never wait on fixed delays: wait on `html[data-ready]`, `data-render-id` or a locator.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium; CHROMIUM_PATH overrides it on machines that keep it elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 } as const;
export const READY_TIMEOUT_MS = 120_000;
export const RENDER_TIMEOUT_MS = 60_000;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** What happened on one page since openApp() created it. */
interface PageLog {
	origin: string;
	seen: WeakSet<Request>;
	requests: string[];
	failedRequests: string[];
	pageErrors: string[];
	consoleErrors: string[];
}

const logs = new WeakMap<Page, PageLog>();
const instrumented = new WeakSet<BrowserContext>();

/** Base URL of the preview server started by the global setup, e.g. `http://127.0.0.1:41234/`. */
export function baseURL(): string {
	return inject('baseURL');
}

/**
 * A fresh headless Chromium with its own throw-away profile (removed on close). Returns the browser
 * context; `context.close()` shuts the browser down. One per test file is plenty.
 */
export async function launchBrowser(): Promise<BrowserContext> {
	const profile = mkdtempSync(join(tmpdir(), 'hdnd-e2e-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: VIEWPORT,
			locale: 'vi-VN',
			timezoneId: 'Asia/Ho_Chi_Minh',
		});
	} catch (error) {
		rmSync(profile, { recursive: true, force: true });
		throw new Error(
			`could not start Chromium at ${CHROMIUM_PATH} (install it with ` +
				'`apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH)',
			{ cause: error },
		);
	}
	// Chromium still writes to the profile while the 'close' event fires: remove it once close() is done.
	const close = context.close.bind(context);
	context.close = async (options) => {
		try {
			await close(options);
		} finally {
			rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
		}
	};
	// Playwright's 30 s default for a wait is too short on a busy 2-core machine (the SQL page's first
	// completion waits for the console's own engine to load the data): every wait without its own limit
	// gets the render limit instead.
	context.setDefaultTimeout(RENDER_TIMEOUT_MS);
	instrument(context);
	return context;
}

function record(log: PageLog, request: Request): void {
	if (log.seen.has(request)) return;
	log.seen.add(request);
	log.requests.push(request.url());
}

/** The page a request belongs to, or undefined for requests that have none (service workers). */
function pageOf(request: Request): Page | undefined {
	try {
		return request.frame().page();
	} catch {
		return undefined;
	}
}

/**
 * Context-level request bookkeeping, so requests that do not surface on the page (workers) are not
 * missed. A request that cannot be tied to one page is charged to every open page of the context.
 */
function instrument(context: BrowserContext): void {
	if (instrumented.has(context)) return;
	instrumented.add(context);
	context.on('request', (request) => {
		const owner = pageOf(request);
		const pages = owner ? [owner] : context.pages();
		for (const page of pages) {
			const log = logs.get(page);
			if (log) record(log, request);
		}
	});
}

/** Options of openApp(). */
export interface OpenOptions {
	/**
	 * Give up as soon as the page throws an uncaught error before it is ready (default true): a crashed
	 * start-up never sets `data-ready`, and waiting the full 120 s for it only burns CI time.
	 */
	failOnPageError?: boolean;
}

/**
 * Opens baseURL+path in a new 1366×768 page and resolves once the app has set `html[data-ready="true"]`.
 * Throws with the app's message if `html[data-load-error]` appears instead, on the first uncaught page
 * error before that (see OpenOptions), and if neither shows up within 120 s; the error lists the page
 * errors, console errors and failed requests seen so far, and a screenshot is saved as
 * `open-failed.png`. From the moment the page exists every request, uncaught page error and console
 * error is recorded (see foreignRequests, pageErrors, consoleErrors).
 */
export async function openApp(
	context: BrowserContext,
	path = '/',
	options: OpenOptions = {},
): Promise<Page> {
	instrument(context);
	const url = new URL(path.replace(/^\/+/, ''), baseURL()).href;
	const page = await context.newPage();
	await page.setViewportSize(VIEWPORT);
	const log: PageLog = {
		origin: new URL(baseURL()).origin,
		seen: new WeakSet(),
		requests: [],
		failedRequests: [],
		pageErrors: [],
		consoleErrors: [],
	};
	logs.set(page, log);
	let crashed: (error: Error) => void = () => {};
	const crash = new Promise<never>((_, reject) => {
		crashed = reject;
	});
	crash.catch(() => {});
	page.on('request', (request) => record(log, request));
	page.on('websocket', (socket) => log.requests.push(socket.url()));
	page.on('requestfailed', (request) =>
		log.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`),
	);
	page.on('pageerror', (error) => {
		log.pageErrors.push(error.stack ?? error.message);
		if (options.failOnPageError ?? true) crashed(new Error('uncaught error in the page'));
	});
	page.on('crash', () => crashed(new Error('the page crashed')));
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const { url: source, lineNumber } = message.location();
		log.consoleErrors.push(source ? `${message.text()} (${source}:${lineNumber})` : message.text());
	});

	try {
		await Promise.race([
			crash,
			(async () => {
				await page.goto(url, { waitUntil: 'domcontentloaded', timeout: READY_TIMEOUT_MS });
				await page.waitForSelector('html[data-ready="true"], html[data-load-error]', {
					state: 'attached',
					timeout: READY_TIMEOUT_MS,
				});
			})(),
		]);
	} catch (error) {
		await failureScreenshot(page);
		throw new Error(`${url} never became ready${describeErrors(log)}`, { cause: error });
	}
	const loadError = await page.evaluate(() =>
		document.documentElement.getAttribute('data-load-error'),
	);
	if (loadError !== null) {
		await failureScreenshot(page);
		throw new Error(
			`${url} failed to load: ${loadError || '(empty data-load-error)'}${describeErrors(log)}`,
		);
	}
	return page;
}

async function failureScreenshot(page: Page): Promise<void> {
	try {
		await screenshot(page, 'open-failed');
	} catch {
		// The page may be gone; the error message matters more than the picture.
	}
}

function describeErrors(log: PageLog): string {
	const lines = [
		...log.pageErrors.map((e) => `page error: ${e}`),
		...log.consoleErrors.map((e) => `console error: ${e}`),
		...log.failedRequests.map((e) => `request failed: ${e}`),
	];
	return lines.length ? `\n${lines.join('\n')}` : '';
}

function logOf(page: Page): PageLog {
	const log = logs.get(page);
	if (!log) throw new Error('page was not opened with openApp()');
	return log;
}

/** Every URL the page (and its workers) requested so far, in order. */
export function requests(page: Page): string[] {
	return [...logOf(page).requests];
}

/** Requests whose origin is not the app's; data: and blob: URLs stay inside the page and are allowed. */
export function foreignRequests(page: Page): string[] {
	const { origin, requests } = logOf(page);
	return requests.filter((url) => {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			return true;
		}
		if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
		return parsed.origin !== origin;
	});
}

/** Uncaught exceptions and unhandled rejections in the page, as stack traces. */
export function pageErrors(page: Page): string[] {
	return [...logOf(page).pageErrors];
}

/** `console.error` output of the page, including the browser's own "Failed to load resource" lines. */
export function consoleErrors(page: Page): string[] {
	return [...logOf(page).consoleErrors];
}

/** Requests that failed at the network level (refused, aborted, blocked). */
export function failedRequests(page: Page): string[] {
	return [...logOf(page).failedRequests];
}

/** Saves a PNG of the viewport (or the whole page) to test-results/screenshots/<name>.png. */
export async function screenshot(
	page: Page,
	name: string,
	options: { fullPage?: boolean } = {},
): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name}.png`);
	await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
	return path;
}

function chartSelector(chart: string): string {
	return `[data-chart="${chart.replace(/["\\]/g, '\\$&')}"]`;
}

/** Current `data-render-id` of `[data-chart="<chart>"]`, or null if it has not rendered (or is absent). */
export async function renderId(page: Page, chart: string): Promise<string | null> {
	return page.evaluate(
		(selector) => document.querySelector(selector)?.getAttribute('data-render-id') ?? null,
		chartSelector(chart),
	);
}

/**
 * Waits until `[data-chart="<chart>"]` carries a `data-render-id` other than `before` (take `before`
 * with renderId() before the interaction). Resolves to the new id.
 */
export async function waitForRenderChange(
	page: Page,
	chart: string,
	before: string | null,
	timeout = RENDER_TIMEOUT_MS,
): Promise<string> {
	const selector = chartSelector(chart);
	try {
		const handle = await page.waitForFunction(
			([sel, previous]) => {
				const id = document.querySelector(sel)?.getAttribute('data-render-id');
				return id != null && id !== previous ? id : false;
			},
			[selector, before] as const,
			{ timeout },
		);
		return (await handle.jsonValue()) as string;
	} catch (error) {
		throw new Error(
			`${selector} did not re-render (data-render-id stayed ${JSON.stringify(before)})` +
				describeErrors(logOf(page)),
			{ cause: error },
		);
	}
}

/**
 * With an action: captures the chart's render id, runs the action, waits for a new render and returns
 * its id. Without: waits until the chart has rendered at least once.
 */
export async function waitForRender(
	page: Page,
	chart: string,
	action?: () => Promise<unknown>,
	timeout = RENDER_TIMEOUT_MS,
): Promise<string> {
	if (!action) return waitForRenderChange(page, chart, null, timeout);
	const before = await renderId(page, chart);
	await action();
	return waitForRenderChange(page, chart, before, timeout);
}

/**
 * Captures the render ids of several charts, runs the action, and waits until every one of them has
 * re-rendered: an interaction is over only when every chart it touches shows the new data.
 */
export async function waitForRenders(
	page: Page,
	charts: readonly string[],
	action: () => Promise<unknown>,
	timeout = RENDER_TIMEOUT_MS,
): Promise<void> {
	const before = await Promise.all(charts.map((chart) => renderId(page, chart)));
	await action();
	await Promise.all(
		charts.map((chart, i) => waitForRenderChange(page, chart, before[i]!, timeout)),
	);
}

/**
 * Import `csv` as the file `name` on the data page (already open): drop it on the file input, wait for
 * the check to accept `accepted` rows, import it, and wait until the list of imports shows it.
 */
export async function importCsv(
	page: Page,
	name: string,
	csv: string,
	accepted: number,
): Promise<void> {
	await page.setInputFiles('input[type=file]', {
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(csv),
	});
	await page.waitForSelector(`[data-import-status="checked"] .report[data-accepted="${accepted}"]`);
	await page.click('button.primary');
	await page.waitForSelector(`[data-chart="imports"] tr[data-file="${name}"]`);
}
