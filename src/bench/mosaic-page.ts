/**
 * The Mosaic/vgplot side of the latency comparison (bench-mosaic.html; scripts/bench/mosaic.ts drives
 * it): the overview's ranking, trend and heatmap drawn by vgplot over the same dataset files, in a
 * DuckDB-WASM started from the project's own bundled files (src/db/wasm-connector.ts) and handed to
 * Mosaic's coordinator, so nothing is fetched from a CDN.
 *
 * The filter menus carry the app's ids and option values, so the seeded plan reads both pages alike.
 * A menu change updates, for each chart whose predicate changed, that chart's Mosaic Selection; vgplot
 * then queries and redraws it. Each chart's element gets a new `data-render-id` whenever vgplot
 * replaces its contents, and `html[data-ready]` once all three have drawn: the signals the bench
 * harness waits for on the app.
 */
import * as vg from '@uwdata/vgplot';
import { fetchFrom } from '../db/load.ts';
import { parseManifest } from '../db/manifest.ts';
import { parquetToIPC } from '../db/parquet-browser.ts';
import { prepareSql } from '../db/prepare.ts';
import { startDuckDB } from '../db/wasm-connector.ts';
import { FIRST_YEAR, LAST_YEAR } from '../model/periods.ts';
import { MEASURES } from '../model/measures.ts';
import { LEVELS } from '../model/units.ts';
import { datasetFolder } from '../db/dataset-folder.ts';
import {
	applyMenu,
	districtsGone,
	initialFilters,
	type BenchFilters,
	type MenuKind,
} from './mosaic-filters.ts';
import { chartPredicate, mosaicPrepareSql, ROWS, type ChartName } from './mosaic-sql.ts';

/** Load the dataset's tables into a fresh DuckDB-WASM and build the app's prepared tables and ours. */
async function loadDatabase() {
	const db = await startDuckDB();
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	const read = fetchFrom(
		new URL(datasetFolder(new URLSearchParams(location.search)), document.baseURI).href,
	);
	const manifest = parseManifest(await read('manifest.json', () => {}));
	for (const table of manifest.tables) {
		const ipc = await parquetToIPC(await read(table.file, () => {}));
		await conn.insertArrowFromIPCStream(ipc, { name: table.name, create: true });
	}
	for (const statement of [...prepareSql(true), ...mosaicPrepareSql()]) await conn.query(statement);
	return { db, conn };
}

const MENUS: [MenuKind, string][] = [
	['province', 'filter-province'],
	['level', 'filter-level'],
	['year-from', 'filter-year-from'],
	['year-to', 'filter-year-to'],
	['measure', 'filter-measure'],
];

function menu(id: string, options: string[]): HTMLSelectElement {
	const select = document.createElement('select');
	select.id = id;
	for (const value of options) select.add(new Option(value || '(whole country)', value));
	return select;
}

/** Show the filters on the menus (a change can move others: the level, the first year). */
function showFilters(selects: Map<MenuKind, HTMLSelectElement>, f: BenchFilters): void {
	selects.get('province')!.value = f.province ?? '';
	selects.get('level')!.value = f.level;
	for (const option of selects.get('level')!.options) {
		option.disabled = option.value === 'district' && districtsGone(f);
	}
	selects.get('year-from')!.value = String(f.yearFrom);
	selects.get('year-to')!.value = String(f.yearTo);
	selects.get('measure')!.value = f.measure;
}

/** A chart container whose `data-render-id` counts vgplot's redraws of the plot in it. */
function chartBox(name: ChartName, plot: HTMLElement, onRender: () => void): HTMLElement {
	const box = document.createElement('section');
	box.dataset.chart = name;
	// Appended before the observer starts: only vgplot's own redraws count, not this insertion.
	box.append(plot);
	let renders = 0;
	// vgplot redraws by replacing the plot element's children; the attribute follows each redraw.
	new MutationObserver(() => {
		box.dataset.renderId = String(++renders);
		onRender();
	}).observe(box, { childList: true, subtree: true });
	return box;
}

function plotOf(name: ChartName, selection: vg.Selection): HTMLElement {
	const data = vg.from(ROWS, { filterBy: selection });
	switch (name) {
		case 'ranking':
			return vg.plot(
				vg.barX(data, { x: 'value', y: 'label', fill: 'steelblue', sort: { y: '-x' } }),
				vg.width(520),
				vg.height(640),
				vg.marginLeft(170),
				vg.yLabel(null),
			);
		case 'trend':
			return vg.plot(
				vg.lineY(data, { x: 'year', y: 'value', stroke: 'label' }),
				vg.dot(data, { x: 'year', y: 'value', fill: 'label' }),
				vg.width(520),
				vg.height(300),
				vg.xTickFormat('d'),
			);
		case 'heatmap':
			return vg.plot(
				vg.cell(data, { x: 'year', y: 'label', fill: 'value' }),
				vg.colorScheme('blues'),
				vg.xTickFormat('d'),
				vg.width(520),
				vg.height(420),
				vg.marginLeft(170),
				vg.yLabel(null),
			);
	}
}

async function main(): Promise<void> {
	const { db, conn } = await loadDatabase();
	// The coordinator logs every query to the console by default; the app logs nothing, and the bench
	// harness listens to the console (each message would cross the DevTools protocol). Errors still show.
	const quiet = () => {};
	vg.coordinator().logger({
		debug: quiet,
		info: quiet,
		log: quiet,
		group: quiet,
		groupCollapsed: quiet,
		groupEnd: quiet,
		warn: (...args: unknown[]) => console.warn(...args),
		error: (...args: unknown[]) => console.error(...args.map(String)),
	});
	// mosaic-core types its own duckdb-wasm copy; the instance is the project's (same API, 1.32).
	vg.coordinator().databaseConnector(
		vg.wasmConnector({ duckdb: db, connection: conn } as unknown as Parameters<
			typeof vg.wasmConnector
		>[0]),
	);

	const provinces = (
		await conn.query(
			`SELECT scheme || ':' || code AS key FROM units WHERE level = 'province' ORDER BY scheme DESC, code`,
		)
	)
		.toArray()
		.map((row) => String((row as { key: string }).key));
	const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) =>
		String(FIRST_YEAR + i),
	);
	const optionsOf: Record<MenuKind, string[]> = {
		province: ['', ...provinces],
		level: [...LEVELS],
		'year-from': years,
		'year-to': years,
		measure: MEASURES.map((m) => m.id),
	};

	let filters = initialFilters();
	const charts: ChartName[] = ['ranking', 'trend', 'heatmap'];
	const selections = new Map(charts.map((c) => [c, vg.Selection.intersect()]));
	const shown = new Map<ChartName, string>();
	// Only charts whose predicate changed get a new clause: the others neither query nor redraw.
	const applyFilters = () => {
		for (const chart of charts) {
			const predicate = chartPredicate(chart, filters);
			if (shown.get(chart) === predicate) continue;
			shown.set(chart, predicate);
			selections.get(chart)!.update({
				source: selections.get(chart)!,
				fields: [],
				value: predicate,
				predicate: vg.sql`${predicate}`,
			});
		}
	};
	applyFilters();

	const form = document.createElement('form');
	const selects = new Map<MenuKind, HTMLSelectElement>();
	for (const [kind, id] of MENUS) {
		const select = menu(id, optionsOf[kind]);
		select.addEventListener('change', () => {
			filters = applyMenu(filters, kind, select.value);
			showFilters(selects, filters);
			applyFilters();
		});
		selects.set(kind, select);
		form.append(select);
	}
	showFilters(selects, filters);

	const drawn = new Set<ChartName>();
	const grid = document.createElement('main');
	for (const chart of charts) {
		const box = chartBox(chart, plotOf(chart, selections.get(chart)!), () => {
			drawn.add(chart);
			if (drawn.size === charts.length) document.documentElement.dataset.ready = 'true';
		});
		grid.append(box);
	}
	document.body.append(form, grid);
}

main().catch((error: unknown) => {
	document.documentElement.dataset.loadError =
		error instanceof Error ? (error.stack ?? error.message) : String(error);
});
