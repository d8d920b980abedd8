/**
 * The SQL workspace's engine in the browser: a second DuckDB-WASM worker, apart from the dashboard's,
 * with the dataset loaded the same way (manifest → Parquet → Arrow → tables → prepared tables), then
 * brought to what the dashboard shows (its imports, the simulated switch: workspace-data.ts).
 *
 * The bundled files are read and decoded once per page: a reset or a restart after a stuck query
 * inserts the decoded copy again, so a new engine is ready in the time DuckDB takes to start.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { RecordBatch, Table } from 'apache-arrow';
import { fetchFrom, loadDataset } from './load.ts';
import { ParquetWorker } from './parquet-worker.ts';
import { startDuckDB } from './wasm-connector.ts';
import { Workspace, type WorkspaceEngine } from './workspace.ts';
import type { DatasetFollower } from './workspace-data.ts';

/** Errors that mean the engine's memory is no longer sound (a wasm trap or abort): it is dead. */
const TRAP = /RuntimeError|unreachable|memory access out of bounds|Aborted\(/;

class WasmWorkspaceEngine implements WorkspaceEngine {
	#deathListeners: ((detail: string) => void)[] = [];

	constructor(
		private readonly db: AsyncDuckDB,
		private readonly conn: AsyncDuckDBConnection,
		readonly worker: Worker,
	) {
		const died = (detail: string) => {
			for (const listener of this.#deathListeners) listener(detail);
		};
		worker.addEventListener('error', (event) => died(event.message || 'worker error'));
		worker.addEventListener('messageerror', () => died('worker message error'));
		this.#died = died;
	}

	#died: (detail: string) => void;

	/** Pass an error on, and report the engine dead if it was a trap. */
	#watch<T>(call: Promise<T>): Promise<T> {
		return call.catch((error: unknown) => {
			const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			if (TRAP.test(text)) queueMicrotask(() => this.#died(text));
			throw error;
		});
	}

	query(sql: string): Promise<Table> {
		return this.#watch(this.conn.query(sql));
	}

	async exec(sql: string): Promise<void> {
		await this.query(sql);
	}

	insertArrowIPC(table: string, ipcStream: Uint8Array): Promise<void> {
		return this.conn.insertArrowFromIPCStream(ipcStream, { name: table, create: true });
	}

	async send(sql: string): Promise<AsyncIterator<RecordBatch>> {
		// Streamed: the engine hands out one batch at a time, so reading can stop between batches.
		const reader = await this.#watch(this.conn.send(sql, true));
		const iterator = reader[Symbol.asyncIterator]();
		return { next: () => this.#watch(iterator.next()) };
	}

	cancelSent(): Promise<boolean> {
		return this.conn.cancelSent();
	}

	ping(): Promise<unknown> {
		return this.db.getVersion();
	}

	onWorkerDeath(listener: (detail: string) => void): void {
		this.#deathListeners.push(listener);
	}

	async terminate(): Promise<void> {
		await this.db.terminate();
	}

	async close(): Promise<void> {
		await this.conn.close();
		await this.db.terminate();
	}
}

/** The worker of the console's engine started last (for the debug hook below). */
let lastWorker: Worker | null = null;

async function createEngine(): Promise<WorkspaceEngine> {
	let worker: Worker | null = null;
	const db = await startDuckDB((w) => (worker = w));
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	// Errors as JSON carry the position of the error in the SQL.
	await conn.query('SET errors_as_json = true');
	lastWorker = worker!;
	return new WasmWorkspaceEngine(db, conn, worker!);
}

/**
 * With `?debug=console-worker` in the address, `window.hdndDebug.killConsoleWorker()` terminates the
 * console's worker without telling the app, as a browser discarding it would: the end-to-end test of
 * the heartbeat uses it. Without the flag nothing is added to `window`.
 */
function installDebugHook(): void {
	if (new URLSearchParams(location.search).get('debug') !== 'console-worker') return;
	(window as unknown as { hdndDebug: object }).hdndDebug = {
		killConsoleWorker: () => lastWorker?.terminate(),
	};
}

/** Read and decode each bundled file once; every engine gets its own copy of the decoded bytes. */
function cachedFiles(folder: string) {
	const read = fetchFrom(new URL(folder, document.baseURI).href);
	const files = new Map<string, Promise<Uint8Array>>();
	const decoded = new WeakMap<Uint8Array, Promise<Uint8Array>>();
	return {
		readFile: (name: string, onBytes: (n: number) => void) => {
			let file = files.get(name);
			if (!file) {
				file = read(name, onBytes);
				files.set(name, file);
				// A failed read is tried again next time.
				file.catch(() => files.delete(name));
			}
			return file;
		},
		/**
		 * Decoding for one load: a file not decoded yet goes to this load's own worker, which ends after
		 * its last file (parquet-worker.ts), so the page keeps no parquet-wasm heap.
		 */
		decoder: () => {
			const worker = new ParquetWorker();
			return {
				decodeParquet: async (bytes: Uint8Array) => {
					let ipc = decoded.get(bytes);
					if (!ipc) {
						ipc = worker.decode(bytes);
						decoded.set(bytes, ipc);
					}
					// The engine takes the buffer it is given (transferred to its worker): hand it a copy.
					return (await ipc).slice();
				},
				afterDecode: worker.close,
			};
		},
	};
}

/**
 * A workspace over the dataset in `folder` (relative to the page), started on first use, holding what
 * `follower` says the dashboard shows.
 */
export function browserWorkspace(folder: string, follower: DatasetFollower): Workspace {
	installDebugHook();
	const files = cachedFiles(folder);
	return new Workspace({
		createEngine,
		loadData: async (engine) => {
			await loadDataset({
				connector: engine,
				readFile: files.readFile,
				keepFiles: true,
				...files.decoder(),
			});
			await follower.load(engine);
		},
	});
}
