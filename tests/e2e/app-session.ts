/**
 * One browser and one native DuckDB per test file, shared by its tests: the set-up the dashboard and
 * comparison tests have in common. Call at the top level of a test file; it registers its own hooks.
 *
 *   const app = appSession();
 *   test('…', async () => {
 *     const page = await app.open('/?lv=commune');
 *     const rows = await app.native.rows('SELECT …');
 *   });
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../helpers/node-connector.ts';
import { nativeDuckDB, type NativeDb } from '../helpers/native-duckdb.ts';
import { launchBrowser, openApp } from './harness.ts';

export interface AppSession {
	/** Native DuckDB over the files the preview server serves: another engine, another Parquet reader. */
	readonly native: NativeDb;
	/** Every page opened so far, for checks that span the file (no foreign requests, no errors). */
	readonly pages: readonly Page[];
	/** Open the app at a path and wait until it is ready. */
	open(path?: string): Promise<Page>;
}

export function appSession(): AppSession {
	let context: BrowserContext | undefined;
	let native: NativeDb | undefined;
	const pages: Page[] = [];

	beforeAll(async () => {
		context = await launchBrowser();
		native = await nativeDuckDB(join(ROOT, 'dist', 'data'));
	});
	afterAll(async () => {
		native?.close();
		await context?.close();
	});

	return {
		get native() {
			if (!native) throw new Error('appSession: native DuckDB is opened in beforeAll');
			return native;
		},
		pages,
		async open(path = '/') {
			if (!context) throw new Error('appSession: the browser is started in beforeAll');
			const page = await openApp(context, path);
			pages.push(page);
			return page;
		},
	};
}
