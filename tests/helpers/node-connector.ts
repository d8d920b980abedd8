/**
 * DuckDB-WASM's blocking Node bindings behind the app's Connector, with the bundled data loaded through
 * the same loadDataset() the browser uses: the prepared database file attached when the dataset has one,
 * or else parquet-wasm decode, Arrow IPC insert and the prepared tables.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { readParquet } from 'parquet-wasm';
import type { Connector } from '../../src/db/connector.ts';
import { ownTablesSql } from '../../src/db/bundled.ts';
import { loadDataset, type Manifest } from '../../src/db/load.ts';
import { prepareSql } from '../../src/db/prepare.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = join(ROOT, 'public', 'data');

const require = createRequire(import.meta.url);
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

/** Decode Parquet with parquet-wasm in Node (the package's Node build needs no init). */
export async function decodeParquetNode(bytes: Uint8Array): Promise<Uint8Array> {
	return readParquet(bytes).intoIPCStream();
}

/** A connector with the bundled dataset (public/data, built by `npm run data`) loaded and prepared. */
export async function loadedConnector(
	dataDir = DATA_DIR,
): Promise<{ db: Connector; manifest: Manifest }> {
	const db = await nodeConnector();
	const { manifest } = await loadDataset({
		connector: db,
		readFile: async (name) => new Uint8Array(readFileSync(join(dataDir, name))),
		decodeParquet: decodeParquetNode,
	});
	return { db, manifest };
}

/**
 * Make the loaded tables writable, as the app does before its first import: the attached file's tables
 * copied into memory and the prepared tables rebuilt (for tests that write rows themselves).
 */
export async function ownTables(db: Connector): Promise<void> {
	const statements = await ownTablesSql(db);
	if (statements.length === 0) return;
	for (const sql of [...statements, ...prepareSql(true)]) await db.exec(sql);
}

/** Rows of a query as plain objects. */
export async function rows(db: Connector, sql: string): Promise<Record<string, unknown>[]> {
	return (await db.query(sql)).toArray().map((r) => ({ ...r.toJSON() }));
}
