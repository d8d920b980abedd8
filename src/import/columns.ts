/**
 * The columns an imported file may have, with the Vietnamese headers of the template (generated from the
 * metric catalogue) and the English ones, and the matching of a file's headers to them: case, diacritics,
 * spaces and punctuation do not matter ("MA DON VI", "mã_đơn_vị" and "unit_code" are the same column).
 */
import { METRICS, type Bilingual, type MetricId } from '../model/metrics.ts';
import { foldVietnamese } from '../model/text.ts';

export type ImportColumnId =
	| 'unit_code'
	| 'unit_name'
	| 'scheme'
	| 'year'
	| 'period'
	| 'month'
	| 'term'
	| 'scope'
	| MetricId
	| 'qualifier'
	| 'note';

export interface ImportColumn {
	id: ImportColumnId;
	/** The header of the template (Vietnamese) and its English equivalent. */
	header: Bilingual;
	/** What goes in it, for the template's guide sheet and the mapping step. */
	help: Bilingual;
	/** A count column (one per metric of the catalogue). */
	count: boolean;
	/** Other spellings that are accepted as this column's header. */
	aliases: readonly string[];
}

const base: ImportColumn[] = [
	{
		id: 'unit_code',
		header: { vi: 'Mã đơn vị', en: 'Unit code' },
		help: {
			vi: 'Mã của Tổng cục Thống kê, giữ số 0 đầu: 2 chữ số (tỉnh), 3 (huyện), 5 (xã). Bắt buộc.',
			en: 'GSO code with its leading zeros: 2 digits (province), 3 (district), 5 (commune). Required.',
		},
		count: false,
		aliases: ['mã', 'ma dvhc', 'mã đvhc', 'code', 'unit'],
	},
	{
		id: 'unit_name',
		header: { vi: 'Tên đơn vị', en: 'Unit name' },
		help: {
			vi: 'Không bắt buộc; dùng để kiểm tra mã và gợi ý khi mã sai.',
			en: 'Optional; used to check the code and to suggest units when the code is wrong.',
		},
		count: false,
		aliases: ['tên', 'đơn vị', 'name', 'name_with_type'],
	},
	{
		id: 'scheme',
		header: { vi: 'Danh mục (2023/2025)', en: 'Scheme (2023/2025)' },
		help: {
			vi: '2023: danh mục đơn vị đến 30/6/2025; 2025: danh mục từ 01/7/2025. Để trống thì suy ra từ năm.',
			en: '2023: the list of units until 30 June 2025; 2025: the list from 1 July 2025. Empty: taken from the year.',
		},
		count: false,
		aliases: ['danh mục', 'danh muc dvhc', 'scheme'],
	},
	{
		id: 'year',
		header: { vi: 'Năm', en: 'Year' },
		help: {
			vi: 'Năm dương lịch; để trống với số liệu cả nhiệm kỳ.',
			en: 'Calendar year; empty for a whole-term total.',
		},
		count: false,
		aliases: ['year'],
	},
	{
		id: 'period',
		header: { vi: 'Kỳ báo cáo', en: 'Period' },
		help: {
			vi: 'Cả năm, 6 tháng đầu năm, 9 tháng đầu năm, tháng, cả nhiệm kỳ (hoặc year, h1, m9, month, term). Để trống: cả năm.',
			en: 'Full year, first half year, first nine months, month, whole term (or year, h1, m9, month, term). Empty: full year.',
		},
		count: false,
		aliases: ['kỳ', 'ky bao cao', 'period'],
	},
	{
		id: 'month',
		header: { vi: 'Tháng', en: 'Month' },
		help: {
			vi: '1–12, chỉ khi kỳ báo cáo là tháng.',
			en: '1–12, only when the period is a month.',
		},
		count: false,
		aliases: ['month'],
	},
	{
		id: 'term',
		header: { vi: 'Nhiệm kỳ', en: 'Term' },
		help: {
			vi: '2016-2021, 2021-2026 hoặc 2026-2031, chỉ khi kỳ báo cáo là cả nhiệm kỳ.',
			en: '2016-2021, 2021-2026 or 2026-2031, only when the period is the whole term.',
		},
		count: false,
		aliases: ['term'],
	},
	{
		id: 'scope',
		header: { vi: 'Phạm vi', en: 'Scope' },
		help: {
			vi: 'Của chính HĐND cấp này (own) hoặc Tổng của HĐND cấp dưới (subunits). Để trống: của chính HĐND.',
			en: "The council's own (own) or the sum over sub-unit councils (subunits). Empty: the council's own.",
		},
		count: false,
		aliases: ['scope'],
	},
	...METRICS.map((m): ImportColumn => ({
		id: m.id,
		header: m.label,
		help: {
			vi: `Số ${m.countedIn.vi}, số nguyên không âm; để trống nếu không báo cáo (không ghi 0). ${m.definition.vi}`,
			en: `Number of ${m.countedIn.en}, a whole number ≥ 0; empty if not reported (never 0 for missing). ${m.definition.en}`,
		},
		count: true,
		aliases: [],
	})),
	{
		id: 'qualifier',
		header: { vi: 'Tính chất số liệu', en: 'Qualifier' },
		help: {
			vi: 'Để trống nếu số chính xác; "ít nhất" hoặc "khoảng" nếu báo cáo ghi như vậy.',
			en: 'Empty for an exact figure; "at least" or "approx" when the report says so.',
		},
		count: false,
		aliases: ['qualifier'],
	},
	{
		id: 'note',
		header: { vi: 'Ghi chú', en: 'Note' },
		help: {
			vi: 'Không bắt buộc: số liệu lấy từ đâu, tính thế nào.',
			en: 'Optional: where the figures come from, how they were counted.',
		},
		count: false,
		aliases: ['note', 'notes'],
	},
];

/** Every column in template order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = base;

const BY_ID = new Map(IMPORT_COLUMNS.map((c) => [c.id, c]));

export function importColumn(id: ImportColumnId): ImportColumn {
	return BY_ID.get(id)!;
}

/** A header reduced to lower-case letters and digits separated by single spaces, without diacritics. */
export function normaliseHeader(text: string): string {
	return foldVietnamese(text)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const LOOKUP = (() => {
	const map = new Map<string, ImportColumnId>();
	for (const c of IMPORT_COLUMNS) {
		const forms = [c.id, c.header.vi, c.header.en, ...c.aliases];
		for (const form of forms) {
			const key = normaliseHeader(form);
			if (!map.has(key)) map.set(key, c.id);
			// "Danh mục (2023/2025)" also answers to "Danh mục".
			const short = normaliseHeader(form.replace(/\(.*\)/, ''));
			if (short && !map.has(short)) map.set(short, c.id);
		}
	}
	return map;
})();

/** The column a header names, or null when it names none. */
export function matchHeader(header: string): ImportColumnId | null {
	const key = normaliseHeader(header);
	if (!key) return null;
	return LOOKUP.get(key) ?? LOOKUP.get(normaliseHeader(header.replace(/\(.*\)/, ''))) ?? null;
}

/** For each header of a file, the column it names (null: not recognised); a column is taken once. */
export function autoMapping(headers: readonly string[]): (ImportColumnId | null)[] {
	const taken = new Set<ImportColumnId>();
	return headers.map((h) => {
		const id = matchHeader(h);
		if (!id || taken.has(id)) return null;
		taken.add(id);
		return id;
	});
}

/** Spreadsheet letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let letters = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		letters = String.fromCharCode(65 + r) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
}
