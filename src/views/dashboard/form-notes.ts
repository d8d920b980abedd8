/**
 * What the dashboard's charts say about the form of their figures (territory total or per council):
 * the chart note, and for each per-council point the councils it averages over.
 */
import { formatNumber, type Lang } from '../../i18n/format.ts';
import { councilsNote, formNote, type Form, type FormContext } from '../../model/comparable.ts';
import type { UnitLevel } from '../../model/units.ts';

/** The note every chart of these filters carries (none where the form needs no word). */
export function formNotes(form: Form, context: FormContext, lang: Lang): string[] {
	const note = formNote(form, context);
	return note ? [note[lang]] : [];
}

/** A unit-year's councils, as the series and peer queries return them (null: not reported). */
export interface CouncilPoint {
	unit_key: string;
	year: number;
	councils: number | null;
}

/**
 * A lookup of the per-council note of each unit-year ("trước 01/7/2025: trung bình của 4 HĐND xã cũ"),
 * for tooltips and tables; empty unless the form is per council.
 */
export function pointNotes(
	points: readonly CouncilPoint[],
	form: Form,
	level: UnitLevel,
	lang: Lang,
): (key: string, year: number) => string | null {
	if (form !== 'perCouncil') return () => null;
	const notes = new Map<string, string>();
	for (const p of points) {
		if (p.councils === null) continue;
		const note = councilsNote(p.councils, level, p.year, lang, (n) => formatNumber(n, lang, 0));
		if (note) notes.set(`${p.unit_key}|${p.year}`, note);
	}
	return (key, year) => notes.get(`${key}|${year}`) ?? null;
}

/** The header of a table's column of councils behind a per-council figure. */
export const COUNCILS_COLUMN = { vi: 'Số HĐND (bình quân trên)', en: 'Councils (averaged over)' };
