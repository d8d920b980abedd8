/**
 * Reporting periods. Reports give calendar years, half years, nine months, single months or whole terms;
 * the period is stored explicitly so that a term total is never filed under one year.
 */
import type { Bilingual } from './metrics.ts';

export type PeriodKind = 'year' | 'h1' | 'm9' | 'month' | 'term';

export const PERIOD_LABELS: Record<PeriodKind, Bilingual> = {
	year: { vi: 'Cả năm', en: 'Full year' },
	h1: { vi: '6 tháng đầu năm', en: 'First half year' },
	m9: { vi: '9 tháng đầu năm', en: 'First nine months' },
	month: { vi: 'Tháng', en: 'Month' },
	term: { vi: 'Cả nhiệm kỳ', en: 'Whole term' },
};

/** Council terms (nhiệm kỳ). Councils of merged units carried on their 2021–2026 term after July 2025. */
export const TERMS = ['2016-2021', '2021-2026', '2026-2031'] as const;
export type Term = (typeof TERMS)[number];

/** Whose figure a fact row is: the council's own, or the sum over the councils of its sub-units. */
export type FactScope = 'own' | 'subunits';

export const SCOPE_LABELS: Record<FactScope, Bilingual> = {
	own: { vi: 'Của chính HĐND cấp này', en: "The council's own" },
	subunits: { vi: 'Tổng của HĐND cấp dưới', en: 'Sum over sub-unit councils' },
};

/** Where a figure comes from. */
export type SourceKind = 'reported' | 'simulated' | 'imported';

export const SOURCE_KIND_LABELS: Record<SourceKind, Bilingual> = {
	reported: { vi: 'Báo cáo', en: 'Reported' },
	simulated: { vi: 'Mô phỏng', en: 'Simulated' },
	imported: { vi: 'Nhập từ tệp', en: 'Imported' },
};

/** First and last years of the bundled data. The last is fixed (not the clock) so the data build is deterministic. */
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2026;
