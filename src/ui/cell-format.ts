/** Cells of a query result as people read them: vi-VN numbers (1.234,5), dates 23/11/2026, NULL as "—". */
import { isYearColumn } from '../charts/result-chart-geometry.ts';
import type { CellValue, ResultColumn } from '../export/result-columns.ts';
import { formatDate, formatNumber, type Lang } from '../i18n/format.ts';

/** What NULL looks like: a dash, never a 0 or an empty cell. */
export const NULL_TEXT = '—';

export function formatCell(value: CellValue, column: ResultColumn, lang: Lang): string {
	if (value === null) return NULL_TEXT;
	switch (column.kind) {
		case 'integer':
			return isYearColumn(column) ? String(value) : formatNumber(Number(value), lang, 0);
		case 'number':
			return formatNumber(Number(value), lang, 4);
		case 'date':
			return formatDate(String(value), lang);
		case 'boolean':
			return value ? 'true' : 'false';
		default:
			return String(value);
	}
}
