/**
 * The forms extracted figures leave in: the items of `npm run extract -- --json` and, for `--csv`,
 * rows of the facts contract (data/README.md), one per unit, period and scope, with the evidence in the
 * note. Shared by the command line and the evaluation so both say exactly the same.
 */
import { FACT_COLUMNS, METRIC_IDS, type MetricId } from '../model/metrics.ts';
import type { ExtractedFigure } from './types.ts';

/** One item of the command's JSON array. */
export interface ExtractItem {
	file: string;
	metric: string;
	value: number;
	qualifier: string;
	scope: string;
	unit: string;
	unit_key: string | null;
	unit_candidates: string[];
	period: string;
	year: number | null;
	month: number | null;
	quarter: number | null;
	term: string | null;
	from: string | null;
	to: string | null;
	evidence: string;
	start: number;
	end: number;
	derived?: true;
}

export function toItem(file: string, f: ExtractedFigure): ExtractItem {
	return {
		file,
		metric: f.metric,
		value: f.value,
		qualifier: f.qualifier,
		scope: f.scope,
		unit: f.unit,
		unit_key: f.unitKey,
		unit_candidates: f.unitCandidates.map((c) => c.key),
		period: f.period.kind,
		year: f.period.year,
		month: f.period.month,
		quarter: f.period.quarter,
		term: f.period.term,
		from: f.period.from,
		to: f.period.to,
		evidence: f.evidence,
		start: f.start,
		end: f.end,
		...(f.derived ? { derived: true as const } : {}),
	};
}

const csvCell = (v: string | number | null | undefined): string => {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const STORABLE = new Set(['year', 'h1', 'm9', 'month', 'term']);

/**
 * Rows of the facts contract for figures with a resolved unit and a period the contract holds; totals
 * and rates that are not columns of `facts` stay in the note. Returns the CSV text (with header).
 */
export function toFactsCsv(
	file: string,
	figures: readonly ExtractedFigure[],
	sourceId: string,
): string {
	const groups = new Map<string, ExtractedFigure[]>();
	for (const f of figures) {
		if (!f.unitKey || !STORABLE.has(f.period.kind)) continue;
		const key = [
			f.unitKey,
			f.period.kind,
			f.period.year,
			f.period.month,
			f.period.term,
			f.scope,
		].join('|');
		groups.set(key, [...(groups.get(key) ?? []), f]);
	}
	const lines = [FACT_COLUMNS.join(',')];
	for (const group of groups.values()) {
		const first = group[0]!;
		const [scheme, code] = first.unitKey!.split(':') as [string, string];
		const values: Partial<Record<MetricId, number>> = {};
		for (const f of group)
			if ((METRIC_IDS as readonly string[]).includes(f.metric))
				values[f.metric as MetricId] ??= f.value;
		const qualifiers = new Set(group.map((f) => f.qualifier));
		const qualifier = qualifiers.has('approx')
			? 'approx'
			: qualifiers.has('at_least') || qualifiers.has('cumulative')
				? 'at_least'
				: '';
		const note = `${file}: ${group.map((f) => `«${f.evidence}»${f.derived ? ' (suy ra)' : ''}`).join('; ')}`;
		lines.push(
			[
				code,
				scheme,
				first.period.year,
				first.period.kind,
				first.period.month,
				first.period.term,
				first.scope,
				...METRIC_IDS.map((id) => values[id] ?? null),
				qualifier,
				sourceId,
				note,
			]
				.map(csvCell)
				.join(','),
		);
	}
	return lines.join('\n') + '\n';
}
