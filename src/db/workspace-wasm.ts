/**
 * The SQL workspace's engine in the browser: a second DuckDB-WASM worker, apart from the dashboard's,
 * with the dataset loaded the same way (manifest → Parquet → Arrow → tables → prepared tables).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { RecordBatch, Table } from 'apache-arrow';
import { fetchFrom, loadDataset } from './load.ts';
import { parquetToIPC } from './parquet-browser.ts';
import { startDuckDB } from './wasm-connector.ts';
import { Workspace, type WorkspaceEngine } from './workspace.ts';

class WasmWorkspaceEngine implements WorkspaceEngine {
	constructor(
		private readonly db: AsyncDuckDB,
		private readonly conn: AsyncDuckDBConnection,
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

	async send(sql: string): Promise<AsyncIterator<RecordBatch>> {
		// Streamed: the engine hands out one batch at a time, so reading can stop between batches.
		const reader = await this.conn.send(sql, true);
		return reader[Symbol.asyncIterator]();
	}

	cancelSent(): Promise<boolean> {
		return this.conn.cancelSent();
	}

	async terminate(): Promise<void> {
		await this.db.terminate();
	}

	async close(): Promise<void> {
		await this.conn.close();
		await this.db.terminate();
	}
}

async function createEngine(): Promise<WorkspaceEngine> {
	const db = await startDuckDB();
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	// Errors as JSON carry the position of the error in the SQL.
	await conn.query('SET errors_as_json = true');
	return new WasmWorkspaceEngine(db, conn);
}

/** A workspace over the dataset in `folder` (relative to the page), started on first use. */
export function browserWorkspace(folder: string): Workspace {
	return new Workspace({
		createEngine,
		loadData: async (engine) => {
			await loadDataset({
				connector: engine,
				readFile: fetchFrom(new URL(folder, document.baseURI).href),
				decodeParquet: parquetToIPC,
			});
		},
	});
}
