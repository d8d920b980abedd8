/**
 * The coordinator owns the connector: views ask it for queries by client name and get Arrow tables back.
 * Queries run one after another; results are cached by SQL text; a request that a newer request of the
 * same client has superseded is dropped before it runs, and its result is never delivered.
 *
 * Requests made in the same tick (the charts' queries of one interaction) are delivered together, once the
 * last of them is answered: the charts then redraw in one frame, with one style, layout and paint, instead
 * of one frame per chart.
 */
import type { Table } from 'apache-arrow';
import type { Connector } from './connector.ts';
import { whenIdle } from './idle.ts';

export interface CoordinatorOptions {
	/** Cache results by SQL text (off for the benchmark's baseline). */
	cache?: boolean;
	/** How many results to keep, least recently used first out. */
	cacheSize?: number;
	/**
	 * How long (ms) no request must have come before background work starts: the check of the answers
	 * given ahead and the read-ahead. A query cannot be stopped once the engine runs it, so background
	 * work started while the user is clicking would hold the next click behind it.
	 */
	quietMs?: number;
}

/** Thrown (and caught by callers) when a newer request of the same client replaced this one. */
export class Superseded extends Error {
	constructor() {
		super('superseded by a newer request');
	}
}

/** Client requests made in one tick, delivered together. */
interface Batch {
	/** Still taking requests (until the end of the tick that opened it). */
	open: boolean;
	/** Members not yet answered (or failed, or dropped). */
	waiting: number;
	/** Members answered, waiting for the others. */
	readonly answered: (() => void)[];
}

export class Coordinator {
	readonly #connector: Connector;
	readonly #cache = new Map<string, Table>();
	readonly #cacheEnabled: boolean;
	readonly #cacheSize: number;
	readonly #quietMs: number;
	/** When the last request came (performance.now()); background work waits for a quiet spell after it. */
	#lastRequest = performance.now();
	readonly #latest = new Map<string, number>();
	#sequence = 0;
	#batch: Batch | null = null;
	/** Tasks in the queue, running or waiting. */
	#busy = 0;
	/**
	 * Queries to compute into the cache in idle time, most wanted first; or the function that lists them,
	 * called at the first idle time (working out the next clicks' SQL is kept off the redraw).
	 */
	#prefetching: string[] | (() => readonly string[]) = [];
	/** Statements to run in idle time once nothing is left to prefetch (readAhead()); kept by requests. */
	#background: string[] = [];
	#idleScheduled = false;
	/**
	 * Queries started before anyone asked (warm(), prefetch()), until answered: a request for one waits
	 * for it instead of running it again.
	 */
	readonly #ahead = new Map<string, Promise<Table>>();
	#queue: Promise<unknown> = Promise.resolve();
	/** Tables built on first use: name → the statements that build them. */
	readonly #deferred = new Map<string, readonly string[]>();
	/** Answers given ahead (seed()), until checked against the engine (checkSeeded()). */
	readonly #seeded = new Map<string, Table>();

	constructor(connector: Connector, options: CoordinatorOptions = {}) {
		this.#connector = connector;
		this.#cacheEnabled = options.cache ?? true;
		this.#cacheSize = options.cacheSize ?? 256;
		this.#quietMs = options.quietMs ?? 1000;
	}

	/**
	 * The result of `sql` for `client`. Rejects with Superseded when the same client asked for something
	 * newer before this result was delivered.
	 */
	async request(client: string, sql: string): Promise<Table> {
		// A real request: what was guessed for the next click is no longer wanted.
		this.#prefetching = [];
		this.#lastRequest = performance.now();
		const ticket = ++this.#sequence;
		this.#latest.set(client, ticket);
		const current = () => this.#latest.get(client) === ticket;
		const batch = this.#join();
		let outcome: { table: Table } | { error: unknown };
		try {
			outcome = { table: await this.#run(sql, current) };
		} catch (error) {
			outcome = { error };
		}
		await this.#land(batch);
		if ('error' in outcome) throw outcome.error;
		if (!current()) throw new Superseded();
		return outcome.table;
	}

	/** The batch of this tick, opened by its first request and closed at the end of the tick. */
	#join(): Batch {
		const open = this.#batch;
		if (open?.open) {
			open.waiting++;
			return open;
		}
		const batch: Batch = { open: true, waiting: 1, answered: [] };
		this.#batch = batch;
		// Svelte runs the effects of one change in one microtask: their requests all join before this runs.
		queueMicrotask(() => {
			batch.open = false;
			this.#release(batch);
		});
		return batch;
	}

	/** Resolves when every member of the batch is answered: all of them in the same microtask. */
	#land(batch: Batch): Promise<void> {
		batch.waiting--;
		return new Promise((resolve) => {
			batch.answered.push(resolve);
			this.#release(batch);
		});
	}

	#release(batch: Batch): void {
		if (batch.open || batch.waiting > 0) return;
		for (const resolve of batch.answered.splice(0)) resolve();
	}

	/** Whether results are cached (off for the benchmark's baseline, which also answers nothing in the page). */
	get caching(): boolean {
		return this.#cacheEnabled;
	}

	/** The cached result of `sql`, if any, without running anything or touching its place in the cache. */
	cached(sql: string): Table | undefined {
		return this.#cache.get(sql);
	}

	/**
	 * The client no longer wants what it asked: a request of it still waiting in the queue is dropped
	 * before it runs, and none is delivered (each rejects with Superseded). For a view that found its
	 * answer elsewhere (in the page) after asking the engine.
	 */
	withdraw(client: string): void {
		this.#latest.set(client, ++this.#sequence);
	}

	/** Run a query outside any client (always delivered, still queued and cached). */
	query(sql: string): Promise<Table> {
		return this.#run(sql, () => true);
	}

	/** Run a statement that changes data; clears the cache, since cached results may now be wrong. */
	async exec(sql: string): Promise<void> {
		await this.#enqueue(() => this.#connector.exec(sql));
		this.#cache.clear();
	}

	/**
	 * Compute these queries into the cache while nothing else runs, one at a time, so that a real request
	 * waits behind one prefetched query at most. Replaces the list given before; dropped by any request.
	 */
	prefetch(sqls: readonly string[] | (() => readonly string[])): void {
		if (!this.#cacheEnabled) return;
		this.#prefetching =
			typeof sqls === 'function' ? sqls : sqls.filter((sql) => !this.#cache.has(sql));
		this.#scheduleIdleWork();
	}

	/**
	 * Start these queries now, in the queue like any request, for views that will ask for them soon (the
	 * first screen's charts, while the page is still being built); a request for one of them before its
	 * answer waits for it instead of running it again.
	 */
	warm(sqls: readonly string[]): void {
		if (!this.#cacheEnabled) return;
		for (const sql of sqls) {
			if (!this.#cache.has(sql) && !this.#ahead.has(sql)) void this.#runAhead(sql);
		}
	}

	/**
	 * Run these statements in idle time, one at a time, after any prefetching, never ahead of a request
	 * and only in a quiet spell (no request for quietMs); their results are not kept (to read the attached
	 * file's blocks before a click needs them).
	 */
	readAhead(sqls: readonly string[]): void {
		this.#background.push(...sqls);
		this.#scheduleIdleWork();
	}

	#scheduleIdleWork(): void {
		if (this.#idleScheduled) return;
		const prefetching = typeof this.#prefetching === 'function' || this.#prefetching.length > 0;
		if (!prefetching && this.#background.length === 0) return;
		this.#idleScheduled = true;
		const next = () => {
			this.#idleScheduled = false;
			this.#prefetchOne();
		};
		whenIdle(next, 500);
	}

	#prefetchOne(): void {
		// The engine is busy with real work: try again at the next idle time.
		if (this.#busy > 0) return this.#scheduleIdleWork();
		if (typeof this.#prefetching === 'function') {
			this.#prefetching = this.#prefetching().filter((sql) => !this.#cache.has(sql));
		}
		const sql = this.#prefetching.shift();
		if (sql === undefined) return this.#readAheadOne();
		// A table built on first use could take long: leave it to a real request.
		if (this.#cache.has(sql) || this.#namesDeferred(sql)) return this.#scheduleIdleWork();
		const next = () => this.#scheduleIdleWork();
		this.#runAhead(sql).then(next, next);
	}

	/** Run a query nobody asked for yet, known as running until answered (see #ahead). */
	#runAhead(sql: string): Promise<Table> {
		const result = this.#run(sql, () => true);
		this.#ahead.set(sql, result);
		const done = () => this.#ahead.delete(sql);
		result.then(done, done);
		return result;
	}

	#readAheadOne(): void {
		if (this.#background.length === 0) return;
		const wait = this.#quietWait();
		if (wait > 0) {
			setTimeout(() => this.#scheduleIdleWork(), wait);
			return;
		}
		const sql = this.#background.shift()!;
		const next = () => this.#scheduleIdleWork();
		this.#enqueue(() => this.#connector.query(sql)).then(next, next);
	}

	/** How long until a quiet spell begins (0: it has). */
	#quietWait(): number {
		return Math.max(0, this.#lastRequest + this.#quietMs - performance.now());
	}

	/** Resolves in a quiet spell: no request for quietMs, and nothing in the engine's queue. */
	#whenQuiet(): Promise<void> {
		return new Promise((resolve) => {
			const attempt = () => {
				const wait = this.#quietWait();
				if (wait > 0) setTimeout(attempt, wait);
				else if (this.#busy > 0) void this.#queue.then(attempt);
				else resolve();
			};
			attempt();
		});
	}

	#namesDeferred(sql: string): boolean {
		for (const table of this.#deferred.keys())
			if (new RegExp(`\\b${table}\\b`).test(sql)) return true;
		return false;
	}

	/**
	 * Hold these answers as if the engine had given them (the data build's answers of the first screen,
	 * answers.ts): a request for one is answered at once. Like any cached result, they are dropped by a
	 * change of the data.
	 */
	seed(answers: readonly { sql: string; table: Table }[]): void {
		if (!this.#cacheEnabled) return;
		for (const { sql, table } of answers) {
			this.#cache.set(sql, table);
			this.#seeded.set(sql, table);
		}
	}

	/**
	 * Ask the engine each seeded query that is still held, one at a time, each in a quiet spell (no request
	 * for quietMs), and compare its answer with the seeded one (`same`). An answer that differs is replaced
	 * by the engine's. Returns how many were checked and the SQL of those that differed (their views must
	 * ask again).
	 */
	async checkSeeded(
		same: (seeded: Table, engine: Table) => boolean,
	): Promise<{ checked: number; differing: string[] }> {
		const held = [...this.#seeded].filter(([sql, table]) => this.#cache.get(sql) === table);
		this.#seeded.clear();
		const differing: string[] = [];
		for (const [sql, seeded] of held) {
			await this.#whenQuiet();
			const answer = await this.#enqueue(() => this.#connector.query(sql));
			if (same(seeded, answer)) continue;
			differing.push(sql);
			if (this.#cache.get(sql) === seeded) this.#cache.set(sql, answer);
		}
		return { checked: held.length, differing };
	}

	clearCache(): void {
		this.#cache.clear();
	}

	/**
	 * Register a table that is built the first time a query names it (or by buildDeferred()), so that
	 * work the first screen does not need stays off the cold start.
	 */
	defer(table: string, statements: readonly string[]): void {
		this.#deferred.set(table, statements);
	}

	/** Build every deferred table now, in the queue like any query (for idle time after the first paint). */
	buildDeferred(): Promise<void> {
		return this.#enqueue(() => this.#buildDeferredFor(null));
	}

	async #buildDeferredFor(sql: string | null): Promise<void> {
		for (const [table, statements] of [...this.#deferred]) {
			if (sql !== null && !new RegExp(`\\b${table}\\b`).test(sql)) continue;
			this.#deferred.delete(table);
			for (const statement of statements) await this.#connector.exec(statement);
		}
	}

	/**
	 * Run statements as one transaction, with no query of any client in between: all of them, or (on the
	 * first error, which is rethrown) none. `before` gives statements to run first in the same
	 * transaction, from what the engine holds at that moment. Clears the cache either way.
	 */
	async transaction(
		statements: readonly string[],
		before?: (connector: Connector) => Promise<readonly string[]>,
	): Promise<void> {
		try {
			await this.#enqueue(async () => {
				// Asked in the queue, so that what it finds is still true when its statements run.
				const first = before ? await before(this.#connector) : [];
				await this.#connector.exec('BEGIN TRANSACTION');
				try {
					for (const sql of [...first, ...statements]) await this.#connector.exec(sql);
					await this.#connector.exec('COMMIT');
				} catch (error) {
					await this.#connector.exec('ROLLBACK');
					throw error;
				}
			});
		} finally {
			this.#cache.clear();
		}
	}

	#run(sql: string, stillWanted: () => boolean): Promise<Table> {
		const cached = this.#cache.get(sql);
		if (cached) {
			// Refresh its place in the least-recently-used order.
			this.#cache.delete(sql);
			this.#cache.set(sql, cached);
			return Promise.resolve(cached);
		}
		const ahead = this.#ahead.get(sql);
		if (ahead) return ahead;
		return this.#enqueue(async () => {
			if (!stillWanted()) throw new Superseded();
			if (this.#deferred.size > 0) await this.#buildDeferredFor(sql);
			const table = await this.#connector.query(sql);
			if (this.#cacheEnabled) {
				this.#cache.set(sql, table);
				if (this.#cache.size > this.#cacheSize) {
					this.#cache.delete(this.#cache.keys().next().value as string);
				}
			}
			return table;
		});
	}

	#enqueue<T>(task: () => Promise<T>): Promise<T> {
		this.#busy++;
		const next = this.#queue.then(task);
		const settled = () => void this.#busy--;
		// Keep the chain alive whatever this task does.
		this.#queue = next.then(settled, settled);
		return next;
	}
}
