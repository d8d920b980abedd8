/**
 * Imported datasets in DuckDB: each import is one `sources` row (kind `imported`, title = file name,
 * date = import day, publisher = "Nhập từ tệp lúc HH:MM:SS") and its `facts` rows. Figures accepted
 * from a report's text are stored the same way, but their `sources` row describes the report (its
 * title, publisher, date, address or file name) with kind `reported`, and its id starts `report-`. Adding, removing and
 * hiding the simulated figures each run as one transaction together with the rebuild of the prepared
 * tables, so a failure leaves every table exactly as it was.
 *
 * Hiding the simulated figures moves their `facts` rows into `facts_simulated_hidden` (and back): every
 * view, the unit details and SQL then see only real figures, with no change to their queries.
 */
import type { ImportedFact } from '../import/types.ts';
import { FACT_COLUMNS, METRIC_IDS } from '../model/metrics.ts';
import type { Coordinator } from './coordinator.ts';
import { ownTablesSql } from './bundled.ts';
import { prepareSql } from './prepare.ts';
import { ident, num, str } from './sql.ts';

/** The report figures were read from (absent for a file import). */
export interface BatchSource {
	kind: 'reported';
	title: string;
	publisher: string | null;
	/** ISO date of the report. */
	date: string | null;
	url: string | null;
	/** The file the report was read from, when it was one. */
	fileName: string | null;
}

/** One import as kept: its source and its accepted rows. */
export interface ImportBatch {
	id: string;
	fileName: string;
	/** ISO timestamp with the local offset, e.g. 2026-11-23T14:05:12+07:00. */
	importedAt: string;
	facts: ImportedFact[];
	/** Set when the figures were read from a report: the `sources` row then describes the report. */
	source?: BatchSource;
}

/** The id prefix of batches read from a report (a file import's is `import-`). */
export const REPORT_ID_PREFIX = 'report-';

export const HIDDEN_TABLE = 'facts_simulated_hidden';

const literal = (value: string | number | null | undefined): string =>
	value === null || value === undefined
		? 'NULL'
		: typeof value === 'number'
			? num(value)
			: str(value);

/** The local time of an ISO timestamp ("14:05:12"), read from the text itself (no time zone games). */
function clockOf(iso: string): string {
	return /T(\d{2}:\d{2}:\d{2})/.exec(iso)?.[1] ?? '';
}

/** The note kept with an imported row: where in the file it came from, then the file's own note. */
export function importedNote(fact: ImportedFact): string {
	return fact.note ? `Dòng ${fact.row}: ${fact.note}` : `Dòng ${fact.row}`;
}

/** How many figures (non-empty metric cells) a batch holds. */
function figureCount(batch: ImportBatch): number {
	return batch.facts.reduce(
		(n, f) => n + METRIC_IDS.filter((id) => typeof f.values[id] === 'number').length,
		0,
	);
}

/** The `sources` row of a batch: the file, or the report its figures were read from. */
function sourceValues(batch: ImportBatch): (string | null)[] {
	const report = batch.source;
	if (report) {
		return [
			batch.id,
			report.title,
			report.publisher,
			report.date,
			report.url ?? report.fileName,
			'reported',
			`Trích từ báo cáo trong trình duyệt lúc ${batch.importedAt}; ${figureCount(batch)} số liệu.`,
		];
	}
	return [
		batch.id,
		batch.fileName,
		`Nhập từ tệp lúc ${clockOf(batch.importedAt)}`,
		batch.importedAt.slice(0, 10),
		null,
		'imported',
		`Nhập vào trình duyệt lúc ${batch.importedAt}; ${batch.facts.length} dòng.`,
	];
}

/** Statements that add one import (its source row, then its facts in chunks). */
export function insertImportSql(batch: ImportBatch, chunk = 500): string[] {
	const source = `INSERT INTO sources (id, title, publisher, date, url, kind, note) VALUES (${sourceValues(
		batch,
	)
		.map(literal)
		.join(', ')})`;
	// A report's figures have no row in a file: their note is the sentence they were read from.
	const noteOf = batch.source ? (f: ImportedFact) => f.note : importedNote;
	const statements = [source];
	for (let i = 0; i < batch.facts.length; i += chunk) {
		const values = batch.facts
			.slice(i, i + chunk)
			.map(
				(f) =>
					`(${[
						literal(f.unit_code),
						literal(f.scheme),
						literal(f.year),
						literal(f.period),
						literal(f.month),
						literal(f.term),
						literal(f.scope),
						...METRIC_IDS.map((id) => literal(f.values[id])),
						literal(f.qualifier),
						literal(batch.id),
						literal(noteOf(f)),
					].join(', ')})`,
			)
			.join(',\n');
		statements.push(`INSERT INTO facts (${FACT_COLUMNS.map(ident).join(', ')}) VALUES\n${values}`);
	}
	return statements;
}

/**
 * Statements that remove one import: its facts, then its source. Only a source the browser added is
 * deleted (an imported file, or a report whose id starts `report-`), never a bundled one.
 */
export function removeImportSql(id: string): string[] {
	const added = `(kind = 'imported' OR (kind = 'reported' AND starts_with(id, ${str(REPORT_ID_PREFIX)})))`;
	return [
		`DELETE FROM facts WHERE source_id = ${str(id)} AND source_id IN (SELECT id FROM sources WHERE ${added})`,
		`DELETE FROM sources WHERE id = ${str(id)} AND ${added}`,
	];
}

/** Statements that show or hide the simulated figures; both are safe to repeat. */
export function simulatedSql(show: boolean): string[] {
	const create = `CREATE TABLE IF NOT EXISTS ${HIDDEN_TABLE} AS SELECT * FROM facts LIMIT 0`;
	const simulatedIds = `SELECT id FROM sources WHERE kind = 'simulated'`;
	return show
		? [create, `INSERT INTO facts SELECT * FROM ${HIDDEN_TABLE}`, `DROP TABLE ${HIDDEN_TABLE}`]
		: [
				create,
				`INSERT INTO ${HIDDEN_TABLE} SELECT * FROM facts WHERE source_id IN (${simulatedIds})`,
				`DELETE FROM facts WHERE source_id IN (${simulatedIds})`,
			];
}

/** What the data should look like: imports to add or remove, and whether simulated figures are shown. */
export interface DataChange {
	add?: ImportBatch[];
	remove?: string[];
	showSimulated?: boolean;
	/** `yearly` as a table (true) or a view (the benchmark's baseline). */
	optimised?: boolean;
}

/**
 * Apply a change and rebuild the prepared tables in one transaction; on any error everything is rolled
 * back and the error is thrown. The coordinator's cache is cleared either way.
 */
export async function applyDataChange(coordinator: Coordinator, change: DataChange): Promise<void> {
	const statements = [
		...(change.remove ?? []).flatMap(removeImportSql),
		...(change.add ?? []).flatMap((b) => insertImportSql(b)),
		...(change.showSimulated === undefined ? [] : simulatedSql(change.showSimulated)),
		...prepareSql(change.optimised ?? true),
	];
	// The attached bundled tables are copied into memory first: they cannot change (bundled.ts).
	await coordinator.transaction(statements, ownTablesSql);
}

/** Facts of reported and imported sources by key, for the validator's "already there" warnings. */
export const EXISTING_FACTS_SQL = `SELECT f.scheme, f.unit_code, f.period, f.year::INTEGER AS year,
	f.month::INTEGER AS month, f.term, f.scope, s.kind, s.title
FROM facts f JOIN sources s ON s.id = f.source_id
WHERE s.kind IN ('reported', 'imported')`;

/** Every unit, for the importer's unit catalogue (the parent finds units named in a title block). */
export const UNITS_FOR_IMPORT_SQL = `SELECT code, scheme, name, name_with_type AS "nameWithType", level,
	parent_code AS parent FROM units`;
