/**
 * DuckDB-WASM's blocking Node bindings behind the app's Connector: the same engine and the same settings
 * as the browser's (src/db/wasm-connector.ts), so that what it answers is what the page would get. Used
 * by the data build (answers.ts) and by the tests.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Connector } from '../../src/db/connector.ts';

const require = createRequire(import.meta.url);

/**
 * Arrow as the blocking bindings load it (CommonJS), for whatever handles their tables: the ES module build
 * is another copy, whose tableToIPC does not know this copy's tables and writes an empty stream.
 */
export const engineArrow = require('apache-arrow') as typeof import('apache-arrow');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));

/** A fresh in-memory DuckDB (WASM build, blocking bindings) behind the Connector interface. */
export async function nodeConnector(): Promise<Connector> {
	const db = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: join(dist, 'duckdb-mvp.wasm'),
				mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
			},
			eh: {
				mainModule: join(dist, 'duckdb-eh.wasm'),
				mainWorker: join(dist, 'duckdb-node-eh.worker.cjs'),
			},
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME,
	);
	await db.instantiate();
	// As the browser's: SUM of integers is HUGEINT in DuckDB, and JavaScript wants plain numbers.
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	conn.query('SET autoinstall_known_extensions = false');
	conn.query('SET autoload_known_extensions = false');
	return {
		query: async (sql) => conn.query(sql),
		exec: async (sql) => void conn.query(sql),
		insertArrowIPC: async (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }),
		registerFile: async (name, bytes) => db.registerFileBuffer(name, bytes),
		close: async () => conn.close(),
	};
}
