/** Words for a table region in the mapping step: a title block's period, a span of columns. */
import { columnLetter } from '../../import/columns.ts';
import type { TitleFacts } from '../../import/title-block.ts';
import type { Bilingual } from '../../model/metrics.ts';
import { PERIOD_LABELS } from '../../model/periods.ts';

/** "Cả năm 2023", "6 tháng đầu năm 2024", "Tháng 3/2025", "Cả nhiệm kỳ 2021-2026"; null without one. */
export function periodText(title: TitleFacts): Bilingual | null {
	if (!title.period) return null;
	const label = PERIOD_LABELS[title.period];
	if (title.period === 'term')
		return { vi: `${label.vi} ${title.term}`, en: `${label.en} ${title.term}` };
	if (title.period === 'month' && title.month) {
		return { vi: `Tháng ${title.month}/${title.year}`, en: `Month ${title.month}/${title.year}` };
	}
	return { vi: `${label.vi} ${title.year}`, en: `${label.en} ${title.year}` };
}

/** "A–H" (or "C" for one column). */
export function columnSpan(first: number, last: number): string {
	return first === last ? columnLetter(first) : `${columnLetter(first)}–${columnLetter(last)}`;
}

/** "7" or "7–8". */
export function rowSpan(rows: readonly number[]): string {
	return rows.length > 1 ? `${rows[0]}–${rows.at(-1)}` : String(rows[0] ?? '');
}
