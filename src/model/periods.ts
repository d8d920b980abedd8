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

/** The term a year falls in (a term's last year is also the next term's first; the later term wins). */
export function termOfYear(year: number): Term | null {
	const found = [...TERMS].reverse().find((t) => {
		const [from, to] = termYears(t);
		return year >= from && year <= to;
	});
	return found ?? null;
}

/** First and last calendar years of a term. */
export function termYears(term: Term): [number, number] {
	const [from, to] = term.split('-').map(Number) as [number, number];
	return [from, to];
}

/**
 * A period a figure is asked for, as the giao ban names them. A quarter has no row of its own in the
 * facts: it is read from three monthly rows of one source (see period-queries.ts).
 */
export type Period =
	| { kind: 'year' | 'h1' | 'm9'; year: number }
	| { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
	| { kind: 'month'; year: number; month: number }
	| { kind: 'term'; term: Term };

/** The kinds of the period control, in its order. */
export const PERIOD_CHOICES = ['year', 'h1', 'm9', 'quarter', 'month', 'term'] as const;
export type PeriodChoiceKind = (typeof PERIOD_CHOICES)[number];

export const PERIOD_CHOICE_LABELS: Record<PeriodChoiceKind, Bilingual> = {
	...PERIOD_LABELS,
	quarter: { vi: 'Quý', en: 'Quarter' },
};

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The period's form in a URL: `2022`, `2022-h1`, `2022-m9`, `2022-q3`, `2022-m02`, `2021-2026`. */
export function periodKey(p: Period): string {
	switch (p.kind) {
		case 'year':
			return String(p.year);
		case 'h1':
		case 'm9':
			return `${p.year}-${p.kind}`;
		case 'quarter':
			return `${p.year}-q${p.quarter}`;
		case 'month':
			return `${p.year}-m${pad2(p.month)}`;
		case 'term':
			return p.term;
	}
}

/** Read a period key; null for anything malformed or outside the bundled years. */
export function parsePeriodKey(text: string | null | undefined): Period | null {
	if (!text) return null;
	if ((TERMS as readonly string[]).includes(text)) return { kind: 'term', term: text as Term };
	const match = /^(\d{4})(?:-(h1|m9|q[1-4]|m(0[1-9]|1[0-2])))?$/.exec(text);
	if (!match) return null;
	const year = Number(match[1]);
	if (year < FIRST_YEAR || year > LAST_YEAR) return null;
	const rest = match[2];
	if (!rest) return { kind: 'year', year };
	if (rest === 'h1' || rest === 'm9') return { kind: rest, year };
	if (rest.startsWith('q'))
		return { kind: 'quarter', year, quarter: Number(rest[1]) as 1 | 2 | 3 | 4 };
	return { kind: 'month', year, month: Number(match[3]) };
}

/** The period in words: "6 tháng đầu năm 2022", "quý III/2022", "tháng 02/2024", "nhiệm kỳ 2021–2026". */
export function periodLabel(p: Period): Bilingual {
	switch (p.kind) {
		case 'year':
			return { vi: `năm ${p.year}`, en: `year ${p.year}` };
		case 'h1':
			return { vi: `6 tháng đầu năm ${p.year}`, en: `first half of ${p.year}` };
		case 'm9':
			return { vi: `9 tháng đầu năm ${p.year}`, en: `first nine months of ${p.year}` };
		case 'quarter':
			return { vi: `quý ${ROMAN[p.quarter - 1]}/${p.year}`, en: `Q${p.quarter} ${p.year}` };
		case 'month':
			return { vi: `tháng ${pad2(p.month)}/${p.year}`, en: `${pad2(p.month)}/${p.year}` };
		case 'term': {
			const [from, to] = termYears(p.term);
			return { vi: `nhiệm kỳ ${from}–${to}`, en: `term ${from}–${to}` };
		}
	}
}

/**
 * What a period is compared with: the same period of the year before (the first half with last year's
 * first half, never with a whole year), or the previous term. Null where there is none in the data.
 */
export function samePeriodLastYear(p: Period): Period | null {
	if (p.kind === 'term') {
		const index = TERMS.indexOf(p.term);
		return index > 0 ? { kind: 'term', term: TERMS[index - 1]! } : null;
	}
	if (p.year - 1 < FIRST_YEAR) return null;
	return { ...p, year: p.year - 1 };
}

/** The calendar year whose list of units a period is shown with (a term: its last year in the data). */
export function periodYear(p: Period): number {
	if (p.kind !== 'term') return p.year;
	return Math.min(termYears(p.term)[1], LAST_YEAR);
}

/** The months a part-year period covers (a year: all twelve). Null for a term. */
export function periodMonths(p: Period): [number, number] | null {
	switch (p.kind) {
		case 'year':
			return [1, 12];
		case 'h1':
			return [1, 6];
		case 'm9':
			return [1, 9];
		case 'quarter':
			return [p.quarter * 3 - 2, p.quarter * 3];
		case 'month':
			return [p.month, p.month];
		case 'term':
			return null;
	}
}
