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

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

class WasmConnector implements Connector {
	constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly conn: duckdb.AsyncDuckDBConnection,
	) {}

	query(sql: string): Promise<Table> {
		return this.conn.query(sql);
	}

	async exec(sql: string): Promise<void> {
		await this.conn.query(sql);
	}

	insertArrowIPC(table: string, ipcStream: Uint8Array): Promise<void> {
		return this.conn.insertArrowFromIPCStream(ipcStream, { name: table, create: true });
	}

	async close(): Promise<void> {
		await this.conn.close();
		await this.db.terminate();
	}
}

/**
 * A new DuckDB-WASM instance in its own worker, opened with the app's settings (no connection yet).
 * `onWorker` receives the worker as soon as it exists (the SQL console watches its own for failures).
 */
export async function startDuckDB(
	onWorker?: (worker: Worker) => void,
): Promise<duckdb.AsyncDuckDB> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	onWorker?.(worker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule);
	await db.open({
		// SUM of integers is HUGEINT in DuckDB; JavaScript wants plain numbers.
		query: { castBigIntToDouble: true, castDecimalToDouble: true },
	});
	return db;
}

async function start(): Promise<Connector> {
	const db = await startDuckDB();
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	return new WasmConnector(db, conn);
}

let started: Promise<Connector> | undefined;

/** The page's DuckDB-WASM connector, started on first use. */
export function wasmConnector(): Promise<Connector> {
	started ??= start();
	return started;
}
