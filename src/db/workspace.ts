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
import { isReadOnly, splitStatements, type StatementSpan } from './sql-text.ts';
import { describeColumnTypes, guardScript, scriptError } from './workspace-script.ts';
import { lockEngine } from './workspace-lock.ts';
import type {
	EngineDeath,
	RunProgress,
	RunResult,
	WorkspaceEngine,
	WorkspaceOptions,
} from './workspace-types.ts';

export type {
	EngineDeath,
	RunProgress,
	RunResult,
	RunStatus,
	WorkspaceEngine,
	WorkspaceOptions,
} from './workspace-types.ts';

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
		const refused = guardScript(script, statements);
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
				result.columnTypes = await describeColumnTypes(engine, current.text, result.table);
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
				result.error = scriptError(error, current, script);
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
