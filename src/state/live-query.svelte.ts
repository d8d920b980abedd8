/**
 * A query that follows the view: whenever its SQL changes, the coordinator runs it and the parsed result
 * replaces the old one. Superseded results are dropped; a failing query keeps the last good result and
 * reports its error. Create it while a component initialises (it owns an $effect).
 *
 * The SQL function returns text to run, null for "nothing to show" (the empty result), or undefined for
 * "not yet": an input it depends on is still loading, so the current result stays until it can run.
 *
 * `local`, when given, may answer a text in the page instead (the same result the engine would give, from
 * figures held in memory): its answer is shown at once, and a request still waiting is withdrawn.
 */
import { untrack } from 'svelte';
import type { Table } from 'apache-arrow';
import { Superseded, type Coordinator } from '../db/coordinator.ts';

export class LiveQuery<T> {
	value: T | null = $state.raw(null);
	error: string | null = $state(null);
	/** Increments each time a new result is shown: charts expose it as data-render-id. */
	renderId = $state(0);
	/** The SQL whose result (or error) is shown; undefined before the first. */
	#shown: string | null | undefined = $state(undefined);
	readonly #sql: () => string | null | undefined;
	/** Counts the texts asked: an answer of an older one is not shown. */
	#asked = 0;

	/**
	 * The result shown is not the one the current choices ask for: the view is waiting for new figures.
	 * Derived from the SQL text itself, so it turns true in the same tick as the filter that changed it,
	 * before the coordinator has even been asked.
	 */
	get pending(): boolean {
		const text = this.#sql();
		return text === undefined || text !== this.#shown;
	}

	/** Show a result: the answer of `text` (null: nothing to show). */
	#show(text: string | null, value: T): void {
		this.value = value;
		this.error = null;
		this.#shown = text;
		this.renderId++;
	}

	constructor(
		coordinator: Coordinator,
		client: string,
		sql: () => string | null | undefined,
		parse: (table: Table) => T,
		empty: T,
		local?: (text: string) => T | undefined,
	) {
		this.#sql = sql;
		$effect(() => {
			const text = sql();
			if (text === undefined) return;
			const ticket = ++this.#asked;
			const answer = text !== null && local ? untrack(() => local(text)) : undefined;
			if (answer !== undefined) {
				coordinator.withdraw(client);
				untrack(() => this.#show(text, answer));
				return;
			}
			if (text === null) {
				untrack(() => this.#show(null, empty));
				return;
			}
			coordinator.request(client, text).then(
				(table) => {
					if (ticket === this.#asked) this.#show(text, parse(table));
				},
				(error: unknown) => {
					if (error instanceof Superseded || ticket !== this.#asked) return;
					this.error = error instanceof Error ? error.message : String(error);
					this.#shown = text;
					this.renderId++;
				},
			);
		});
	}
}

/**
 * Two live queries read as one (the overview's area, asked in two parts): its value joins theirs once
 * both have one; it is pending or failing while either is, and its render id changes when either's does.
 */
export class JoinedQuery<A, B, T> {
	readonly value: T | null;
	readonly #first: LiveQuery<A>;
	readonly #second: LiveQuery<B>;

	constructor(first: LiveQuery<A>, second: LiveQuery<B>, join: (first: A, second: B) => T) {
		this.#first = first;
		this.#second = second;
		this.value = $derived(
			first.value !== null && second.value !== null ? join(first.value, second.value) : null,
		);
	}

	get error(): string | null {
		return this.#first.error ?? this.#second.error;
	}

	get pending(): boolean {
		return this.#first.pending || this.#second.pending;
	}

	get renderId(): number {
		// Both parts of one change land together (the coordinator delivers a tick's requests at once).
		return this.#first.renderId + this.#second.renderId;
	}
}
