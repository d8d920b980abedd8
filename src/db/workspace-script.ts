/**
 * What the SQL workspace says about a script without running it, and where in the script an error is:
 * the guard's refusal, an engine error placed at its line and column, and DuckDB's column types of a
 * result (for downloads that keep whole-number sums as integers).
 */
import type { Table } from 'apache-arrow';
import { isDouble } from './integer-columns.ts';
import { parseSqlError, type SqlErrorInfo } from './sql-error.ts';
import { engineRefusal, refuseStatement } from './sql-guard.ts';
import { firstKeyword, type StatementSpan } from './sql-text.ts';
import type { WorkspaceEngine } from './workspace-types.ts';

/** Queries that DESCRIBE can bind (not SHOW, DESCRIBE, SUMMARIZE or EXPLAIN, nor writes). */
const DESCRIBABLE = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);

/** The refused statement's text is shown, cut to this many characters. */
const REFUSED_TEXT_SHOWN = 200;

/** Line and column (1-based, in characters, not UTF-16 units) of an offset in the script. */
export function scriptPosition(script: string, offset: number): { line: number; column: number } {
	const before = script.slice(0, offset).split('\n');
	return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}

/** The first statement of the script that the guard refuses, as an error placed in the script. */
export function guardScript(script: string, statements: StatementSpan[]): SqlErrorInfo | null {
	for (const statement of statements) {
		const refusal = refuseStatement(statement.text);
		if (!refusal) continue;
		const offset = statement.from + refusal.offset;
		const text = statement.text;
		return {
			kind: '',
			refused: refusal.reason,
			message: text.length > REFUSED_TEXT_SHOWN ? `${text.slice(0, REFUSED_TEXT_SHOWN)}…` : text,
			offset,
			...scriptPosition(script, offset),
		};
	}
	return null;
}

/**
 * The engine's error for a statement of the script, placed in the script (the engine only knows its
 * position in the statement), and marked refused when the engine's own lock refused it.
 */
export function scriptError(
	error: unknown,
	statement: StatementSpan | null,
	script: string,
): SqlErrorInfo {
	const info = parseSqlError(error, statement?.text ?? script);
	const refusal = engineRefusal(info);
	if (refusal) info.refused = refusal;
	if (statement && info.offset !== null) {
		info.offset = statement.from + info.offset;
		Object.assign(info, scriptPosition(script, info.offset));
	}
	return info;
}

/**
 * DuckDB's column types of a read-only query's result (DESCRIBE binds it without running it), when
 * some column arrived as a double; null otherwise, or when the engine cannot describe it.
 */
export async function describeColumnTypes(
	engine: WorkspaceEngine,
	sql: string,
	table: Table,
): Promise<string[] | null> {
	const doubles = table.schema.fields.some((field) => isDouble(field.type));
	if (!doubles || !DESCRIBABLE.has(firstKeyword(sql))) return null;
	try {
		const described = await engine.query(`DESCRIBE ${sql}`);
		const types = described.toArray().map((row) => String(row.toJSON().column_type));
		return types.length === table.numCols ? types : null;
	} catch {
		return null;
	}
}
