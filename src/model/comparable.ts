/**
 * Like for like across 1 July 2025. Summing the old councils' counts onto a new territory measures the
 * territory, not a council: a commune merged from four holds about a quarter of their sessions together.
 * The per-council form divides the territory's total by the councils that reported on it that year, so
 * that a council as active as its predecessors shows the same figure before and after the merge.
 * Rates (resolved ÷ received, thematic share) are already comparable and stay rates.
 */
import { measureById, type MeasureId } from './measures.ts';
import type { Bilingual } from './metrics.ts';
import { FIRST_YEAR_OF_2025_SCHEME, type UnitLevel } from './units.ts';

/** How a count is shown: the total on the territory, or per council (total ÷ councils that reported). */
export type Form = 'total' | 'perCouncil';
export const FORMS: readonly Form[] = ['total', 'perCouncil'];

/** What the form depends on. */
export interface FormContext {
	measure: MeasureId;
	yearFrom: number;
	yearTo: number;
}

/** The range crosses 1 July 2025: the units and the number of councils change inside it. */
export function crossesReorganisation(c: Pick<FormContext, 'yearFrom' | 'yearTo'>): boolean {
	return c.yearFrom < FIRST_YEAR_OF_2025_SCHEME && c.yearTo >= FIRST_YEAR_OF_2025_SCHEME;
}

/** Whether the measure has a per-council form at all: counts do, rates do not. */
export function hasPerCouncilForm(measure: MeasureId): boolean {
	return measureById(measure).format === 'count';
}

/**
 * The form shown: the user's choice (null: none), else per council when the range crosses 2025, where a
 * total would fall with the number of councils; a rate is always shown as the rate ('total').
 */
export function resolveForm(choice: Form | null, c: FormContext): Form {
	if (!hasPerCouncilForm(c.measure)) return 'total';
	if (choice) return choice;
	return crossesReorganisation(c) ? 'perCouncil' : 'total';
}

/** Labels of the form switch. */
export const FORM_LABELS: Record<Form, Bilingual> = {
	total: { vi: 'Tổng trên địa bàn', en: 'Territory total' },
	perCouncil: { vi: 'Bình quân mỗi HĐND', en: 'Per council' },
};

/** Why the form shown is that one, for every chart's notes and exports. */
export function formNote(form: Form, c: FormContext): Bilingual | null {
	if (!hasPerCouncilForm(c.measure)) return null;
	if (form === 'perCouncil') {
		return {
			vi: 'Bình quân mỗi HĐND: tổng trên địa bàn ÷ số HĐND báo cáo năm đó, để so sánh được qua sắp xếp 01/7/2025 (trước đó là trung bình của các HĐND cũ trên địa bàn; xã cũ chia cho nhiều xã mới tính theo phần, ≈).',
			en: 'Per council: the territory total ÷ the councils that reported that year, comparable across the 1 July 2025 reorganisation (before it, the mean of the former councils on the territory; a split former commune counts for its share, ≈).',
		};
	}
	if (!crossesReorganisation(c)) return null;
	return {
		vi: 'Tổng trên địa bàn: trước 01/7/2025 là tổng của nhiều HĐND cũ, nên giảm khi sáp nhập dù mỗi HĐND hoạt động như cũ; chọn "Bình quân mỗi HĐND" để so sánh.',
		en: 'Territory total: before 1 July 2025 it adds up several former councils, so it falls at the merger even where each council is as active as before; choose "Per council" to compare.',
	};
}

const LEVEL_WORD: Record<UnitLevel, Bilingual> = {
	province: { vi: 'tỉnh', en: 'province' },
	district: { vi: 'huyện', en: 'district' },
	commune: { vi: 'xã', en: 'commune' },
};

/**
 * What one per-council figure averages over, for a tooltip or a table cell: "trước 01/7/2025: trung bình
 * của 4 HĐND xã cũ" for a re-aggregated year, "trung bình của 120 HĐND xã" for an area. Null where there
 * is nothing to say (one council, its own figure).
 */
export function councilsNote(
	councils: number,
	level: UnitLevel,
	year: number,
	lang: 'vi' | 'en',
	formatCount: (n: number) => string,
	area = false,
): string | null {
	const before = year < FIRST_YEAR_OF_2025_SCHEME;
	if (!area && councils <= 1) return null;
	const n = formatCount(councils);
	const word = LEVEL_WORD[level][lang];
	if (lang === 'vi') {
		const text = `trung bình của ${n} HĐND ${word}${before && !area ? ' cũ' : ''}`;
		return before && !area ? `trước 01/7/2025: ${text}` : text;
	}
	const text = `mean of ${n} ${before && !area ? 'former ' : ''}${word} councils`;
	return before && !area ? `before 1 Jul 2025: ${text}` : text;
}
