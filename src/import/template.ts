/**
 * The template a council office fills in: the columns of the contract under Vietnamese headers generated
 * from the metric catalogue, one example row (the real figures Thạch Thất reported for 2022), as CSV
 * (UTF-8 with a byte-order mark, so that Excel shows the Vietnamese letters) and as XLSX (with the code
 * column formatted as text, so that Excel keeps leading zeros, and a second sheet explaining each column).
 */
import type { Lang } from '../i18n/format.ts';
import { IMPORT_COLUMNS, type ImportColumnId } from './columns.ts';
import { formatCsv } from './csv.ts';
import { writeXlsx } from './xlsx-write.ts';

/** The example row: Huyện Thạch Thất's own figures for 2022 as its news report gives them. */
export const TEMPLATE_EXAMPLE: Partial<Record<ImportColumnId, string | number>> = {
	unit_code: '276',
	unit_name: 'Huyện Thạch Thất',
	scheme: '2023',
	year: 2022,
	period: 'Cả năm',
	scope: 'Của chính HĐND cấp này',
	sessions_regular: 2,
	sessions_thematic: 3,
	supervisions: 13,
	surveys: 3,
	note: 'Ví dụ: bản tin ngày 11/01/2023 của huyện Thạch Thất (5 kỳ họp, trong đó 3 chuyên đề)',
};

/** Header row and example row, in the language asked for. */
export function templateRows(lang: Lang = 'vi'): (string | number | null)[][] {
	return [
		IMPORT_COLUMNS.map((c) => c.header[lang]),
		IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c.id] ?? null),
	];
}

/** The CSV template: UTF-8 with a byte-order mark, comma-separated, Windows line ends (Excel's). */
export function templateCsv(lang: Lang = 'vi'): Uint8Array {
	const text = `\ufeff${formatCsv(templateRows(lang)).replace(/\n/g, '\r\n')}\r\n`;
	return new TextEncoder().encode(text);
}

/** The XLSX template: the data sheet and a guide sheet. */
export function templateXlsx(lang: Lang = 'vi'): Uint8Array {
	const guideHeader =
		lang === 'vi' ? ['Cột', 'Mã cột', 'Cách ghi'] : ['Column', 'Column id', 'What to write'];
	return writeXlsx([
		{
			name: lang === 'vi' ? 'Số liệu' : 'Figures',
			rows: templateRows(lang),
			widths: IMPORT_COLUMNS.map((c) => Math.max(12, Math.min(30, c.header[lang].length + 2))),
			textColumns: [0],
			header: true,
		},
		{
			name: lang === 'vi' ? 'Hướng dẫn' : 'Guide',
			rows: [guideHeader, ...IMPORT_COLUMNS.map((c) => [c.header[lang], c.id, c.help[lang]])],
			widths: [30, 24, 110],
			header: true,
		},
	]);
}
