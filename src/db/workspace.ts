/**
 * The SQL workspace's engine: a DuckDB of its own (in the browser, a second worker) holding its own copy
 * of the dataset. Nothing typed in the console reaches the dashboard's engine, so a DROP, DELETE or
 * UPDATE here cannot break the dashboard; `reset()` gives the workspace a fresh copy, and `update()`
 * brings the copy up to date when the dashboard's data change (workspace-data.ts).
 *
 * Queries stream: batches arrive one by one, the first `keepRows` rows are kept and every row is counted.
 * Cancelling asks the engine to cancel a query still computing and stops reading between batches. Some
 * queries never look for the cancel (a nested-loop join, a huge list sorted inside one function call):
 * if the engine does not answer within `cancelGraceMs`, it is terminated and the run returns at once,
 * saying so, while a new engine loads in the background. A query that computes longer than
 * `spareAfterMs` has a spare engine loaded beside it, so that such a restart is ready almost at once.
 *
 * An engine that dies (its worker fails, or stops answering a ping while nothing runs) is reported to
 * `watch()`'s listener within about a second, and a run waiting on it ends with an error.
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

/** Queries that DESCRIBE can bind (not SHOW, DESCRIBE, SUMMARIZE or EXPLAIN, nor writes). */
const DESCRIBABLE = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);

/** The error thrown to callers when a query is cancelled. */
class Cancelled extends Error {
	constructor(readonly restarted = false) {
		super('cancelled');
	}
}

/** The error of a run whose engine died under it. */
class EngineDied extends Error {
	constructor(readonly detail: string) {
		super(`The SQL engine stopped: ${detail}`);
	}
}

/** Why an engine was declared dead: its worker failed, or it stopped answering while idle. */
export interface EngineDeath {
	reason: 'error' | 'silent';
	detail: string;
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
	/** The engine once it has started (null while it boots, and after it was thrown away). */
	#live: WorkspaceEngine | null = null;
	/** A second engine loaded while a long query computes, to replace the first at once if need be. */
	#spare: Promise<WorkspaceEngine> | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	/** Tasks queued or running: the heartbeat pings only an idle engine (a busy one cannot answer). */
	#pending = 0;
	/** Set while a run is in progress: resolves the run's wait when the user cancels. */
	#cancel: (() => void) | null = null;
	#cancelRequested = false;
	/** Ends the wait of a run when its engine dies. */
	#died: ((detail: string) => void) | null = null;
	#onDeath: ((death: EngineDeath) => void) | null = null;
	#onSpare: ((ready: boolean) => void) | null = null;
	/** Drops an unused spare some time after the last run. */
	#spareTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(options: WorkspaceOptions) {
		this.#options = {
			keepRows: 100_000,
			cancelGraceMs: 1_500,
			spareAfterMs: 1_000,
			spareKeepMs: 30_000,
			lock: lockEngine,
			now: () => performance.now(),
			...options,
		};
	}

	/** Start the engine and load the data (once; later calls wait for the same start). */
	start(): Promise<WorkspaceEngine> {
		if (!this.#engine) {
			const spare = this.#spare;
			const booting = spare ?? this.#boot();
			if (spare) {
				this.#spare = null;
				this.#onSpare?.(false);
			}
			this.#engine = booting;
			// A failed start is not kept: the next call tries again.
			booting.then(
				(engine) => {
					if (this.#engine === booting) this.#adopt(engine);
				},
				() => {
					if (this.#engine === booting) this.#engine = null;
				},
			);
		}
		return this.#engine;
	}

	async #boot(): Promise<WorkspaceEngine> {
		const engine = await this.#options.createEngine();
		try {
			await this.#options.loadData(engine);
			await this.#options.lock(engine);
		} catch (error) {
			await engine.terminate().catch(() => undefined);
			throw error;
		}
		return engine;
	}

	/** The engine in use from now on: its failures are watched. */
	#adopt(engine: WorkspaceEngine): void {
		this.#live = engine;
		engine.onWorkerDeath?.((detail) => {
			if (this.#live === engine) this.#declareDead(engine, { reason: 'error', detail });
		});
	}

	/** Throw the engine away and start a fresh one with a fresh copy of the data. */
	reset(): Promise<WorkspaceEngine> {
		return this.#enqueue(() => this.#restart());
	}

	async #restart(): Promise<WorkspaceEngine> {
		this.#discard();
		return this.start();
	}

	/** Terminate the engine in use (whatever it is doing); the next start() loads a new one. */
	#discard(): void {
		const old = this.#engine;
		this.#engine = null;
		this.#live = null;
		if (old) void old.then((engine) => engine.terminate()).catch(() => undefined);
	}

	/**
	 * Run `task` on the engine if one is started or starting (queued behind running queries) and return
	 * what it returns; undefined when there is none (an engine started later loads the current data
	 * itself). A spare engine is dropped: it holds the old data.
	 */
	update<T>(task: (engine: WorkspaceEngine) => Promise<T>): Promise<T | undefined> {
		this.#dropSpare();
		return this.#enqueue(async () => {
			if (!this.#engine) return undefined;
			const engine = await settle(this.#engine);
			return engine.ok ? task(engine.value) : undefined;
		});
	}

	#dropSpare(): void {
		const spare = this.#spare;
		this.#spare = null;
		if (spare) {
			this.#onSpare?.(false);
			void spare.then((engine) => engine.terminate()).catch(() => undefined);
		}
	}

	/** Load a spare engine beside the busy one (once). */
	#prepareSpare(): void {
		if (this.#spare) return;
		const spare = this.#boot();
		this.#spare = spare;
		spare.then(
			() => {
				if (this.#spare === spare) this.#onSpare?.(true);
			},
			() => {
				if (this.#spare === spare) this.#spare = null;
			},
		);
	}

	/** Tell `listener` whether a spare engine is ready (for the page's status and the tests). */
	onSpare(listener: (ready: boolean) => void): void {
		this.#onSpare = listener;
	}

	/**
	 * Watch the engine in use: `onDeath` is called when its worker fails, or when, with nothing running,
	 * it does not answer a ping within `timeoutMs` (pinged every `intervalMs`). The dead engine is thrown
	 * away; the next start() (or reset()) loads a new one. Returns a function that stops watching.
	 */
	watch(onDeath: (death: EngineDeath) => void, intervalMs = 250, timeoutMs = 500): () => void {
		this.#onDeath = onDeath;
		let pinging = false;
		const timer = setInterval(() => {
			const engine = this.#live;
			if (pinging || this.#pending > 0 || !engine?.ping) return;
			pinging = true;
			void this.#ping(engine, timeoutMs).then((answered) => {
				pinging = false;
				// A task that began meanwhile may have been sent first; only an idle silence counts.
				if (!answered && this.#live === engine && this.#pending === 0) {
					this.#declareDead(engine, { reason: 'silent', detail: 'no answer to a ping' });
				}
			});
		}, intervalMs);
		return () => {
			clearInterval(timer);
			this.#onDeath = null;
		};
	}

	async #ping(engine: WorkspaceEngine, timeoutMs: number): Promise<boolean> {
		let answered = false;
		const ping = engine.ping!().then(
			() => (answered = true),
			() => undefined,
		);
		await Promise.race([ping, sleep(timeoutMs)]);
		// A page that was busy runs the timer late: give an answer already queued its turn first.
		if (!answered) await sleep(0);
		return answered;
	}

	#declareDead(engine: WorkspaceEngine, death: EngineDeath): void {
		if (this.#live !== engine) return;
		this.#discard();
		this.#died?.(death.detail);
		this.#onDeath?.(death);
	}

	/** A whole result, for small queries (the schema browser); queued behind running queries. */
	query(sql: string): Promise<Table> {
		return this.#enqueue(async () => (await this.start()).query(sql));
	}

	/**
	 * Cancel the running query, if any. (No spare engine is started here: compiling DuckDB beside a
	 * stuck query on a busy two-core machine delayed the end of the grace period by seconds.)
	 */
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
		clearTimeout(this.#spareTimer);
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
			died: false,
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
			} else if (error instanceof EngineDied) {
				result.status = 'error';
				result.died = true;
				result.error = {
					kind: '',
					message: error.message,
					offset: null,
					line: null,
					column: null,
				};
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
			this.#died = null;
			if (this.#spare) {
				this.#spareTimer = setTimeout(() => this.#dropSpare(), this.#options.spareKeepMs);
			}
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
	 * `cancelGraceMs` to return, and replace the engine if it does not. A call that computes longer than
	 * `spareAfterMs` has a spare engine loaded beside it; a call whose engine dies ends at once.
	 */
	async #wait<T>(engine: WorkspaceEngine, call: Promise<T>): Promise<T> {
		const outcome = settle(call);
		if (this.#cancelRequested) return this.#afterCancel(engine, outcome);
		const interrupted = new Promise<{ cancel: true } | { died: string }>((resolve) => {
			this.#cancel = () => resolve({ cancel: true });
			this.#died = (detail) => resolve({ died: detail });
		});
		const spare = Number.isFinite(this.#options.spareAfterMs)
			? setTimeout(() => this.#prepareSpare(), this.#options.spareAfterMs)
			: undefined;
		const first = await Promise.race([outcome, interrupted]).finally(() => clearTimeout(spare));
		if ('died' in first) throw new EngineDied(first.died);
		if ('cancel' in first) return this.#afterCancel(engine, outcome);
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
		// Stuck inside one call: only terminating stops it. The next engine (the spare if there is
		// one) loads in the background; the run ends now.
		if (this.#live === engine) this.#discard();
		this.start().catch(() => undefined);
		throw new Cancelled(true);
	}

	#enqueue<T>(task: () => Promise<T>): Promise<T> {
		this.#pending++;
		const next = this.#queue.then(task).finally(() => this.#pending--);
		this.#queue = next.catch(() => undefined);
		return next;
	}
}
