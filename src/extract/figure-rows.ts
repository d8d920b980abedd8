/**
 * One template row from a group of report figures: a metric column per counted figure, the qualifier
 * when they share one, and a note that keeps what the columns cannot hold (a stated total of sessions,
 * a share of petitions resolved, a count to date, derived figures) and quotes the sentences read.
 */
import type { ImportColumnId } from '../import/columns.ts';
import type { Cell } from '../import/types.ts';
import { isMetricId, type MetricId } from '../model/metrics.ts';
import type { AddProblem, Group } from './figure-groups.ts';
import { extractMetricLabel } from './metric-labels.ts';
import { TO_IMPORT_MESSAGES } from './to-import-messages.ts';
import type { ExtractedFigure, ExtractMetricId, ExtractQualifier } from './types.ts';

/** The longest sentence quoted in a note; longer ones are cut with "…". */
export const NOTE_SENTENCE_CHARS = 300;

/** The qualifier a figure is stored with: a count to date is a lower bound. */
export const storedQualifier = (q: ExtractQualifier): 'at_least' | 'approx' | null =>
	q === 'cumulative' ? 'at_least' : q === 'exact' ? null : q;

/** How a qualified count is written in a cell, so that the validator reads it (see numbers.ts). */
const QUALIFIER_WORD = { at_least: 'trên', approx: 'khoảng' } as const;

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

/**
 * The row of a group and the figures that went into it (as a value or in the note); null when none of
 * its figures has a column (a total of sessions alone stores nothing).
 */
export function groupRow(
	group: Group,
	text: string,
	reportDate: string | null,
	problem: AddProblem,
): { cells: Partial<Record<ImportColumnId, Cell>>; kept: ExtractedFigure[] } | null {
	const byMetric = new Map<ExtractMetricId, ExtractedFigure[]>();
	for (const f of group.figures) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);

	const kept: ExtractedFigure[] = [];
	const values = new Map<MetricId, ExtractedFigure>();
	const noteOnly: ExtractedFigure[] = [];
	for (const [metric, figures] of byMetric) {
		// The same figure read twice (stated twice in the report) is one figure.
		const distinct = [...new Set(figures.map((f) => `${f.value}|${storedQualifier(f.qualifier)}`))];
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
		return null;
	}

	// A row has one qualifier: when its figures agree, it is the qualifier column; when they differ,
	// each count carries its own word and the validator says what that does to the row.
	const qualifiers = new Set([...values.values()].map((f) => storedQualifier(f.qualifier)));
	const shared = qualifiers.size === 1 ? [...qualifiers][0]! : undefined;

	const notes: string[] = [];
	for (const f of kept) {
		if (f.qualifier !== 'cumulative') continue;
		const until = f.period.to ?? reportDate;
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
	const sentences = [...new Set(kept.map((f) => sentenceOf(text, f)))];
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
	return { cells, kept };
}
