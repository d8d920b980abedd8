/**
 * A notebook cell as the page holds it: its text and chart (what the notebook's file keeps) and what this
 * visit adds (edited or not, its run and result). Pure helpers, so that the state class and the cells
 * share one definition and the rules can be tested without a page.
 */
import type { Table } from 'apache-arrow';
import type { SqlErrorInfo } from '../../db/sql-error.ts';
import type { Cell, ChartOptions } from '../../model/notebook.ts';

export interface LiveCell {
	/** Keys the cell in the page's list, so that an added or removed cell leaves the others' editors. */
	key: number;
	kind: 'markdown' | 'sql';
	text: string;
	chart: ChartOptions | null;
	editing: boolean;
	running: boolean;
	ran: boolean;
	table: Table | null;
	totalRows: number;
	complete: boolean;
	elapsedMs: number;
	error: SqlErrorInfo | null;
}

/** A cell of the notebook's file as the page holds it: not run, not being edited. */
export function liveCell(cell: Cell, key: number): LiveCell {
	return {
		key,
		kind: cell.kind,
		text: cell.text,
		chart: cell.kind === 'sql' ? cell.chart : null,
		editing: false,
		running: false,
		ran: false,
		table: null,
		totalRows: 0,
		complete: false,
		elapsedMs: 0,
		error: null,
	};
}

/** The cells as the notebook's file keeps them (what is saved, shared and downloaded). */
export function plainCells(cells: readonly LiveCell[]): Cell[] {
	return cells.map((c) =>
		c.kind === 'sql'
			? { kind: 'sql', text: c.text, chart: c.chart }
			: { kind: 'markdown', text: c.text },
	);
}

/** What a cell added by the user starts with: a query that runs as it is, or empty text. */
export function newCell(kind: 'sql' | 'markdown'): Cell {
	return kind === 'sql'
		? { kind: 'sql', text: 'SELECT * FROM yearly LIMIT 10', chart: null }
		: { kind: 'markdown', text: '' };
}

/** Where a SQL cell stands, for its `data-cell-status` (tests and the page's ready signal read it). */
export function cellStatus(cell: Pick<LiveCell, 'running' | 'ran'>): 'running' | 'ran' | 'idle' {
	return cell.running ? 'running' : cell.ran ? 'ran' : 'idle';
}

/** A SQL editor's height in pixels: its lines at 20 px, at least 64 and at most 420. */
export function editorHeight(text: string): number {
	return Math.min(420, Math.max(64, text.split('\n').length * 20 + 14));
}

/** A text cell's editor rows: its lines and one to type on, at least 3. */
export function textareaRows(text: string): number {
	return Math.max(3, text.split('\n').length + 1);
}
