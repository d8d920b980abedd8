/**
 * The one interface between the app and a database engine. The browser uses DuckDB-WASM in a worker;
 * Node tests use DuckDB-WASM's blocking bindings behind the same interface.
 */
import type { Table } from 'apache-arrow';

export interface Connector {
	/** Run a query and return its whole result as an Arrow table. */
	query(sql: string): Promise<Table>;
	/** Run a statement whose result is not needed. */
	exec(sql: string): Promise<void>;
	/** Create (or replace) a table from an Arrow IPC stream. */
	insertArrowIPC(table: string, ipcStream: Uint8Array): Promise<void>;
	/**
	 * Hand the engine a file's bytes under a name that SQL can open (ATTACH); engines without it load the
	 * Parquet instead.
	 */
	registerFile?(name: string, bytes: Uint8Array): Promise<void>;
	/** Release the engine. */
	close(): Promise<void>;
	/**
	 * Be told, once, when the engine is gone (its worker ended or trapped); engines that cannot die
	 * apart from the page (Node's) do not have this.
	 */
	onDeath?(listener: (reason: 'error' | 'trap' | 'unresponsive', detail: string) => void): void;
}
