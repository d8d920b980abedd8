/**
 * The SQL workspace shared by the SQL page and the notebooks: its engine (a copy of the dataset apart
 * from the dashboard's), its state, and the schema for the browser and completion. Started on first use.
 */
import { ident, str } from '../db/sql.ts';
import { browserWorkspace } from '../db/workspace-wasm.ts';
import type { RunProgress, RunResult, Workspace } from '../db/workspace.ts';
import { datasetFolder } from './data.svelte.ts';

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

export type WorkspaceStatus = 'idle' | 'starting' | 'ready' | 'error';

export class WorkspaceStore {
	status: WorkspaceStatus = $state('idle');
	error: string | null = $state(null);
	schema: SchemaTable[] = $state.raw([]);
	/** A statement that may change data ran since the last (re)load: offer the reset. */
	modified = $state(false);
	/** The engine was restarted to stop a query (or reset): shown once to the user. */
	restarts = $state(0);
	readonly #workspace: Workspace;

	constructor(workspace: Workspace) {
		this.#workspace = workspace;
	}

	#starting: Promise<void> | null = null;

	/** Start the engine and read the schema; resolves when the workspace is usable (or failed). */
	start(): Promise<void> {
		if (this.status === 'ready') return Promise.resolve();
		this.#starting ??= (async () => {
			this.status = 'starting';
			try {
				await this.#workspace.start();
				await this.refreshSchema();
				this.status = 'ready';
				this.error = null;
			} catch (error) {
				this.error = error instanceof Error ? error.message : String(error);
				this.status = 'error';
			} finally {
				this.#starting = null;
			}
		})();
		return this.#starting;
	}

	async run(sql: string, onProgress?: (progress: RunProgress) => void): Promise<RunResult> {
		const result = await this.#workspace.run(sql, onProgress);
		if (result.restarted) {
			this.restarts++;
			this.modified = false;
		}
		if (result.changedData) {
			this.modified = true;
			await this.refreshSchema();
		}
		return result;
	}

	cancel(): void {
		this.#workspace.cancel();
	}

	/** A fresh engine with a fresh copy of the data (whatever the console did to its copy). */
	async reset(): Promise<void> {
		this.status = 'starting';
		try {
			await this.#workspace.reset();
			await this.refreshSchema();
			this.modified = false;
			this.status = 'ready';
			this.error = null;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
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
		} catch {
			// The schema browser keeps what it had; the console shows the engine's errors.
		}
	}
}

let store: WorkspaceStore | undefined;

/** The page's workspace (created on first call, not started). */
export function getWorkspace(): WorkspaceStore {
	store ??= new WorkspaceStore(
		browserWorkspace(datasetFolder(new URLSearchParams(location.search))),
	);
	return store;
}
