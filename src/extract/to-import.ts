/**
 * Accepted report figures → an import record, the way the data page imports a file: the figures become
 * rows of the template (one row per unit, period and scope, one metric column per figure), the rows go
 * through the file importer's own validation, and what it says is mapped back to the figures. The
 * record is stored, applied and removed like any import; its source is the report (kind `reported`).
 *
 * What the `facts` table cannot hold is said, never dropped silently:
 * - A stated total of sessions (`sessions_total`) has no column: it is kept in the row's note. It is not
 *   split into regular and thematic sessions (nothing tells how), so a total alone stores nothing.
 * - A stated share of petitions resolved (`petition_resolution_rate`) goes in the note the same way.
 * - A figure counted from the start of a term "up to now" (`cumulative`) is a lower bound of the term's
 *   total: it is stored as `at_least`, with "lũy kế đến <date>" in the note.
 * - Quarters and date spans have no period in `facts`: such figures are left out with an error, as are
 *   figures with no unit.
 * Each row's note quotes the sentences its figures were read from, so SQL users see where they came from.
 *
 * Pure: no DOM, no DuckDB.
 */
import type { BatchSource } from '../db/imports.ts';
import { IMPORT_COLUMNS, type ImportColumnId } from '../import/columns.ts';
import type { SheetRow } from '../import/types.ts';
import type { UnitCatalog } from '../import/unit-catalog.ts';
import { validateRows, type ValidateInput } from '../import/validate.ts';
import { isMetricId, type Bilingual } from '../model/metrics.ts';
import {
	RECORD_VERSION,
	localTimestamp,
	recordId,
	type ReportEvidence,
	type StoredImport,
} from '../state/import-store.ts';
import { groupFigures, type Group } from './figure-groups.ts';
import { groupRow, storedQualifier } from './figure-rows.ts';
import { TO_IMPORT_MESSAGES } from './to-import-messages.ts';
import type { ExtractedFigure } from './types.ts';

/** The report the figures come from, as the user confirmed it. */
export interface ReportSource {
	title: string;
	publisher: string | null;
	/** ISO date of the report. */
	date: string | null;
	url: string | null;
	fileName: string | null;
}

export interface ToImportInput {
	/** The text the figures' offsets refer to. */
	text: string;
	/** The accepted figures, as corrected by the user. */
	figures: readonly ExtractedFigure[];
	source: ReportSource;
	units: UnitCatalog;
	/** Facts already in the data (see validateRows), for the "already there" warnings. */
	existing?: ValidateInput['existing'];
	now: Date;
}

/** What stands in the way of one figure (`error`: left out) or qualifies how it is stored (`warning`). */
export interface FigureProblem {
	figureId: string;
	severity: 'error' | 'warning';
	message: Bilingual;
}

/** Turn accepted figures into an import record; null when nothing can be stored. */
export function figuresToImport(input: ToImportInput): {
	record: StoredImport | null;
	problems: FigureProblem[];
} {
	const problems: FigureProblem[] = [];
	const problem = (
		figure: ExtractedFigure,
		severity: FigureProblem['severity'],
		message: Bilingual,
	) => problems.push({ figureId: figure.id, severity, message });

	// 1. Group by unit, period and scope; leave out what has no unit or no storable period.
	const groups = groupFigures(input.figures, problem);

	// 2. One template row per group.
	const headers = IMPORT_COLUMNS.map((c) => c.header.vi);
	const mapping: ImportColumnId[] = IMPORT_COLUMNS.map((c) => c.id);
	const rows: SheetRow[] = [];
	/** Per row: the group, and its figures that go into it (as a value or in the note). */
	const rowFigures = new Map<number, { group: Group; figures: ExtractedFigure[] }>();
	for (const group of groups.values()) {
		const row = groupRow(group, input.text, input.source.date, problem);
		if (!row) continue;
		const number = rows.length + 2;
		rows.push({ number, cells: mapping.map((id) => row.cells[id] ?? null) });
		rowFigures.set(number, { group, figures: row.kept });
	}

	// 3. The file importer's validation, and what it says mapped back to the figures.
	const result = validateRows({
		sheet: { headers, rows, headerRow: 1 },
		mapping,
		units: input.units,
		existing: input.existing,
	});
	const rejected = new Set(result.rejectedRows);
	for (const issue of result.issues) {
		// A rejected row's warnings say how it would have been stored: only its errors matter.
		if (issue.severity === 'info' || (issue.severity === 'warning' && rejected.has(issue.row))) {
			continue;
		}
		const entry = rowFigures.get(issue.row);
		if (!entry) continue;
		// A report's figures are `reported`: unlike a later file, they replace an imported file's.
		const message =
			issue.code === 'duplicate_imported'
				? TO_IMPORT_MESSAGES.replacesImported(input.existing?.get(entry.group.key)?.title ?? '')
				: issue.message;
		const metric = issue.column?.id;
		const direct =
			metric && isMetricId(metric)
				? entry.figures.filter((f) => f.metric === metric)
				: entry.figures;
		for (const f of entry.figures) {
			if (direct.includes(f)) problem(f, issue.severity, message);
			else if (issue.severity === 'error') {
				problem(f, 'error', TO_IMPORT_MESSAGES.leftOutWithRow(message));
			}
		}
	}
	for (const fact of result.accepted) {
		if (!fact.qualifier) continue;
		for (const f of rowFigures.get(fact.row)!.figures) {
			if (isMetricId(f.metric) && storedQualifier(f.qualifier) === null) {
				problem(f, 'warning', TO_IMPORT_MESSAGES.exactInQualifiedRow(fact.qualifier));
			}
		}
	}

	const order = new Map(input.figures.map((f, i) => [f.id, i]));
	problems.sort(
		(a, b) =>
			(order.get(a.figureId) ?? 0) - (order.get(b.figureId) ?? 0) ||
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
	);
	if (result.accepted.length === 0) return { record: null, problems };

	// 4. The record: the accepted rows, the report, and where each stored figure stands in it.
	const evidence: ReportEvidence[] = result.accepted.flatMap((fact) => {
		const { group, figures } = rowFigures.get(fact.row)!;
		return figures.map((f) => ({
			metric: f.metric,
			unitKey: group.unitKey,
			period: group.period,
			year: group.year,
			month: group.month,
			term: group.term,
			scope: group.scope,
			start: f.start,
			end: f.end,
			sentenceStart: f.sentenceStart,
			sentenceEnd: f.sentenceEnd,
		}));
	});
	const source: BatchSource = { kind: 'reported', ...input.source };
	const record: StoredImport = {
		version: RECORD_VERSION,
		id: recordId(
			'report',
			input.now,
			`${input.source.title}|${input.text}|${evidence.length}|${input.now.getTime()}`,
		),
		fileName: input.source.fileName ?? input.source.title,
		importedAt: localTimestamp(input.now),
		format: 'report',
		totalRows: result.totalRows,
		rejectedRows: result.rejectedRows.length,
		mapping: headers.map((header, i) => ({ header, column: mapping[i] ?? null })),
		// Only the metrics the report gives (the other columns of the template are empty: not reported).
		facts: result.accepted.map((fact) => ({
			...fact,
			values: Object.fromEntries(Object.entries(fact.values).filter(([, v]) => v !== null)),
		})),
		source,
		report: { text: input.text, evidence },
	};
	return { record, problems };
}
