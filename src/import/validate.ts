/**
 * Validation of an imported table before anything of it is used. Every problem is an issue with its row
 * and column as in the file and a plain explanation in Vietnamese and English; a row with an error is
 * rejected, a row with warnings is kept (with what the warning says done to it), empty rows are skipped.
 * Every row ends up in exactly one of accepted, rejected or empty.
 *
 * The rules: unit codes must exist in the row's list (with the closest units as suggestions), and belong
 * to the list of the row's year (codes were reused on 1 July 2025: `24` is Bắc Ninh in the 2025 list and
 * was Bắc Giang before); counts are whole numbers ≥ 0 written plainly or the Vietnamese way ("1.143");
 * petitions resolved cannot exceed petitions received; one unit, period and scope once per file; a term
 * total is not a year; years fit the period.
 */
import { METRICS, type Bilingual } from '../model/metrics.ts';
import type { FactScope } from '../model/periods.ts';
import { QUALIFIER_WORDS, SCOPE_WORDS } from './cell-words.ts';
import { columnLetter, normaliseHeader, type ImportColumnId } from './columns.ts';
import { MESSAGES, type IssueCode } from './issue-messages.ts';
import { cellText, type CountQualifier } from './numbers.ts';
import { resolveUnit } from './resolve-unit.ts';
import { readCounts } from './row-counts.ts';
import { readPeriod, readScheme } from './row-period.ts';
import type { RowReader } from './row-reader.ts';
import type { UnitCatalog } from './unit-catalog.ts';
import type { Cell, ImportIssue, ImportedFact, Sheet, Severity } from './types.ts';

export interface ValidateInput {
	sheet: Pick<Sheet, 'headers' | 'rows' | 'headerRow'>;
	/** For each header (by index), the column it is read as, or null to ignore it. */
	mapping: readonly (ImportColumnId | null)[];
	units: UnitCatalog;
	/** Facts already in the data by key (see factKey), with the kind and title of their source. */
	existing?: ReadonlyMap<string, { kind: string; title: string }>;
	/** Told the rows checked so far, every few hundred rows (for a progress bar). */
	onProgress?: (rowsChecked: number) => void;
}

export interface ValidationResult {
	issues: ImportIssue[];
	accepted: ImportedFact[];
	/** Row numbers with at least one error. */
	rejectedRows: number[];
	/** Row numbers with no content. */
	emptyRows: number[];
	/** All rows below the header. */
	totalRows: number;
}

/** The identity of a fact: one unit, period and scope. */
export function factKey(f: {
	scheme: string;
	unit_code: string;
	period: string;
	year: number | null;
	month: number | null;
	term: string | null;
	scope: string;
}): string {
	return [f.scheme, f.unit_code, f.period, f.year ?? '', f.month ?? '', f.term ?? '', f.scope].join(
		'|',
	);
}

/** How many of the other rows a duplicate's message lists. */
const DUPLICATES_LISTED = 5;
/** Rows between two progress reports: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 500;

/** Validate the rows of a sheet read with a header mapping. Pure; never throws on any cell content. */
export function validateRows(input: ValidateInput): ValidationResult {
	const { sheet, units } = input;
	const issues: ImportIssue[] = [];
	const columnOf = new Map<ImportColumnId, number>();
	input.mapping.forEach((id, index) => {
		if (id && !columnOf.has(id)) columnOf.set(id, index);
	});
	const column = (id: ImportColumnId) => {
		const index = columnOf.get(id);
		if (index === undefined) return null;
		return { index, letter: columnLetter(index), header: sheet.headers[index] ?? '', id };
	};
	/** The column to point at: the one that should hold the value, else the one that asked for it. */
	const columnOr = (id: ImportColumnId, fallback: ImportColumnId) =>
		columnOf.has(id) ? id : columnOf.has(fallback) ? fallback : null;
	const fileIssue = (
		severity: Severity,
		code: IssueCode,
		message: Bilingual,
		id?: ImportColumnId,
	) =>
		issues.push({ row: sheet.headerRow, column: id ? column(id) : null, severity, code, message });

	if (!columnOf.has('unit_code')) fileIssue('error', 'no_code_column', MESSAGES.noCodeColumn());
	const metricColumns = METRICS.map((m) => m.id).filter((id) => columnOf.has(id));
	if (metricColumns.length === 0) fileIssue('error', 'no_metric_column', MESSAGES.noMetricColumn());
	sheet.headers.forEach((header, index) => {
		if (input.mapping[index] || header === '') return;
		issues.push({
			row: sheet.headerRow,
			column: { index, letter: columnLetter(index), header, id: null },
			severity: 'info',
			code: 'ignored_column',
			message: MESSAGES.ignoredColumn(header),
		});
	});

	const accepted: (ImportedFact & { key: string })[] = [];
	const rejected = new Set<number>();
	const emptyRows: number[] = [];
	const keyRows = new Map<string, number[]>();
	const rowKeys = new Map<number, string>();

	let checked = 0;
	for (const row of sheet.rows) {
		if (++checked % PROGRESS_EVERY === 0) input.onProgress?.(checked);
		const rowIssues: ImportIssue[] = [];
		const add = (
			severity: Severity,
			code: IssueCode,
			message: Bilingual,
			id: ImportColumnId | null = null,
		) =>
			rowIssues.push({ row: row.number, column: id ? column(id) : null, severity, code, message });
		const cell = (id: ImportColumnId): Cell => {
			const index = columnOf.get(id);
			return index === undefined ? null : (row.cells[index] ?? null);
		};
		const text = (id: ImportColumnId) => cellText(cell(id));
		const reader: RowReader = { cell, text, add, columnOr, has: (id) => columnOf.has(id) };

		if (row.cells.every((c) => cellText(c) === '')) {
			emptyRows.push(row.number);
			issues.push({
				row: row.number,
				column: null,
				severity: 'info',
				code: 'empty_row',
				message: MESSAGES.emptyRow(),
			});
			continue;
		}
		const when = readPeriod(reader);
		const { year, month, term, period } = when;
		const scheme = readScheme(reader, when);

		// Scope and qualifier.
		let scope: FactScope | null = 'own';
		const scopeText = text('scope');
		if (scopeText !== '') {
			scope = SCOPE_WORDS.get(normaliseHeader(scopeText)) ?? null;
			if (!scope) add('error', 'invalid_scope', MESSAGES.invalidScope(scopeText), 'scope');
		}
		let qualifier: CountQualifier | null = null;
		const qualifierText = text('qualifier');
		if (qualifierText !== '') {
			const q = QUALIFIER_WORDS.get(normaliseHeader(qualifierText));
			if (!q)
				add('error', 'invalid_qualifier', MESSAGES.invalidQualifier(qualifierText), 'qualifier');
			else qualifier = q === 'exact' ? null : q;
		}

		// The unit.
		let code: string | null = null;
		const codeText = text('unit_code').replace(/^'/, '');
		const nameText = text('unit_name');
		if (codeText === '') {
			add('error', 'missing_code', MESSAGES.missingCode(), 'unit_code');
		} else if (scheme) {
			code = resolveUnit(codeText, nameText, scheme, year, period, month, units, add);
		}
		const counts = readCounts(reader, metricColumns, qualifier, qualifierText !== '');
		const { values } = counts;
		qualifier = counts.qualifier;

		issues.push(...rowIssues);
		if (code && scheme && period && scope) {
			const key = factKey({ scheme, unit_code: code, period, year, month, term, scope });
			// Appended in place: copying the list for each row was quadratic in a file of identical rows.
			const same = keyRows.get(key);
			if (same) same.push(row.number);
			else keyRows.set(key, [row.number]);
			rowKeys.set(row.number, key);
			if (!rowIssues.some((i) => i.severity === 'error')) {
				const noteText = text('note');
				accepted.push({
					key,
					row: row.number,
					unit_code: code,
					scheme,
					year,
					period,
					month: period === 'month' ? month : null,
					term: period === 'term' ? term : null,
					scope,
					values,
					qualifier,
					note: noteText === '' ? null : noteText,
				});
				continue;
			}
		}
		if (!rowIssues.some((i) => i.severity === 'error')) {
			// Cannot happen (a row without a key has an error), but a row is never silently lost.
			add('error', 'missing_code', MESSAGES.missingCode(), 'unit_code');
			issues.push(rowIssues.at(-1)!);
		}
		rejected.add(row.number);
	}

	// The same unit, period and scope twice in the file: neither row can be trusted.
	for (const [, rows] of keyRows) {
		if (rows.length < 2) continue;
		for (const r of rows) {
			// A few of the other rows, not all: 8,000 identical rows listing each other made 64 million
			// numbers of messages.
			const shown: number[] = [];
			for (const o of rows) {
				if (o !== r && shown.push(o) === DUPLICATES_LISTED) break;
			}
			issues.push({
				row: r,
				column: column('unit_code'),
				severity: 'error',
				code: 'duplicate',
				message: MESSAGES.duplicate(shown, rows.length - 1 - shown.length),
			});
			rejected.add(r);
		}
	}
	const kept = accepted.filter((f) => !rejected.has(f.row));
	for (const fact of kept) {
		const existing = input.existing?.get(fact.key);
		if (!existing) continue;
		issues.push({
			row: fact.row,
			column: column('unit_code'),
			severity: 'warning',
			code: existing.kind === 'reported' ? 'duplicate_reported' : 'duplicate_imported',
			message:
				existing.kind === 'reported'
					? MESSAGES.duplicateReported(existing.title)
					: MESSAGES.duplicateImported(existing.title),
		});
	}

	issues.sort((a, b) => a.row - b.row || (a.column?.index ?? -1) - (b.column?.index ?? -1));
	return {
		issues,
		accepted: kept.map(({ key: _key, ...fact }) => fact),
		rejectedRows: [...rejected].sort((a, b) => a - b),
		emptyRows,
		totalRows: sheet.rows.length,
	};
}
