/**
 * Measures the dashboard can chart: every counted metric, plus the derived measures leadership asks for.
 * A derived measure says what it is computed from; a part that is not reported makes it not reported.
 */
import { METRICS, type Bilingual, type MetricId } from './metrics.ts';

export type DerivedId = 'sessions_total' | 'resolution_rate' | 'thematic_share';
export type MeasureId = MetricId | DerivedId;

/** How a measure is computed from the counted metrics of one unit. */
export type Formula =
	| { kind: 'metric'; metric: MetricId }
	| { kind: 'sum'; parts: readonly MetricId[] }
	| { kind: 'ratio'; numerator: MeasureId; denominator: MeasureId };

export interface Measure {
	id: MeasureId;
	label: Bilingual;
	/** Counts add up over units; percentages are ratios of sums. */
	format: 'count' | 'percent';
	formula: Formula;
	/** How it is computed, in words, for tooltips and exports (empty for counted metrics). */
	computedFrom: Bilingual;
}

const DERIVED: readonly Measure[] = [
	{
		id: 'sessions_total',
		label: { vi: 'Tổng số kỳ họp', en: 'Total sessions' },
		format: 'count',
		formula: { kind: 'sum', parts: ['sessions_regular', 'sessions_thematic'] },
		computedFrom: {
			vi: 'Kỳ họp thường lệ + kỳ họp chuyên đề; chỉ tính khi cả hai được báo cáo.',
			en: 'Regular + thematic sessions; only where both are reported.',
		},
	},
	{
		id: 'resolution_rate',
		label: { vi: 'Tỷ lệ kiến nghị đã giải quyết', en: 'Petition resolution rate' },
		format: 'percent',
		formula: { kind: 'ratio', numerator: 'petitions_resolved', denominator: 'petitions_received' },
		computedFrom: {
			vi: 'Kiến nghị đã giải quyết ÷ kiến nghị tiếp nhận; chỉ tính ở đơn vị báo cáo cả hai.',
			en: 'Petitions resolved ÷ petitions received; only over units reporting both.',
		},
	},
	{
		id: 'thematic_share',
		label: { vi: 'Tỷ trọng kỳ họp chuyên đề', en: 'Thematic share of sessions' },
		format: 'percent',
		formula: { kind: 'ratio', numerator: 'sessions_thematic', denominator: 'sessions_total' },
		computedFrom: {
			vi: 'Kỳ họp chuyên đề ÷ tổng số kỳ họp; chỉ tính khi cả hai được báo cáo.',
			en: 'Thematic sessions ÷ total sessions; only where both are reported.',
		},
	},
];

export const MEASURES: readonly Measure[] = [
	...DERIVED,
	...METRICS.map((m): Measure => ({
		id: m.id,
		label: m.label,
		format: 'count',
		formula: { kind: 'metric', metric: m.id },
		computedFrom: { vi: '', en: '' },
	})),
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

export function measureById(id: MeasureId): Measure {
	const measure = BY_ID.get(id);
	if (!measure) throw new Error(`Unknown measure: ${id}`);
	return measure;
}

export function isMeasureId(value: string): value is MeasureId {
	return BY_ID.has(value as MeasureId);
}

/** The four headline tiles: sessions, supervisions, petitions resolved (with the rate), explanatory hearings. */
export const HEADLINE_MEASURES: readonly MeasureId[] = [
	'sessions_total',
	'supervisions',
	'petitions_resolved',
	'explanatory_hearings',
];

/**
 * The change from the previous year: relative for counts (+12 % means 12 % more), a difference in
 * percentage points for rates. Missing when either year is missing, or when a count was zero before.
 */
export function changeFromPrevious(
	id: MeasureId,
	value: number | null,
	previous: number | null,
): number | null {
	if (value === null || previous === null) return null;
	if (measureById(id).format === 'percent') return value - previous;
	return previous === 0 ? null : (value - previous) / previous;
}

/** How the change from the previous year is computed, for tooltips and exports. */
export const CHANGE_COMPUTED_FROM: Bilingual = {
	vi: 'Thay đổi so với năm trước: (năm nay − năm trước) ÷ năm trước; với tỷ lệ là hiệu số điểm phần trăm; chỉ tính khi cả hai năm được báo cáo.',
	en: 'Change from the previous year: (this year − last year) ÷ last year; for rates, the difference in percentage points; only where both years are reported.',
};
