/**
 * The benchmark's floor page (bench-floor.html): the least any DuckDB-WASM dashboard over this dataset
 * must do before it can draw. It starts DuckDB-WASM, fetches the dataset's Parquet files (in parallel
 * with the engine start) and decodes them with parquet-wasm, then inserts them into DuckDB, and nothing
 * else: no prepared tables, no queries, no UI. With `?floor=attach` it instead fetches the dataset's
 * prepared database file and attaches it (the path the app takes when the file is there). The app's cold start is compared with it (see
 * scripts/bench/). Timings are `performance.now()` values, i.e. milliseconds since navigation start.
 *
 * Once done it sets `html[data-floor-done="true"]`, `window.__floor` (timings) and
 * `window.__floorBench` (runs SQL on its DuckDB: the engine-ratio measurements use it).
 */
import type { Connector } from '../db/connector.ts';
import { fetchFrom, type Manifest } from '../db/load.ts';
import { parquetToIPC } from '../db/parquet-browser.ts';
import { wasmConnector } from '../db/wasm-connector.ts';
import { datasetFolder } from '../db/dataset-folder.ts';

export interface FloorTable {
	name: string;
	rows: number;
	parquetBytes: number;
	ipcBytes: number;
	decodeMs: number;
	insertMs: number;
}

export interface FloorTimings {
	dataset: string;
	scriptStart: number;
	engineReady: number;
	fetched: number;
	decoded: number;
	/** Engine started and every file decoded: the floor without inserting into DuckDB. */
	floorDecoded: number;
	/** Every table inserted into DuckDB: the data is queryable. The floor the benchmark uses. */
	floorInserted: number;
	/**
	 * With `?floor=attach`: the prepared database file fetched, registered and attached (no decode, no
	 * insert): the least a dashboard reading that file does. The Parquet marks are then 0.
	 */
	floorAttached?: number;
	tables: FloorTable[];
}

export interface FloorBench {
	/** Run a statement once; resolves to its duration in ms. */
	exec(sql: string): Promise<number>;
	/** Run a query `warmup` times untimed, then `runs` times timed; durations in ms and the row count. */
	time(sql: string, runs: number, warmup: number): Promise<{ ms: number[]; rows: number }>;
	/** Rows of a query as plain objects (small results only). */
	rows(sql: string): Promise<Record<string, unknown>[]>;
}

declare global {
	interface Window {
		__floor?: FloorTimings;
		__floorBench?: FloorBench;
		__floorError?: string;
	}
}

function benchApi(connector: Connector): FloorBench {
	return {
		async exec(sql) {
			const started = performance.now();
			await connector.exec(sql);
			return performance.now() - started;
		},
		async time(sql, runs, warmup) {
			let rows = 0;
			for (let i = 0; i < warmup; i++) rows = (await connector.query(sql)).numRows;
			const ms: number[] = [];
			for (let i = 0; i < runs; i++) {
				const started = performance.now();
				const table = await connector.query(sql);
				ms.push(performance.now() - started);
				rows = table.numRows;
			}
			return { ms, rows };
		},
		async rows(sql) {
			const table = await connector.query(sql);
			return table.toArray().map((row) => ({ ...(row.toJSON() as Record<string, unknown>) }));
		},
	};
}

async function floor(): Promise<void> {
	const scriptStart = performance.now();
	let engineReady = 0;
	const engine = wasmConnector().then((connector) => {
		engineReady = performance.now();
		return connector;
	});
	const folder = datasetFolder(new URLSearchParams(location.search));
	const read = fetchFrom(new URL(folder, document.baseURI).href);
	const manifest = JSON.parse(
		new TextDecoder().decode(await read('manifest.json', () => {})),
	) as Manifest;

	if (new URLSearchParams(location.search).get('floor') === 'attach') {
		const database = manifest.database;
		if (!database) throw new Error('this dataset has no prepared database file');
		const bytes = await read(database.file, () => {});
		const fetchedAt = performance.now();
		const connector = await engine;
		await connector.registerFile!(database.file, bytes);
		await connector.exec(`ATTACH '${database.file}' AS bundled (READ_ONLY)`);
		const floorAttached = performance.now();
		window.__floor = {
			dataset: manifest.dataset,
			scriptStart,
			engineReady,
			fetched: fetchedAt,
			decoded: 0,
			floorDecoded: 0,
			floorInserted: 0,
			floorAttached,
			tables: [],
		};
		window.__floorBench = benchApi(connector);
		document.documentElement.dataset.floorDone = 'true';
		return;
	}

	let fetched = 0;
	const tables: FloorTable[] = [];
	// Each file is decoded as soon as it has arrived, while the others are still downloading.
	const decoded = await Promise.all(
		manifest.tables.map(async (t) => {
			const bytes = await read(t.file, () => {});
			fetched = Math.max(fetched, performance.now());
			const started = performance.now();
			const ipc = await parquetToIPC(bytes);
			const entry: FloorTable = {
				name: t.name,
				rows: t.rows,
				parquetBytes: bytes.byteLength,
				ipcBytes: ipc.byteLength,
				decodeMs: performance.now() - started,
				insertMs: 0,
			};
			tables.push(entry);
			return { entry, ipc };
		}),
	);
	const decodedAt = performance.now();
	const connector = await engine;
	const floorDecoded = performance.now();
	for (const { entry, ipc } of decoded) {
		const started = performance.now();
		await connector.insertArrowIPC(entry.name, ipc);
		entry.insertMs = performance.now() - started;
	}
	const floorInserted = performance.now();

	window.__floor = {
		dataset: manifest.dataset,
		scriptStart,
		engineReady,
		fetched,
		decoded: decodedAt,
		floorDecoded,
		floorInserted,
		tables,
	};
	window.__floorBench = benchApi(connector);
	document.documentElement.dataset.floorDone = 'true';
}

floor().catch((error: unknown) => {
	window.__floorError = error instanceof Error ? (error.stack ?? error.message) : String(error);
	document.documentElement.dataset.floorError = 'true';
});
