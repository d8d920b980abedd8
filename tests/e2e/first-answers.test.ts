/**
 * The first screen drawn from the answers shipped with the data (src/db/answers.ts): the page paints
 * them as soon as the database file is attached, and the engine checks them in idle time. A wrong
 * answer (here the ranking's values ×100, in a copy of the data folder served beside the built one) is
 * caught, and the engine's own answer replaces it on screen.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ANSWERS_FILE, answersFileBytes, parseAnswers } from '../../src/db/answers.ts';
import { engineArrow } from '../../scripts/data/wasm-node.ts';
import { loadedConnector } from '../helpers/node-connector.ts';
import {
	READY_TIMEOUT_MS,
	launchBrowser,
	openApp,
	pageErrors,
	RENDER_TIMEOUT_MS,
	screenshot,
} from './harness.ts';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const WRONG_FOLDER = `e2e-wrong-answers-${process.pid}`;
const FIRST_BAR = '[data-chart="ranking"] g[data-unit-key]';

/** The ranking's highest value (its first bar), as the engine answers the first screen's ranking. */
let truth: number;

/** Keeps the first ranking bar's value at the moment the page says it is ready: what was painted first. */
async function rememberFirstPaint(context: BrowserContext): Promise<void> {
	await context.addInitScript((selector: string) => {
		new MutationObserver((_, observer) => {
			if (document.documentElement?.dataset.ready !== 'true') return;
			const bar = document.querySelector(selector);
			(window as unknown as { firstBar: unknown }).firstBar = Number(
				bar?.getAttribute('data-value'),
			);
			observer.disconnect();
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
	}, FIRST_BAR);
}

const firstPaint = (page: Page) =>
	page.evaluate(() => (window as unknown as { firstBar: number }).firstBar);

let context: BrowserContext;
beforeAll(async () => {
	const folder = join(DIST, WRONG_FOLDER);
	cpSync(join(DIST, 'data'), folder, { recursive: true });
	const manifestPath = join(folder, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const answers = parseAnswers(
		new Uint8Array(readFileSync(join(folder, ANSWERS_FILE))),
		manifest.database.sha256,
	);
	const ranking = answers.find((a) => a.sql.startsWith('WITH ranked'))!;
	const { db } = await loadedConnector(folder);
	try {
		const ranked = (await db.query(ranking.sql)).toArray().filter((row) => row.part === 'rank');
		truth = Math.max(...ranked.map((row) => Number(row.value ?? -Infinity)));
		// Same columns and order, every ranked value ×100: an answer a stale or doctored file could hold.
		const wrong =
			await db.query(`SELECT * REPLACE (CASE WHEN part = 'rank' THEN value * 100 ELSE value END AS value)
			FROM (${ranking.sql}) ORDER BY part, unit_key, year`);
		const bytes = answersFileBytes(
			manifest.database.sha256,
			answers.map(({ sql, ipc }) => ({
				sql,
				ipc: sql === ranking.sql ? engineArrow.tableToIPC(wrong, 'stream') : ipc,
			})),
		);
		writeFileSync(join(folder, ANSWERS_FILE), bytes);
		manifest.answers = {
			file: ANSWERS_FILE,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
		};
		writeFileSync(manifestPath, JSON.stringify(manifest));
	} finally {
		await db.close();
	}
	context = await launchBrowser();
	await rememberFirstPaint(context);
}, 180_000);
afterAll(async () => {
	await context?.close();
	rmSync(join(DIST, WRONG_FOLDER), { recursive: true, force: true });
});

describe("the first screen's shipped answers", () => {
	test('are painted first, and the engine then finds them the same', async () => {
		const page = await openApp(context, '/');
		expect(await firstPaint(page)).toBe(truth);
		await page.waitForSelector('html[data-answers="verified"]', {
			state: 'attached',
			timeout: READY_TIMEOUT_MS,
		});
		expect(pageErrors(page)).toEqual([]);
		await page.close();
	});

	test("a wrong one is painted, caught by the engine's check, and replaced on screen", async () => {
		const page = await openApp(context, `/?data=${WRONG_FOLDER}`);
		// What the doctored file said is what the page showed first: the answers are really used.
		expect(await firstPaint(page)).toBe(truth * 100);
		await page.waitForSelector('html[data-answers="corrected"]', {
			state: 'attached',
			timeout: READY_TIMEOUT_MS,
		});
		// The views asked again: the engine's answer is drawn.
		await page.waitForFunction(
			([selector, expected]) => {
				const bar = document.querySelector(selector);
				return bar !== null && Number(bar.getAttribute('data-value')) === expected;
			},
			[FIRST_BAR, truth] as const,
			{ timeout: RENDER_TIMEOUT_MS },
		);
		await screenshot(page, 'first-answers-corrected');
		expect(pageErrors(page)).toEqual([]);
		await page.close();
	});
});
