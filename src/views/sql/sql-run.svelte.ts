/**
 * One query at a time on the console: what is running (rows so far, time, the first rows while they
 * stream), the result of the last run, and its error placed in the editor's text.
 */
import { Table } from 'apache-arrow';
import type { SqlErrorInfo } from '../../db/sql-error.ts';
import type { RunResult } from '../../db/workspace.ts';
import type { WorkspaceStore } from '../../state/workspace.svelte.ts';

/** What the result area shows: the rows streaming in, or the last result. */
export interface ShownResult {
	table: Table;
	totalRows: number;
	complete: boolean;
	columnTypes: string[] | null;
}

export class SqlRun {
	running = $state(false);
	elapsedMs = $state(0);
	streamedRows = $state(0);
	streaming = $state.raw<Table | null>(null);
	result = $state.raw<RunResult | null>(null);
	error: SqlErrorInfo | null = $state(null);
	readonly #workspace: WorkspaceStore;
	/** Rows drawn while streaming, at most: the table shows no more. */
	readonly #renderCap: number;

	constructor(workspace: WorkspaceStore, renderCap: number) {
		this.#workspace = workspace;
		this.#renderCap = renderCap;
	}

	/** The streaming rows or the last result, for the result view. */
	get shown(): ShownResult | null {
		if (this.streaming) {
			return {
				table: this.streaming,
				totalRows: this.streamedRows,
				complete: false,
				columnTypes: null,
			};
		}
		const result = this.result;
		if (!result?.table) return null;
		return {
			table: result.table,
			totalRows: result.totalRows,
			complete: result.status === 'done',
			columnTypes: result.columnTypes,
		};
	}

	/**
	 * Run `text`, which starts at `from` in the editor's `doc`; resolves to the outcome (null when a run
	 * is already going or there is nothing to run).
	 */
	async run(text: string, from: number, doc: string): Promise<RunResult | null> {
		if (this.running || !text.trim()) return null;
		this.running = true;
		this.error = null;
		this.streamedRows = 0;
		this.streaming = null;
		this.elapsedMs = 0;
		const started = performance.now();
		const timer = setInterval(() => (this.elapsedMs = performance.now() - started), 100);
		let lastDraw = 0;
		const outcome = await this.#workspace.run(text, (progress) => {
			this.streamedRows = progress.rows;
			// Draw the first rows as they arrive, at most a few times a second, until the table's
			// rows are all there (after that only the count changes).
			const now = performance.now();
			const streaming = this.streaming;
			const filling = streaming === null || streaming.numRows < this.#renderCap;
			if (progress.kept.length > 0 && filling && (streaming === null || now - lastDraw > 300)) {
				lastDraw = now;
				this.streaming = new Table([...progress.kept]);
			}
		});
		clearInterval(timer);
		this.running = false;
		this.streaming = null;
		this.elapsedMs = outcome.elapsedMs;
		this.result = outcome;
		if (outcome.error) {
			const offset = outcome.error.offset === null ? null : from + outcome.error.offset;
			const before = offset === null ? [] : doc.slice(0, offset).split('\n');
			this.error = {
				...outcome.error,
				offset,
				line: offset === null ? null : before.length,
				column: offset === null ? null : [...before[before.length - 1]!].length + 1,
			};
		}
		return outcome;
	}
}
