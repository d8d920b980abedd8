/**
 * The bundled data attached as a prepared database file (scripts/data/database.ts): its tables are shown
 * in the main schema as views of the attached, read-only `bundled` database, so every query of the app
 * reads them by the same names as when they are loaded from Parquet.
 *
 * The attached file cannot change. Before the first change of the data (an import, hiding the simulated
 * figures), the tables that change are copied into the engine's memory and the prepared tables are left
 * to be rebuilt as tables (`ownTablesSql`); until then the engine holds little more than the file.
 */
import type { Table } from 'apache-arrow';
import { FIGURES_VIEW_SQL } from './prepare.ts';
import { ident, str } from './sql.ts';

/** The name the attached database goes by in SQL. */
export const BUNDLED = 'bundled';

/** Tables whose rows the data changes add, remove or move (imports.ts). */
const CHANGED_TABLES = ['facts', 'sources'];

/** Tables rebuilt from the others after every change (prepare.ts). */
const PREPARED_TABLES = ['yearly', 'yearly_2025', 'unit_counts'];

/**
 * The statements that attach the file registered as `file` and show its tables in the main schema, as one
 * script: one round trip to the worker, on the cold start's path.
 */
export function attachSql(file: string, tables: readonly string[]): string {
	return [
		`ATTACH ${str(file)} AS ${BUNDLED} (READ_ONLY)`,
		...tables.flatMap((name) => [
			`DROP VIEW IF EXISTS ${ident(name)}`,
			`CREATE VIEW ${ident(name)} AS SELECT * FROM ${BUNDLED}.${ident(name)}`,
		]),
		`DROP VIEW IF EXISTS figures`,
		FIGURES_VIEW_SQL,
	].join(';\n');
}

/** The main schema's views that still show a table of the attached file. */
const ATTACHED_VIEWS_SQL = `SELECT v.view_name AS name FROM duckdb_views() v
	JOIN duckdb_tables() t ON t.database_name = ${str(BUNDLED)} AND t.table_name = v.view_name
	WHERE v.database_name = current_database() AND v.schema_name = 'main'`;

/**
 * The statements to run before changing the data, in the same transaction: the changed tables become
 * tables of their own (copies of the file's), the prepared ones are dropped for prepareSql() to rebuild.
 * None once done, or when nothing is attached.
 */
export async function ownTablesSql(engine: {
	query(sql: string): Promise<Table>;
}): Promise<string[]> {
	const result = await engine.query(ATTACHED_VIEWS_SQL);
	const attached = new Set(result.toArray().map((row) => String(row.name)));
	const statements: string[] = [];
	for (const name of CHANGED_TABLES.filter((n) => attached.has(n))) {
		statements.push(
			`DROP VIEW ${ident(name)}`,
			`CREATE TABLE ${ident(name)} AS SELECT * FROM ${BUNDLED}.${ident(name)}`,
		);
	}
	for (const name of PREPARED_TABLES.filter((n) => attached.has(n))) {
		statements.push(`DROP VIEW ${ident(name)}`);
	}
	return statements;
}

/** The attached tables the dashboard's clicks read, to read ahead (readAheadSql). */
export const READ_AHEAD_TABLES = ['yearly', 'yearly_2025', 'unit_counts'] as const;

/** A query that only names a table's columns: binding it is all it costs (the catalogue scan is slow). */
export const columnsOfSql = (table: string) => `SELECT * FROM ${BUNDLED}.${ident(table)} LIMIT 0`;

/** Columns read by one read-ahead statement: a click waits behind one at most, so each stays short. */
const READ_AHEAD_WIDTH = 8;

/**
 * Statements that read every value of an attached table once, a few columns at a time, for idle time
 * after the first screen. The first query to touch a column of the attached file reads its blocks
 * (tens of milliseconds on a busy machine); read ahead, a click finds them in memory. `facts` is left
 * alone: it is large, and few views read it.
 */
export function readAheadSql(table: string, columns: readonly string[]): string[] {
	const statements: string[] = [];
	for (let i = 0; i < columns.length; i += READ_AHEAD_WIDTH) {
		const group = columns
			.slice(i, i + READ_AHEAD_WIDTH)
			.map(ident)
			.join(', ');
		statements.push(`SELECT MAX(hash(${group})) AS h FROM ${BUNDLED}.${ident(table)}`);
	}
	return statements;
}
