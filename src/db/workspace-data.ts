/**
 * The console's copy of the data follows the dashboard's: the bundled files, then the same imports and
 * figures accepted from reports, with the simulated figures shown or hidden as on the dashboard. The
 * changes are the dashboard's own statements (imports.ts), so the console sees the same tables, and
 * `yearly` and `figures` carry each row's `source_kind` to filter on.
 *
 * A started engine is brought up to date by the difference between what it holds and what the
 * dashboard shows (imports added or removed, the switch turned), in one transaction; a new engine
 * (a start, a reset, a restart after a stuck query) is loaded straight into the current state.
 */
import type { Connector } from './connector.ts';
import { insertImportSql, removeImportSql, simulatedSql, type ImportBatch } from './imports.ts';
import { ownTablesSql } from './bundled.ts';
import { prepareSql } from './prepare.ts';

/** What the dashboard shows on top of the bundled files. */
export interface DatasetState {
	/** The imports and accepted report figures applied on the dashboard, oldest first. */
	batches: readonly ImportBatch[];
	showSimulated: boolean;
}

/** The bundled files alone, as a freshly loaded engine holds them. */
export const BUNDLED: DatasetState = { batches: [], showSimulated: true };

/**
 * The statements that take a copy holding `from` to `to`, in the dashboard's order (removals, additions,
 * the simulated switch, then the prepared tables); none when nothing differs.
 */
export function changeSql(from: DatasetState, to: DatasetState): string[] {
	const had = new Set(from.batches.map((b) => b.id));
	const wanted = new Set(to.batches.map((b) => b.id));
	const removed = from.batches.filter((b) => !wanted.has(b.id)).map((b) => b.id);
	const added = to.batches.filter((b) => !had.has(b.id));
	const simulated = from.showSimulated === to.showSimulated ? [] : simulatedSql(to.showSimulated);
	if (removed.length === 0 && added.length === 0 && simulated.length === 0) return [];
	return [
		...removed.flatMap(removeImportSql),
		...added.flatMap((b) => insertImportSql(b)),
		...simulated,
		...prepareSql(true),
	];
}

/** Run statements as one transaction: all of them, or (on the first error, rethrown) none. */
export async function applyAll(engine: Connector, statements: readonly string[]): Promise<void> {
	if (statements.length === 0) return;
	// The attached bundled tables are copied into memory first: they cannot change (bundled.ts).
	const first = await ownTablesSql(engine);
	await engine.exec('BEGIN TRANSACTION');
	try {
		for (const sql of [...first, ...statements]) await engine.exec(sql);
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

/**
 * The state the console should hold, as the dashboard last reported it, and what each engine holds.
 * Until the dashboard has reported once (its stored imports are applied after its own load), loading
 * an engine waits for it, so the console never shows the bundled files alone by mistake.
 */
export class DatasetFollower {
	#target: DatasetState | null = null;
	#known: Promise<void>;
	#resolveKnown: () => void = () => {};
	readonly #held = new WeakMap<object, DatasetState>();

	constructor() {
		this.#known = new Promise((resolve) => (this.#resolveKnown = resolve));
	}

	/** The dashboard's state changed (or is known for the first time). */
	set(state: DatasetState): void {
		this.#target = state;
		this.#resolveKnown();
	}

	/** Bring a freshly loaded engine (holding the bundled files) to the dashboard's state. */
	async load(engine: Connector): Promise<void> {
		await this.#known;
		await this.follow(engine, BUNDLED);
	}

	/**
	 * Bring an engine to the dashboard's state from what it holds (`from`, when it is not known yet);
	 * true if anything was applied. On failure the engine keeps what it held.
	 */
	async follow(engine: Connector, from?: DatasetState): Promise<boolean> {
		const target = this.#target;
		const held = from ?? this.#held.get(engine);
		if (!target || !held) return false;
		const statements = changeSql(held, target);
		await applyAll(engine, statements);
		this.#held.set(engine, target);
		return statements.length > 0;
	}
}
