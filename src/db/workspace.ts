/**
 * The SQL workspace's engine: a DuckDB of its own (in the browser, a second worker) holding its own copy
 * of the dataset. Nothing typed in the console reaches the dashboard's engine, so a DROP, DELETE or
 * UPDATE here cannot break the dashboard; `reset()` gives the workspace a fresh copy.
 *
 * Queries stream: batches arrive one by one, the first `keepRows` rows are kept and every row is counted.
 * Cancelling asks the engine to cancel a query still computing and stops reading between batches; if the
 * engine does not answer within `cancelGraceMs` (stuck inside one call), it is terminated, started again
 * and reloaded, and the result says so.
 *
 * The console must not leave the page: every engine is locked once its data is loaded (workspace-lock.ts,
 * so a reset locks the new one too), and scripts pass the guard (sql-guard.ts) before any statement runs.
 */
import { Table, type RecordBatch, type Schema } from 'apache-arrow';
import type { Connector } from './connector.ts';
import { parseSqlError, type SqlErrorInfo } from './sql-error.ts';
import { engineRefusal, refuseStatement } from './sql-guard.ts';
import { isDouble } from './integer-columns.ts';
import { firstKeyword, isReadOnly, splitStatements, type StatementSpan } from './sql-text.ts';
import { lockEngine } from './workspace-lock.ts';

/** An engine the workspace can stream from, cancel and terminate. */
export interface WorkspaceEngine extends Connector {
	/** Start a query; resolves once it produces results, to its batches; rejects with the engine's error. */
	send(sql: string): Promise<AsyncIterator<RecordBatch>>;
	/** Cancel the query sent last if it is still computing; true if there was one. */
	cancelSent(): Promise<boolean>;
	/** Stop the engine at once, whatever it is doing. */
	terminate(): Promise<void>;
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
	/** The engine had to be restarted (and the data reloaded) to stop the query. */
	restarted: boolean;
	/**
	 * DuckDB's type of each column of `table` (BIGINT, HUGEINT, DOUBLE…), in order, when the result has
	 * columns that arrive as doubles and the engine could describe the query; else null. Downloads use
	 * it to write whole-number sums as integers (see integer-columns.ts).
	 */
	columnTypes: string[] | null;
}

/** Queries that DESCRIBE can bind (not SHOW, DESCRIBE, SUMMARIZE or EXPLAIN, nor writes). */
const DESCRIBABLE = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);

/** The error thrown to callers when a query is cancelled. */
class Cancelled extends Error {
	constructor(readonly restarted = false) {
		super('cancelled');
	}
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return promise.then(
		(value) => ({ ok: true, value }),
		(error: unknown) => ({ ok: false, error }),
	);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Workspace {
	readonly #options: Required<Omit<WorkspaceOptions, 'now'>> & { now: () => number };
	#engine: Promise<WorkspaceEngine> | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	/** Set while a run is in progress: resolves the run's wait when the user cancels. */
	#cancel: (() => void) | null = null;
	#cancelRequested = false;

	constructor(options: WorkspaceOptions) {
		this.#options = {
			keepRows: 100_000,
			cancelGraceMs: 1_500,
			lock: lockEngine,
			now: () => performance.now(),
			...options,
		};
	}

	/** Start the engine and load the data (once; later calls wait for the same start). */
	start(): Promise<WorkspaceEngine> {
		if (!this.#engine) {
			const booting = this.#boot();
			this.#engine = booting;
			// A failed start is not kept: the next call tries again.
			booting.catch(() => {
				if (this.#engine === booting) this.#engine = null;
			});
		}
		return this.#engine;
	}

	async #boot(): Promise<WorkspaceEngine> {
		const engine = await this.#options.createEngine();
		await this.#options.loadData(engine);
		await this.#options.lock(engine);
		return engine;
	}

	/** Throw the engine away and start a fresh one with a fresh copy of the data. */
	reset(): Promise<WorkspaceEngine> {
		return this.#enqueue(() => this.#restart());
	}

	async #restart(): Promise<WorkspaceEngine> {
		const old = this.#engine;
		this.#engine = null;
		if (old) {
			const engine = await settle(old);
			if (engine.ok) await engine.value.terminate().catch(() => undefined);
		}
		return this.start();
	}

	/** A whole result, for small queries (the schema browser); queued behind running queries. */
	query(sql: string): Promise<Table> {
		return this.#enqueue(async () => (await this.start()).query(sql));
	}

	/** Cancel the running query, if any. */
	cancel(): void {
		this.#cancelRequested = true;
		this.#cancel?.();
	}

	/**
	 * Run a script (one or more statements) and stream the result of the last one. Never throws: errors
	 * come back in the result, with their position in `script`.
	 */
	run(script: string, onProgress?: (progress: RunProgress) => void): Promise<RunResult> {
		return this.#enqueue(() => this.#run(script, onProgress));
	}

	async #run(script: string, onProgress?: (progress: RunProgress) => void): Promise<RunResult> {
		const started = this.#options.now();
		const elapsed = () => this.#options.now() - started;
		this.#cancelRequested = false;
		const statements = splitStatements(script);
		const result: RunResult = {
			status: 'done',
			statements: 0,
			table: null,
			totalRows: 0,
			keptRows: 0,
			elapsedMs: 0,
			error: null,
			changedData: false,
			restarted: false,
			columnTypes: null,
		};
		const refused = this.#guard(script, statements);
		if (refused) {
			result.status = 'error';
			result.error = refused;
			result.elapsedMs = elapsed();
			return result;
		}
		let current: StatementSpan | null = null;
		// What the statement being streamed has given so far: shown if the user cancels.
		let partial: { rows: number; kept: readonly RecordBatch[] } | null = null;
		try {
			const engine = await this.start();
			for (const statement of statements) {
				current = statement;
				result.statements++;
				partial = null;
				const streamed = await this.#stream(engine, statement.text, (rows, kept) => {
					partial = { rows, kept };
					onProgress?.({ rows, elapsedMs: elapsed(), kept });
				});
				result.table = streamed.table;
				result.totalRows = streamed.totalRows;
				result.keptRows = streamed.table.numRows;
				if (!isReadOnly(statement.text)) result.changedData = true;
			}
			if (current && result.table) {
				result.columnTypes = await this.#describe(engine, current.text, result.table);
			}
		} catch (error) {
			if (error instanceof Cancelled) {
				result.status = 'cancelled';
				result.restarted = error.restarted;
				const streamed = partial as { rows: number; kept: readonly RecordBatch[] } | null;
				if (streamed && streamed.kept.length > 0) {
					result.table = new Table([...streamed.kept]);
					result.totalRows = streamed.rows;
					result.keptRows = result.table.numRows;
				}
			} else {
				result.status = 'error';
				const info = parseSqlError(error, current?.text ?? script);
				const refusal = engineRefusal(info);
				if (refusal) info.refused = refusal;
				if (current && info.offset !== null) {
					const offset = current.from + info.offset;
					const before = script.slice(0, offset).split('\n');
					info.offset = offset;
					info.line = before.length;
					info.column = [...before[before.length - 1]!].length + 1;
				}
				result.error = info;
			}
		} finally {
			this.#cancel = null;
		}
		result.elapsedMs = elapsed();
		return result;
	}

	/**
	 * DuckDB's column types of a read-only query's result (DESCRIBE binds it without running it), when
	 * some column arrived as a double; null otherwise, or when the engine cannot describe it.
	 */
	async #describe(engine: WorkspaceEngine, sql: string, table: Table): Promise<string[] | null> {
		const doubles = table.schema.fields.some((field) => isDouble(field.type));
		if (!doubles || !DESCRIBABLE.has(firstKeyword(sql))) return null;
		try {
			const described = await engine.query(`DESCRIBE ${sql}`);
			const types = described.toArray().map((row) => String(row.toJSON().column_type));
			return types.length === table.numCols ? types : null;
		} catch {
			return null;
		}
	}

	/** The first statement of the script that the guard refuses, as an error placed in the script. */
	#guard(script: string, statements: StatementSpan[]): SqlErrorInfo | null {
		for (const statement of statements) {
			const refusal = refuseStatement(statement.text);
			if (!refusal) continue;
			const offset = statement.from + refusal.offset;
			const before = script.slice(0, offset).split('\n');
			return {
				kind: '',
				refused: refusal.reason,
				message: statement.text.length > 200 ? `${statement.text.slice(0, 200)}…` : statement.text,
				offset,
				line: before.length,
				column: [...before[before.length - 1]!].length + 1,
			};
		}
		return null;
	}

	/** Stream one statement: keep the first rows, count them all, stop between batches when cancelled. */
	async #stream(
		engine: WorkspaceEngine,
		sql: string,
		onRows: (rows: number, kept: readonly RecordBatch[]) => void,
	): Promise<{ table: Table; totalRows: number }> {
		const iterator = await this.#wait(engine, engine.send(sql));
		const kept: RecordBatch[] = [];
		let schema: Schema | null = null;
		let keptRows = 0;
		let totalRows = 0;
		for (;;) {
			const next = await this.#wait(engine, iterator.next());
			if (next.done) break;
			const batch = next.value;
			schema ??= batch.schema;
			totalRows += batch.numRows;
			if (keptRows < this.#options.keepRows) {
				const take = Math.min(batch.numRows, this.#options.keepRows - keptRows);
				kept.push(take === batch.numRows ? batch : batch.slice(0, take));
				keptRows += take;
			}
			onRows(totalRows, kept);
		}
		const table = kept.length > 0 ? new Table(kept) : schema ? new Table(schema) : new Table();
		return { table, totalRows };
	}

	/**
	 * Wait for an engine call, unless the user cancels: then ask the engine to cancel, give the call
	 * `cancelGraceMs` to return, and restart the engine if it does not.
	 */
	async #wait<T>(engine: WorkspaceEngine, call: Promise<T>): Promise<T> {
		const outcome = settle(call);
		if (this.#cancelRequested) return this.#afterCancel(engine, outcome);
		const cancelled = new Promise<'cancel'>((resolve) => {
			this.#cancel = () => resolve('cancel');
		});
		const first = await Promise.race([outcome, cancelled]);
		if (first === 'cancel') return this.#afterCancel(engine, outcome);
		if (this.#cancelRequested) throw new Cancelled();
		if (!first.ok) throw first.error;
		return first.value;
	}

	async #afterCancel(engine: WorkspaceEngine, outcome: Promise<unknown>): Promise<never> {
		const asked = settle(engine.cancelSent());
		const stopped = await Promise.race([
			outcome.then(() => true),
			sleep(this.#options.cancelGraceMs).then(() => false),
		]);
		if (stopped) {
			await Promise.race([asked, sleep(this.#options.cancelGraceMs)]);
			throw new Cancelled();
		}
		await this.#restart();
		throw new Cancelled(true);
	}

	#enqueue<T>(task: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(task);
		this.#queue = next.catch(() => undefined);
		return next;
	}
}
