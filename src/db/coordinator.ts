/**
 * The coordinator owns the connector: views ask it for queries by client name and get Arrow tables back.
 * Queries run one after another; results are cached by SQL text; a request that a newer request of the
 * same client has superseded is dropped before it runs, and its result is never delivered.
 */
import type { Table } from 'apache-arrow';
import type { Connector } from './connector.ts';

export interface CoordinatorOptions {
	/** Cache results by SQL text (off for the benchmark's baseline). */
	cache?: boolean;
	/** How many results to keep, least recently used first out. */
	cacheSize?: number;
}

/** Thrown (and caught by callers) when a newer request of the same client replaced this one. */
export class Superseded extends Error {
	constructor() {
		super('superseded by a newer request');
	}
}

export class Coordinator {
	readonly #connector: Connector;
	readonly #cache = new Map<string, Table>();
	readonly #cacheEnabled: boolean;
	readonly #cacheSize: number;
	readonly #latest = new Map<string, number>();
	#sequence = 0;
	#queue: Promise<unknown> = Promise.resolve();
	/** Tables built on first use: name → the statements that build them. */
	readonly #deferred = new Map<string, readonly string[]>();

	constructor(connector: Connector, options: CoordinatorOptions = {}) {
		this.#connector = connector;
		this.#cacheEnabled = options.cache ?? true;
		this.#cacheSize = options.cacheSize ?? 256;
	}

	/**
	 * The result of `sql` for `client`. Rejects with Superseded when the same client asked for something
	 * newer before this result was delivered.
	 */
	async request(client: string, sql: string): Promise<Table> {
		const ticket = ++this.#sequence;
		this.#latest.set(client, ticket);
		const current = () => this.#latest.get(client) === ticket;
		const result = await this.#run(sql, current);
		if (!current()) throw new Superseded();
		return result;
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
		const next = this.#queue.then(task);
		// Keep the chain alive whatever this task does.
		this.#queue = next.catch(() => undefined);
		return next;
	}
}
