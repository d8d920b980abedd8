/**
 * Headless Debian Chromium driven by playwright-core, and the page instrumentation the measurements
 * read: an init script that timestamps (with `performance.now()`, i.e. since navigation start) every
 * change of `data-ready`, `data-loading-stage`, `data-render-id`, and the first frame painted after it;
 * catches the time of input events (capturing listeners) and keeps the page's WebAssembly memories.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 } as const;

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// performance.memory with exact figures instead of bucketed ones.
	'--enable-precise-memory-info',
];

/** A browser with a throw-away profile (playwright-core makes and removes it). */
export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/** One attribute change seen by the page instrumentation. */
export interface Mark {
	/** `data-chart` of the element, or 'html' / 'loading'. */
	target: string;
	attribute: string;
	value: string | null;
	/** performance.now() when the change was observed (a microtask after it). */
	at: number;
	/** performance.now() in the first task after the next frame: the change is on screen by then. */
	painted?: number;
}

declare global {
	interface Window {
		__benchMarks?: Mark[];
		/** When the current interaction's first input event happened (interactions.ts resets it). */
		__benchInput?: number | null;
		/** Memories of the WebAssembly instances the page created (parquet-wasm), for memory.ts. */
		__benchWasmMemories?: WebAssembly.Memory[];
	}
}

/** Runs in every page before its own scripts. */
function instrument(): void {
	const memories: WebAssembly.Memory[] = [];
	window.__benchWasmMemories = memories;
	const keep = (result: WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance) => {
		const instance = result instanceof WebAssembly.Instance ? result : result.instance;
		for (const value of Object.values(instance.exports)) {
			if (value instanceof WebAssembly.Memory) memories.push(value);
		}
		return result;
	};
	const instantiate = WebAssembly.instantiate.bind(WebAssembly);
	const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
	WebAssembly.instantiate = ((source: never, imports?: WebAssembly.Imports) =>
		instantiate(source, imports).then(keep)) as typeof WebAssembly.instantiate;
	WebAssembly.instantiateStreaming = (source, imports) =>
		instantiateStreaming(source, imports).then(
			keep,
		) as Promise<WebAssembly.WebAssemblyInstantiatedSource>;

	// The first input event of an interaction: its timeStamp (when the input happened).
	window.__benchInput = null;
	const input = (event: Event) => {
		if (window.__benchInput !== null) return;
		const now = performance.now();
		window.__benchInput = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
	};
	window.addEventListener('change', input, true);
	window.addEventListener('click', input, true);

	// Whether the page is inside an animation-frame callback (or the microtasks right after it). A change
	// made there is painted in this very frame (vgplot redraws so), not in the next one.
	let inFrame = false;
	const requestFrame = window.requestAnimationFrame.bind(window);
	window.requestAnimationFrame = (callback) =>
		requestFrame((time) => {
			inFrame = true;
			try {
				callback(time);
			} finally {
				// Queued after the callback's own mutations: the observer below still sees the flag set.
				queueMicrotask(() => (inFrame = false));
			}
		});

	const marks: Mark[] = [];
	window.__benchMarks = marks;
	const observer = new MutationObserver((records) => {
		const at = performance.now();
		const batch: Mark[] = [];
		for (const record of records) {
			const element = record.target as Element;
			const name = record.attributeName ?? '';
			const target =
				element === document.documentElement
					? 'html'
					: (element.getAttribute('data-chart') ??
						(element.hasAttribute('data-loading-stage') ? 'loading' : element.tagName));
			batch.push({ target, attribute: name, value: element.getAttribute(name), at });
		}
		marks.push(...batch);
		// The first task after the frame that shows the change: a task queued from inside a frame runs once
		// that frame is painted; otherwise wait for the next frame first.
		const afterPaint = () =>
			setTimeout(() => {
				const painted = performance.now();
				for (const mark of batch) mark.painted = painted;
			}, 0);
		if (inFrame) afterPaint();
		else requestFrame(afterPaint);
	});
	observer.observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['data-ready', 'data-load-error', 'data-loading-stage', 'data-render-id'],
	});
}

/** A fresh context (empty cache, no storage) with the instrumentation installed. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
	// tsx (esbuild keepNames) wraps named inner functions in __name(): functions sent to the page need it.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	await context.addInitScript(instrument);
	return context;
}

/** Errors a page reported, for the log. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('crash', () => errors.push('page crashed'));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text().slice(0, 300));
	});
	return errors;
}

export async function marks(page: Page): Promise<Mark[]> {
	return page.evaluate(() => window.__benchMarks ?? []);
}
