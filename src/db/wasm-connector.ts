/**
 * DuckDB-WASM in a worker, started once per page (one shared promise). Only the eh and mvp builds ship.
 * Extension autoloading is off: the extension host is on the internet, and intranets have none.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import type { Connector } from './connector.ts';
import { EngineWatch, isEngineDeath, type EngineDeath } from './engine-watch.ts';

/** The build with WebAssembly exceptions (faster), and the one for engines without them. */
const EH_BUNDLE = { mainModule: ehWasm, mainWorker: ehWorker };
const MVP_BUNDLE = { mainModule: mvpWasm, mainWorker: mvpWorker };

/**
 * A module whose one function holds an empty `try … catch_all` block: it validates only where
 * WebAssembly exception handling is supported, which the eh build needs. Checked synchronously (where
 * duckdb.selectBundle awaits) so that the worker starts in the same task as the first call.
 */
const EXCEPTIONS_PROBE = new Uint8Array([
	...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
	...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00], // types: one, () -> ()
	...[0x03, 0x02, 0x01, 0x00], // functions: one, of type 0
	...[0x0a, 0x08, 0x01, 0x06, 0x00], // code: one body of 6 bytes, no locals
	...[0x06, 0x40, 0x19, 0x0b, 0x0b], // try (no result), catch_all, end; end of function
]);

function supportsWasmExceptions(): boolean {
	try {
		return WebAssembly.validate(EXCEPTIONS_PROBE);
	} catch {
		return false;
	}
}

type DeathListener = (reason: EngineDeath, detail: string) => void;

class WasmConnector implements Connector {
	readonly #watch: EngineWatch;
	readonly #listeners: DeathListener[] = [];
	#running = 0;

	constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly conn: duckdb.AsyncDuckDBConnection,
		worker: Worker,
	) {
		this.#watch = new EngineWatch({
			ping: () => db.getVersion(),
			busy: () => this.#running > 0,
			visible: () => document.visibilityState === 'visible',
			onDead: (reason, detail) => {
				for (const listener of this.#listeners) listener(reason, detail);
			},
		});
		worker.addEventListener('error', (event) =>
			this.#watch.died('error', event.message || 'worker error'),
		);
		this.#watch.start();
	}

	/** Run a call to the engine, counted as running, and a trap in it taken as the engine's death. */
	async #call<T>(run: () => Promise<T>): Promise<T> {
		this.#running++;
		try {
			return await run();
		} catch (error) {
			if (isEngineDeath(error)) this.#watch.died('trap', String(error));
			throw error;
		} finally {
			this.#running--;
		}
	}

	query(sql: string): Promise<Table> {
		return this.#call(() => this.conn.query(sql));
	}

	async exec(sql: string): Promise<void> {
		await this.#call(() => this.conn.query(sql));
	}

	insertArrowIPC(table: string, ipcStream: Uint8Array): Promise<void> {
		return this.#call(() =>
			this.conn.insertArrowFromIPCStream(ipcStream, { name: table, create: true }),
		);
	}

	registerFile(name: string, bytes: Uint8Array): Promise<void> {
		return this.#call(() => this.db.registerFileBuffer(name, bytes));
	}

	onDeath(listener: DeathListener): void {
		this.#listeners.push(listener);
		if (this.#watch.dead) listener('unresponsive', 'already dead');
	}

	async close(): Promise<void> {
		this.#watch.stop();
		await this.conn.close();
		await this.db.terminate();
	}
}

/**
 * A new DuckDB-WASM instance and the worker it runs in, opened with the app's settings.
 * `onWorker` receives the worker as soon as it exists (the SQL console watches its own for failures).
 */
async function startWorker(
	onWorker?: (worker: Worker) => void,
): Promise<{ db: duckdb.AsyncDuckDB; worker: Worker }> {
	const bundle = supportsWasmExceptions() ? EH_BUNDLE : MVP_BUNDLE;
	const worker = new Worker(bundle.mainWorker);
	onWorker?.(worker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule);
	await db.open({
		// SUM of integers is HUGEINT in DuckDB; JavaScript wants plain numbers.
		query: { castBigIntToDouble: true, castDecimalToDouble: true },
	});
	return { db, worker };
}

/**
 * A new DuckDB-WASM instance in its own worker, opened with the app's settings (no connection yet).
 * `onWorker` receives the worker as soon as it exists.
 */
export async function startDuckDB(
	onWorker?: (worker: Worker) => void,
): Promise<duckdb.AsyncDuckDB> {
	return (await startWorker(onWorker)).db;
}

async function start(): Promise<Connector> {
	// Read before the first await: the app rewrites the URL from its view state soon after it starts.
	const killHook = new URLSearchParams(location.search).get('debug') === 'kill-engine';
	const { db, worker } = await startWorker();
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	// Debug hook for the end-to-end test of a dead engine, enabled only by the URL flag
	// `?debug=kill-engine`: ends the worker the way the browser does when it discards one.
	if (killHook) {
		(window as unknown as { hdndKillEngine?: () => void }).hdndKillEngine = () =>
			worker.terminate();
	}
	return new WasmConnector(db, conn, worker);
}

let started: Promise<Connector> | undefined;

/** The page's DuckDB-WASM connector, started on first use. */
export function wasmConnector(): Promise<Connector> {
	started ??= start();
	return started;
}
