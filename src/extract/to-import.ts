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
import type { Cell, SheetRow } from '../import/types.ts';
import type { UnitCatalog } from '../import/unit-catalog.ts';
import { factKey, validateRows, type ValidateInput } from '../import/validate.ts';
import { isMetricId, type Bilingual, type MetricId } from '../model/metrics.ts';
import type { PeriodKind } from '../model/periods.ts';
import { parseUnitKey } from '../model/units.ts';
import {
	RECORD_VERSION,
	localTimestamp,
	recordId,
	type ReportEvidence,
	type StoredImport,
} from '../state/import-store.ts';
import { extractMetricLabel } from './metric-labels.ts';
import type { ExtractedFigure, ExtractMetricId, ExtractQualifier } from './types.ts';

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

/** The longest sentence quoted in a note; longer ones are cut with "…". */
export const NOTE_SENTENCE_CHARS = 300;

/** Messages of the problems found before validation. Exact texts are tested. */
export const TO_IMPORT_MESSAGES = {
	chooseUnit: (candidates: string[]): Bilingual => ({
		vi: `Chưa rõ số liệu này của đơn vị nào: chọn một đơn vị.${candidates.length ? ` Có thể là: ${candidates.join('; ')}.` : ''}`,
		en: `Which unit this figure belongs to is not known: choose a unit.${candidates.length ? ` It may be: ${candidates.join('; ')}.` : ''}`,
	}),
	choosePeriod: (): Bilingual => ({
		vi: 'Chọn kỳ báo cáo khác: số liệu theo quý hoặc theo khoảng ngày chưa lưu được (chỉ cả năm, 6 tháng, 9 tháng, tháng, cả nhiệm kỳ).',
		en: 'Choose another period: quarters and date spans cannot be stored yet (only full year, first half, nine months, month, whole term).',
	}),
	conflict: (label: Bilingual, values: number[]): Bilingual => ({
		vi: `Hai số liệu "${label.vi}" khác nhau (${values.join(' và ')}) cho cùng đơn vị, kỳ và phạm vi: không lưu số nào. Bỏ chấp nhận số sai rồi lưu lại.`,
		en: `Two different "${label.en}" figures (${values.join(' and ')}) for the same unit, period and scope: neither is stored. Un-accept the wrong one and save again.`,
	}),
	noteOnlyAlone: (label: Bilingual): Bilingual => ({
		vi: `"${label.vi}" không có cột riêng trong bảng số liệu, chỉ được ghi vào ghi chú của một dòng có số liệu khác; dòng này không có số liệu nào khác nên không lưu.`,
		en: `"${label.en}" has no column of its own and is only kept in the note of a row with other figures; this row has none, so it is not stored.`,
	}),
	noteOnly: (label: Bilingual): Bilingual => ({
		vi: `"${label.vi}" không có cột riêng: ghi vào ghi chú của dòng số liệu.`,
		en: `"${label.en}" has no column of its own: kept in the row's note.`,
	}),
	totalMismatch: (total: number, regular: number, thematic: number): Bilingual => ({
		vi: `Tổng ${total} kỳ họp khác thường lệ ${regular} + chuyên đề ${thematic}.`,
		en: `The total of ${total} sessions differs from ${regular} regular + ${thematic} thematic.`,
	}),
	cumulative: (until: string): Bilingual => ({
		vi: `Số lũy kế ${until}: lưu là "ít nhất" (mức tối thiểu của cả nhiệm kỳ).`,
		en: `A count to date (${until}): stored as "at least" (a lower bound of the whole term).`,
	}),
	exactInQualifiedRow: (qualifier: 'at_least' | 'approx'): Bilingual => ({
		vi: `Số chính xác nhưng lưu là "${qualifier === 'at_least' ? 'ít nhất' : 'khoảng'}": một dòng chỉ có một tính chất số liệu, và số khác cùng dòng ghi như vậy.`,
		en: `An exact figure stored as "${qualifier === 'at_least' ? 'at least' : 'approx'}": a row has one qualifier, and another figure of the row says so.`,
	}),
	leftOutWithRow: (message: Bilingual): Bilingual => ({
		vi: `Không lưu vì cùng dòng (đơn vị, kỳ, phạm vi) với số liệu lỗi: ${message.vi}`,
		en: `Not stored, with its row (unit, period and scope): ${message.en}`,
	}),
	replacesImported: (title: string): Bilingual => ({
		vi: `Tệp đã nhập "${title}" đã có số liệu cùng đơn vị, kỳ báo cáo và phạm vi: biểu đồ sẽ dùng số liệu báo cáo này.`,
		en: `The imported file "${title}" already has figures for the same unit, period and scope: the charts will use this report's figures.`,
	}),
};

/** A figure's period in the `facts` table, or null when the table has no such period. */
const STORED_PERIOD: Record<ExtractedFigure['period']['kind'], PeriodKind | null> = {
	year: 'year',
	h1: 'h1',
	m9: 'm9',
	month: 'month',
	term: 'term',
	quarter: null,
	span: null,
};

/** The qualifier a figure is stored with: a count to date is a lower bound. */
const storedQualifier = (q: ExtractQualifier): 'at_least' | 'approx' | null =>
	q === 'cumulative' ? 'at_least' : q === 'exact' ? null : q;

/** How a qualified count is written in a cell, so that the validator reads it (see numbers.ts). */
const QUALIFIER_WORD = { at_least: 'trên', approx: 'khoảng' } as const;

interface Group {
	key: string;
	unitKey: string;
	scheme: string;
	code: string;
	period: PeriodKind;
	year: number | null;
	month: number | null;
	term: string | null;
	scope: string;
	/** Figures in the order of the text. */
	figures: ExtractedFigure[];
}

/** "11/01/2023" from an ISO date. */
function dayMonthYear(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
	return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** One sentence of the report, on one line, cut to NOTE_SENTENCE_CHARS. */
function sentenceOf(text: string, figure: ExtractedFigure): string {
	const sentence = text.slice(figure.sentenceStart, figure.sentenceEnd).replace(/\s+/g, ' ').trim();
	return sentence.length > NOTE_SENTENCE_CHARS
		? `${sentence.slice(0, NOTE_SENTENCE_CHARS - 1).trimEnd()}…`
		: sentence;
}

const percent = (value: number): string => String(value).replace('.', ',');

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
	const groups = new Map<string, Group>();
	for (const figure of input.figures) {
		const unit = figure.unitKey ? parseUnitKey(figure.unitKey) : undefined;
		if (!figure.unitKey || !unit) {
			const names = figure.unitCandidates.map((c) => `${c.nameWithType} (${c.province})`);
			problem(figure, 'error', TO_IMPORT_MESSAGES.chooseUnit(names));
			continue;
		}
		const period = STORED_PERIOD[figure.period.kind];
		if (!period) {
			problem(figure, 'error', TO_IMPORT_MESSAGES.choosePeriod());
			continue;
		}
		// A term total belongs to no year, and only a month row has a month: as the validator keeps them.
		const fields = {
			scheme: unit.scheme,
			unit_code: unit.code,
			period,
			year: period === 'term' ? null : figure.period.year,
			month: period === 'month' ? figure.period.month : null,
			term: period === 'term' ? figure.period.term : null,
			scope: figure.scope,
		};
		const key = factKey(fields);
		const group = groups.get(key) ?? {
			key,
			unitKey: figure.unitKey,
			scheme: fields.scheme,
			code: fields.unit_code,
			period,
			year: fields.year,
			month: fields.month,
			term: fields.term,
			scope: fields.scope,
			figures: [],
		};
		group.figures.push(figure);
		groups.set(key, group);
	}

	// 2. One template row per group.
	const headers = IMPORT_COLUMNS.map((c) => c.header.vi);
	const mapping: ImportColumnId[] = IMPORT_COLUMNS.map((c) => c.id);
	const rows: SheetRow[] = [];
	/** Per row: the group, and its figures that go into it (as a value or in the note). */
	const rowFigures = new Map<number, { group: Group; figures: ExtractedFigure[] }>();
	for (const group of groups.values()) {
		const byMetric = new Map<ExtractMetricId, ExtractedFigure[]>();
		for (const f of group.figures) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);

		const kept: ExtractedFigure[] = [];
		const values = new Map<MetricId, ExtractedFigure>();
		const noteOnly: ExtractedFigure[] = [];
		for (const [metric, figures] of byMetric) {
			// The same figure read twice (stated twice in the report) is one figure.
			const distinct = [
				...new Set(figures.map((f) => `${f.value}|${storedQualifier(f.qualifier)}`)),
			];
			if (distinct.length > 1 && isMetricId(metric)) {
				const message = TO_IMPORT_MESSAGES.conflict(extractMetricLabel(metric), [
					...new Set(figures.map((f) => f.value)),
				]);
				for (const f of figures) problem(f, 'error', message);
				continue;
			}
			kept.push(...figures);
			if (isMetricId(metric)) values.set(metric, figures[0]!);
			else noteOnly.push(...figures);
		}
		if (values.size === 0) {
			for (const f of noteOnly) {
				problem(f, 'error', TO_IMPORT_MESSAGES.noteOnlyAlone(extractMetricLabel(f.metric)));
			}
			continue;
		}

		// A row has one qualifier: when its figures agree, it is the qualifier column; when they differ,
		// each count carries its own word and the validator says what that does to the row.
		const qualifiers = new Set([...values.values()].map((f) => storedQualifier(f.qualifier)));
		const shared = qualifiers.size === 1 ? [...qualifiers][0]! : undefined;

		const notes: string[] = [];
		for (const f of kept) {
			if (f.qualifier !== 'cumulative') continue;
			const until = f.period.to ?? input.source.date;
			const words = until ? `đến ${dayMonthYear(until)}` : 'đến thời điểm báo cáo';
			notes.push(`${extractMetricLabel(f.metric).vi}: lũy kế ${words}`);
			problem(f, 'warning', TO_IMPORT_MESSAGES.cumulative(words));
		}
		for (const f of kept) {
			if (f.derived) {
				notes.push(`${extractMetricLabel(f.metric).vi} ${f.value}: suy ra từ các số báo cáo nêu`);
			}
		}
		for (const f of noteOnly) {
			const label = extractMetricLabel(f.metric);
			notes.push(
				f.metric === 'petition_resolution_rate'
					? `${label.vi}: ${percent(f.value)}%`
					: `${label.vi}: ${f.value}`,
			);
			problem(f, 'warning', TO_IMPORT_MESSAGES.noteOnly(label));
			const regular = values.get('sessions_regular');
			const thematic = values.get('sessions_thematic');
			if (
				f.metric === 'sessions_total' &&
				regular &&
				thematic &&
				regular.value + thematic.value !== f.value
			) {
				problem(
					f,
					'warning',
					TO_IMPORT_MESSAGES.totalMismatch(f.value, regular.value, thematic.value),
				);
			}
		}
		const sentences = [...new Set(kept.map((f) => sentenceOf(input.text, f)))];
		notes.push(`Trích câu: ${sentences.map((s) => `"${s}"`).join(' ')}`);

		const cells: Partial<Record<ImportColumnId, Cell>> = {
			unit_code: group.code,
			scheme: group.scheme,
			year: group.year,
			period: group.period,
			month: group.month,
			term: group.term,
			scope: group.scope,
			qualifier: shared ?? null,
			note: notes.join('. '),
		};
		for (const [metric, f] of values) {
			const q = storedQualifier(f.qualifier);
			cells[metric] = shared === undefined && q ? `${QUALIFIER_WORD[q]} ${f.value}` : f.value;
		}
		const number = rows.length + 2;
		rows.push({ number, cells: mapping.map((id) => cells[id] ?? null) });
		rowFigures.set(number, { group, figures: kept });
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
