/**
 * The SQL workspace shared by the SQL page and the notebooks: its engine (a copy of the dataset apart
 * from the dashboard's, holding what the dashboard shows), its state, and the schema for the browser
 * and completion. Started on first use. What a restart of the engine took away (the session's own
 * tables and views, changes to the data) is kept in `lost` until the user has seen it.
 */
import { HIDDEN_TABLE } from '../db/imports.ts';
import { ident, str } from '../db/sql.ts';
import { firstKeyword, isReadOnly, splitStatements } from '../db/sql-text.ts';
import { browserWorkspace } from '../db/workspace-wasm.ts';
import { DatasetFollower, type DatasetState } from '../db/workspace-data.ts';
import type { EngineDeath, RunProgress, RunResult, Workspace } from '../db/workspace.ts';
import { datasetFolder } from '../db/dataset-folder.ts';

export interface SchemaColumn {
	name: string;
	type: string;
}

export interface SchemaTable {
	name: string;
	kind: 'table' | 'view';
	rows: number | null;
	columns: SchemaColumn[];
}

/** `dead`: the engine stopped by itself (see Workspace.watch); a restart is offered. */
export type WorkspaceStatus = 'idle' | 'starting' | 'ready' | 'error' | 'dead';

/** What the console lost when its engine was replaced. */
export interface LostWork {
	/** Why: a query that would not stop, or an engine that died. */
	cause: 'cancel' | 'dead';
	/** Tables and views the session had created (gone with the engine). */
	objects: string[];
	/** Statements had changed the data (the new copy is the dashboard's again). */
	changedData: boolean;
}

export class WorkspaceStore {
	status: WorkspaceStatus = $state('idle');
	error: string | null = $state(null);
	schema: SchemaTable[] = $state.raw([]);
	/** A statement that may change data ran since the last (re)load: offer the reset. */
	modified = $state(false);
	/** Of those, one changed the dataset's rows or tables (not only created the session's own). */
	#edited = false;
	/** The engine was restarted to stop a query (or reset): shown once to the user. */
	restarts = $state(0);
	/** What the last restart took away, until the user runs again or resets. */
	lost: LostWork | null = $state(null);
	/** The dashboard's data changed and the console's copy could not take the change (a reset will). */
	behind = $state(false);
	/** A spare engine is loaded beside a long query (a restart would be ready at once). */
	spareReady = $state(false);
	readonly #workspace: Workspace;
	readonly #follower: DatasetFollower;
	/** The tables and views of a freshly loaded engine: anything else the session created. */
	#baseline = new Set<string>();
	/** Their schema, shown at once when a new engine (a spare) takes over, until it is read again. */
	#baselineSchema: SchemaTable[] = [];

	constructor(workspace: Workspace, follower: DatasetFollower) {
		this.#workspace = workspace;
		this.#follower = follower;
		workspace.onSpare((ready) => (this.spareReady = ready));
		workspace.watch((death) => this.#onDeath(death));
	}

	/** Tables and views the session created (the console's own, lost with its engine). */
	get ownObjects(): string[] {
		return this.schema.map((t) => t.name).filter((name) => !this.#baseline.has(name));
	}

	#starting: Promise<void> | null = null;

	/** Start the engine and read the schema; resolves when the workspace is usable (or failed). */
	start(): Promise<void> {
		if (this.status === 'ready') return Promise.resolve();
		this.#starting ??= this.#load(() => this.#workspace.start()).finally(
			() => (this.#starting = null),
		);
		return this.#starting;
	}

	/**
	 * Wait for an engine being (re)loaded, then read its schema as the session's starting point; with
	 * `known`, that schema is shown at once and read again after the engine is declared ready.
	 */
	async #load(boot: () => Promise<unknown>, known?: SchemaTable[]): Promise<void> {
		this.status = 'starting';
		try {
			await boot();
			if (known && known.length > 0) {
				this.schema = known;
				void this.refreshSchema();
			} else {
				await this.refreshSchema();
			}
			// The table that holds hidden simulated figures comes and goes with the dashboard's switch.
			this.#baseline = new Set([...this.schema.map((t) => t.name), HIDDEN_TABLE]);
			this.#baselineSchema = this.schema;
			this.modified = false;
			this.#edited = false;
			this.behind = false;
			this.status = 'ready';
			this.error = null;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}

	/** What the dashboard shows changed: the console's copy follows (now if started, else when it loads). */
	follow(state: DatasetState): void {
		this.#follower.set(state);
		void this.#workspace
			.update((engine) => this.#follower.follow(engine))
			.then(
				(changed) => (changed ? this.refreshSchema() : undefined),
				() => (this.behind = true),
			);
	}

	async run(sql: string, onProgress?: (progress: RunProgress) => void): Promise<RunResult> {
		this.lost = null;
		const result = await this.#workspace.run(sql, onProgress);
		if (result.changedData) {
			this.modified = true;
			if (!createsOnly(sql)) this.#edited = true;
		}
		if (result.restarted) {
			this.restarts++;
			this.#noteLost('cancel');
			// The run is over; the next engine (often a spare, ready already) finishes loading. It holds
			// the dashboard's data, whose tables are known: no need to wait for its schema to be read.
			void this.#load(() => this.#workspace.start(), this.#baselineSchema);
		} else if (result.changedData) {
			await this.refreshSchema();
		}
		return result;
	}

	#noteLost(cause: LostWork['cause']): void {
		this.lost = { cause, objects: this.ownObjects, changedData: this.#edited };
		this.modified = false;
		this.#edited = false;
	}

	#onDeath(death: EngineDeath): void {
		this.#noteLost('dead');
		// A silent engine has no text of its own; the page words it (see EngineNotices).
		this.error = death.reason === 'silent' ? null : death.detail;
		this.status = 'dead';
	}

	cancel(): void {
		this.#workspace.cancel();
	}

	/** A fresh engine with a fresh copy of the data (whatever the console did to its copy). */
	async reset(): Promise<void> {
		if (this.status !== 'dead') this.lost = null;
		await this.#load(() => this.#workspace.reset());
	}

	async refreshSchema(): Promise<void> {
		try {
			const columns = await this.#workspace.query(
				`SELECT c.table_name, c.column_name, c.data_type, t.table_type
				FROM information_schema.columns c
				JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
				WHERE c.table_schema = 'main'
				ORDER BY c.table_name, c.ordinal_position`,
			);
			const tables = new Map<string, SchemaTable>();
			for (const row of columns.toArray()) {
				const { table_name, column_name, data_type, table_type } = row.toJSON() as Record<
					string,
					string
				>;
				let table = tables.get(table_name!);
				if (!table) {
					table = {
						name: table_name!,
						kind: table_type === 'VIEW' ? 'view' : 'table',
						rows: null,
						columns: [],
					};
					tables.set(table_name!, table);
				}
				table.columns.push({ name: column_name!, type: data_type! });
			}
			const names = [...tables.values()].filter((t) => t.kind === 'table').map((t) => t.name);
			if (names.length > 0) {
				const counts = await this.#workspace.query(
					names
						.map((name) => `SELECT ${str(name)} AS name, COUNT(*) AS n FROM ${ident(name)}`)
						.join(' UNION ALL '),
				);
				for (const row of counts.toArray()) {
					const { name, n } = row.toJSON() as { name: string; n: number };
					const table = tables.get(name);
					if (table) table.rows = Number(n);
				}
			}
			this.schema = [...tables.values()];
			this.#baselineSchema = this.schema.filter((t) => this.#baseline.has(t.name));
		} catch {
			// The schema browser keeps what it had; the console shows the engine's errors.
		}
	}
}

/** Every statement of `sql` that is not read-only creates something (a table, a view, a macro…). */
function createsOnly(sql: string): boolean {
	return splitStatements(sql).every((s) => isReadOnly(s.text) || firstKeyword(s.text) === 'CREATE');
}

let store: WorkspaceStore | undefined;

/** The page's workspace (created on first call, not started). */
export function getWorkspace(): WorkspaceStore {
	const follower = new DatasetFollower();
	store ??= new WorkspaceStore(
		browserWorkspace(datasetFolder(new URLSearchParams(location.search)), follower),
		follower,
	);
	return store;
}
