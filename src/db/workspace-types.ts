/** The shapes the SQL workspace (workspace.ts) is built from and answers with. */
import type { RecordBatch, Table } from 'apache-arrow';
import type { Connector } from './connector.ts';
import type { SqlErrorInfo } from './sql-error.ts';

/** An engine the workspace can stream from, cancel and terminate. */
export interface WorkspaceEngine extends Connector {
	/** Start a query; resolves once it produces results, to its batches; rejects with the engine's error. */
	send(sql: string): Promise<AsyncIterator<RecordBatch>>;
	/** Cancel the query sent last if it is still computing; true if there was one. */
	cancelSent(): Promise<boolean>;
	/** Stop the engine at once, whatever it is doing. */
	terminate(): Promise<void>;
	/** A round trip to the engine that does no work; it never answers if the engine is gone. */
	ping?(): Promise<unknown>;
	/** Call `listener` if the engine fails outside of a call (its worker's error event). */
	onWorkerDeath?(listener: (detail: string) => void): void;
}

export interface WorkspaceOptions {
	/** Starts a new engine. */
	createEngine: () => Promise<WorkspaceEngine>;
	/** Loads the dataset into a new engine. */
	loadData: (engine: WorkspaceEngine) => Promise<void>;
	/**
	 * Locks an engine once its data is loaded (default: lockEngine, no files, no network, settings
	 * frozen). Only tests of the running logic, on a scripted engine that has no settings, replace it.
	 */
	lock?: (engine: WorkspaceEngine) => Promise<void>;
	/** Rows kept per result (for the table, charts and downloads); more are counted only. */
	keepRows?: number;
	/** How long a cancelled query may take to stop before the engine is restarted. */
	cancelGraceMs?: number;
	/** How long a statement may compute before a spare engine is loaded beside it (Infinity: never). */
	spareAfterMs?: number;
	/** How long an unused spare is kept after the run that asked for it (it holds a copy of the data). */
	spareKeepMs?: number;
	/** The clock (tests use a fake one). */
	now?: () => number;
}

export interface RunProgress {
	/** Rows counted so far (all of them, kept or not). */
	rows: number;
	elapsedMs: number;
	/** The batches kept so far (the first rows), for showing them while the rest streams in. */
	kept: readonly RecordBatch[];
}

export type RunStatus = 'done' | 'cancelled' | 'error';

export interface RunResult {
	status: RunStatus;
	/** The statements run (all of the script up to the one that failed or was cancelled). */
	statements: number;
	/** The result of the last statement run: its schema and its first rows. */
	table: Table | null;
	/** Every row of that result, counted while streaming (a lower bound when cancelled). */
	totalRows: number;
	/** The rows of `table`; fewer than totalRows when the result was longer than `keepRows`. */
	keptRows: number;
	elapsedMs: number;
	/** The error, with its position in the script (not just in its statement). */
	error: SqlErrorInfo | null;
	/** A statement that may have changed data ran successfully. */
	changedData: boolean;
	/**
	 * The engine had to be terminated to stop the query: a new one (with the data, not the session's
	 * own tables) is loading or ready; `start()` resolves when it is.
	 */
	restarted: boolean;
	/** The engine died during the run (see watch()); `error` says so. */
	died: boolean;
	/**
	 * DuckDB's type of each column of `table` (BIGINT, HUGEINT, DOUBLE…), in order, when the result has
	 * columns that arrive as doubles and the engine could describe the query; else null. Downloads use
	 * it to write whole-number sums as integers (see integer-columns.ts).
	 */
	columnTypes: string[] | null;
}

/** Why an engine was declared dead: its worker failed, or it stopped answering while idle. */
export interface EngineDeath {
	reason: 'error' | 'silent';
	detail: string;
}
