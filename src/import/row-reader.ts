/** What the checks of one row see of it: its cells by column, and where its issues go. */
import type { Bilingual } from '../model/metrics.ts';
import type { ImportColumnId } from './columns.ts';
import type { IssueCode } from './issue-messages.ts';
import type { Cell, Severity } from './types.ts';

/** Records an issue of the row, pointing at a column when one is named. */
export type AddIssue = (
	severity: Severity,
	code: IssueCode,
	message: Bilingual,
	id?: ImportColumnId | null,
) => void;

export interface RowReader {
	/** The cell of a column, null when the file has no such column. */
	cell(id: ImportColumnId): Cell;
	/** The cell as trimmed text ('' when empty or absent). */
	text(id: ImportColumnId): string;
	/** Whether the file has the column at all. */
	has(id: ImportColumnId): boolean;
	/** The column to point at: the one that should hold the value, else the one that asked for it. */
	columnOr(id: ImportColumnId, fallback: ImportColumnId): ImportColumnId | null;
	add: AddIssue;
}
