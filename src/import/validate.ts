/**
 * Validation of an imported table before anything of it is used. Every problem is an issue with its row
 * and column as in the file and a plain explanation in Vietnamese and English; a row with an error is
 * rejected, a row with warnings is kept (with what the warning says done to it), empty rows are skipped.
 * Every row ends up in exactly one of accepted, rejected or empty.
 *
 * The rules: unit codes must exist in the row's list (with the closest units as suggestions), and belong
 * to the list of the row's year (codes were reused on 1 July 2025: `24` is Bắc Ninh in the 2025 list and
 * was Bắc Giang before); counts are whole numbers ≥ 0 written plainly or the Vietnamese way ("1.143");
 * petitions resolved cannot exceed petitions received; one unit, period and scope once per file; a term
 * total is not a year; years fit the period.
 */
import { METRICS, type Bilingual, type MetricId } from '../model/metrics.ts';
import { FIRST_YEAR, LAST_YEAR, TERMS, type FactScope, type PeriodKind } from '../model/periods.ts';
import { FIRST_YEAR_OF_2025_SCHEME, type Scheme } from '../model/units.ts';
import { columnLetter, normaliseHeader, type ImportColumnId } from './columns.ts';
import { cellText, parseCount, parseWhole, type CountQualifier } from './numbers.ts';
import type { UnitCatalog, UnitRef } from './unit-catalog.ts';
import type { Cell, ImportIssue, ImportedFact, Sheet, Severity } from './types.ts';

/** Every problem the checker reports, by code; each has a message in both languages (see MESSAGES). */
export const ISSUE_CODES = [
	'no_code_column',
	'no_metric_column',
	'ignored_column',
	'empty_row',
	'term_in_year',
	'invalid_year',
	'year_outside_range',
	'invalid_month',
	'invalid_term',
	'invalid_period',
	'term_as_year',
	'missing_year',
	'missing_term',
	'year_ignored_for_term',
	'missing_month',
	'month_without_month_period',
	'invalid_scheme',
	'scheme_inferred',
	'scheme_unknown',
	'invalid_scope',
	'invalid_qualifier',
	'missing_code',
	'code_padded',
	'ambiguous_code',
	'other_scheme',
	'unknown_unit',
	'year_not_in_scheme',
	'name_other_scheme',
	'name_mismatch',
	'qualifier_from_text',
	'qualifier_conflict',
	'decimal',
	'ambiguous_number',
	'negative',
	'too_large',
	'not_a_number',
	'no_figures',
	'resolved_above_received',
	'duplicate',
	'duplicate_reported',
	'duplicate_imported',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ValidateInput {
	sheet: Pick<Sheet, 'headers' | 'rows' | 'headerRow'>;
	/** For each header (by index), the column it is read as, or null to ignore it. */
	mapping: readonly (ImportColumnId | null)[];
	units: UnitCatalog;
	/** Facts already in the data by key (see factKey), with the kind and title of their source. */
	existing?: ReadonlyMap<string, { kind: string; title: string }>;
	/** Told the rows checked so far, every few hundred rows (for a progress bar). */
	onProgress?: (rowsChecked: number) => void;
}

export interface ValidationResult {
	issues: ImportIssue[];
	accepted: ImportedFact[];
	/** Row numbers with at least one error. */
	rejectedRows: number[];
	/** Row numbers with no content. */
	emptyRows: number[];
	/** All rows below the header. */
	totalRows: number;
}

/** The identity of a fact: one unit, period and scope. */
export function factKey(f: {
	scheme: string;
	unit_code: string;
	period: string;
	year: number | null;
	month: number | null;
	term: string | null;
	scope: string;
}): string {
	return [f.scheme, f.unit_code, f.period, f.year ?? '', f.month ?? '', f.term ?? '', f.scope].join(
		'|',
	);
}

/*
 * The words of the period, scope and qualifier cells (normalised as headers are) are looked up in Maps:
 * a plain object would answer a cell reading "constructor" or "toString" from its prototype.
 */
const PERIOD_WORDS = new Map<string, PeriodKind>();
for (const [kind, words] of Object.entries({
	year: ['year', 'ca nam', 'nam', 'full year', 'annual', '12 thang', 'y'],
	h1: ['h1', '6 thang', '6 thang dau nam', 'sau thang dau nam', 'first half', 'first half year'],
	m9: ['m9', '9 thang', '9 thang dau nam', 'chin thang dau nam', 'first nine months'],
	month: ['month', 'thang'],
	term: ['term', 'nhiem ky', 'ca nhiem ky', 'whole term'],
} satisfies Record<PeriodKind, string[]>)) {
	for (const w of words) PERIOD_WORDS.set(w, kind as PeriodKind);
}

const SCOPE_WORDS = new Map<string, FactScope>(
	Object.entries({
		own: 'own',
		'cua chinh hdnd cap nay': 'own',
		'cua chinh hdnd': 'own',
		chinh: 'own',
		'cap nay': 'own',
		'the council s own': 'own',
		subunits: 'subunits',
		'tong cua hdnd cap duoi': 'subunits',
		'hdnd cap duoi': 'subunits',
		'cap duoi': 'subunits',
		'tong cap duoi': 'subunits',
		'sum over sub unit councils': 'subunits',
	} satisfies Record<string, FactScope>),
);

const QUALIFIER_WORDS = new Map<string, CountQualifier | 'exact'>(
	Object.entries({
		exact: 'exact',
		'chinh xac': 'exact',
		at_least: 'at_least',
		'at least': 'at_least',
		'it nhat': 'at_least',
		'toi thieu': 'at_least',
		hon: 'at_least',
		tren: 'at_least',
		approx: 'approx',
		approximately: 'approx',
		about: 'approx',
		khoang: 'approx',
		'xap xi': 'approx',
		'uoc tinh': 'approx',
		gan: 'approx',
	} satisfies Record<string, CountQualifier | 'exact'>),
);

const QUALIFIER_LABEL: Record<CountQualifier, Bilingual> = {
	at_least: { vi: 'ít nhất', en: 'at least' },
	approx: { vi: 'khoảng', en: 'approx' },
};

const unitText = (u: UnitRef): string => `${u.nameWithType} (${u.code})`;

/** The messages of every rule, in both languages. Exact texts are tested. */
export const MESSAGES = {
	emptyRow: (): Bilingual => ({ vi: 'Dòng trống: bỏ qua.', en: 'Empty row: skipped.' }),
	missingCode: (): Bilingual => ({
		vi: 'Thiếu mã đơn vị: mỗi dòng phải có mã đơn vị hành chính.',
		en: 'No unit code: every row needs the code of its administrative unit.',
	}),
	noCodeColumn: (): Bilingual => ({
		vi: 'Tệp không có cột mã đơn vị: chọn cột nào là "Mã đơn vị" ở bước ghép cột.',
		en: 'The file has no unit code column: choose which column is "Unit code" in the column matching step.',
	}),
	noMetricColumn: (): Bilingual => ({
		vi: 'Tệp không có cột chỉ tiêu nào (ví dụ "Kỳ họp thường lệ"): ghép ít nhất một cột với một chỉ tiêu.',
		en: 'The file has no metric column (e.g. "Regular sessions"): match at least one column to a metric.',
	}),
	ignoredColumn: (header: string): Bilingual => ({
		vi: `Cột "${header}" không thuộc mẫu: không nhập.`,
		en: `Column "${header}" is not in the template: not imported.`,
	}),
	invalidScheme: (text: string): Bilingual => ({
		vi: `Danh mục "${text}" không hợp lệ: ghi 2023 (danh mục đến 30/6/2025) hoặc 2025 (từ 01/7/2025).`,
		en: `Scheme "${text}" is not valid: write 2023 (the list until 30 June 2025) or 2025 (from 1 July 2025).`,
	}),
	schemeInferred: (scheme: Scheme, year: number): Bilingual => ({
		vi: `Không ghi danh mục: theo năm ${year}, dùng danh mục ${scheme}.`,
		en: `No scheme given: from the year ${year}, the ${scheme} list is used.`,
	}),
	schemeUnknown: (): Bilingual => ({
		vi: 'Không ghi danh mục và không suy ra được từ năm: ghi 2023 hoặc 2025 vào cột Danh mục.',
		en: 'No scheme given and none follows from the year: write 2023 or 2025 in the Scheme column.',
	}),
	termInYear: (text: string): Bilingual => ({
		vi: `"${text}" là một nhiệm kỳ, không phải một năm: số liệu cả nhiệm kỳ ghi Kỳ báo cáo = "Cả nhiệm kỳ", Nhiệm kỳ = ${text.replace(/\s*[-–—/]\s*/, '-')}, để trống Năm.`,
		en: `"${text}" is a term, not a year: a whole-term total has Period = "Whole term", Term = ${text.replace(/\s*[-–—/]\s*/, '-')} and an empty Year.`,
	}),
	invalidYear: (text: string): Bilingual => ({
		vi: `Năm "${text}" không hợp lệ: ghi năm bằng 4 chữ số, ví dụ 2023.`,
		en: `Year "${text}" is not valid: write the year in 4 digits, e.g. 2023.`,
	}),
	yearOutsideRange: (year: number): Bilingual => ({
		vi: `Năm ${year} nằm ngoài khoảng ${FIRST_YEAR}–${LAST_YEAR} mà bảng số liệu hiển thị: vẫn nhập nhưng không hiện trên biểu đồ.`,
		en: `Year ${year} is outside the ${FIRST_YEAR}–${LAST_YEAR} range the dashboard shows: imported but not charted.`,
	}),
	invalidPeriod: (text: string): Bilingual => ({
		vi: `Kỳ báo cáo "${text}" không hợp lệ: ghi Cả năm, 6 tháng đầu năm, 9 tháng đầu năm, Tháng hoặc Cả nhiệm kỳ.`,
		en: `Period "${text}" is not valid: write Full year, First half year, First nine months, Month or Whole term.`,
	}),
	invalidMonth: (text: string): Bilingual => ({
		vi: `Tháng "${text}" không hợp lệ: ghi số từ 1 đến 12.`,
		en: `Month "${text}" is not valid: write a number from 1 to 12.`,
	}),
	invalidTerm: (text: string): Bilingual => ({
		vi: `Nhiệm kỳ "${text}" không hợp lệ: ghi ${TERMS.join(', ')}.`,
		en: `Term "${text}" is not valid: write ${TERMS.join(', ')}.`,
	}),
	termAsYear: (term: string): Bilingual => ({
		vi: `Kỳ báo cáo là cả năm nhưng dòng ghi nhiệm kỳ ${term}: nếu đây là tổng cả nhiệm kỳ, ghi Kỳ báo cáo = "Cả nhiệm kỳ" và để trống Năm; nếu là số liệu một năm, xóa nhiệm kỳ.`,
		en: `The period is a full year but the row gives the term ${term}: if this is a whole-term total, set Period = "Whole term" and leave Year empty; if it is one year's figure, remove the term.`,
	}),
	missingYear: (): Bilingual => ({
		vi: 'Thiếu năm: số liệu theo năm, 6 tháng, 9 tháng hoặc tháng phải ghi năm.',
		en: 'No year: a yearly, half-year, nine-month or monthly figure needs its year.',
	}),
	missingTerm: (): Bilingual => ({
		vi: 'Kỳ báo cáo là cả nhiệm kỳ nhưng thiếu nhiệm kỳ: ghi 2016-2021, 2021-2026 hoặc 2026-2031.',
		en: 'The period is a whole term but no term is given: write 2016-2021, 2021-2026 or 2026-2031.',
	}),
	yearIgnoredForTerm: (year: number): Bilingual => ({
		vi: `Số liệu cả nhiệm kỳ không thuộc một năm: bỏ năm ${year}.`,
		en: `A whole-term total belongs to no single year: the year ${year} is dropped.`,
	}),
	missingMonth: (): Bilingual => ({
		vi: 'Kỳ báo cáo là tháng nhưng thiếu tháng: ghi số từ 1 đến 12.',
		en: 'The period is a month but no month is given: write a number from 1 to 12.',
	}),
	monthWithoutMonthPeriod: (): Bilingual => ({
		vi: 'Có ghi tháng nhưng kỳ báo cáo không phải là tháng: xóa tháng, hoặc ghi Kỳ báo cáo = "Tháng".',
		en: 'A month is given but the period is not a month: remove the month, or set Period = "Month".',
	}),
	invalidScope: (text: string): Bilingual => ({
		vi: `Phạm vi "${text}" không hợp lệ: ghi "Của chính HĐND cấp này" hoặc "Tổng của HĐND cấp dưới".`,
		en: `Scope "${text}" is not valid: write "The council's own" or "Sum over sub-unit councils".`,
	}),
	invalidQualifier: (text: string): Bilingual => ({
		vi: `Tính chất số liệu "${text}" không hợp lệ: để trống, hoặc ghi "ít nhất" hay "khoảng".`,
		en: `Qualifier "${text}" is not valid: leave it empty, or write "at least" or "approx".`,
	}),
	unknownUnit: (code: string, scheme: Scheme, suggestions: UnitRef[]): Bilingual => ({
		vi: `Mã đơn vị ${code} không có trong danh mục ${scheme}.${suggestions.length ? ` Có thể là: ${suggestions.map(unitText).join('; ')}.` : ''}`,
		en: `Unit code ${code} is not in the ${scheme} list.${suggestions.length ? ` Did you mean: ${suggestions.map(unitText).join('; ')}?` : ''}`,
	}),
	codePadded: (code: string, unit: UnitRef): Bilingual => ({
		vi: `Mã ${code} được hiểu là ${unit.code} (${unit.nameWithType}): mã mất số 0 đầu, thường do Excel đổi thành số.`,
		en: `Code ${code} is read as ${unit.code} (${unit.nameWithType}): it lost its leading zeros, usually because Excel turned it into a number.`,
	}),
	ambiguousCode: (code: string, scheme: Scheme, candidates: UnitRef[]): Bilingual => ({
		vi: `Mã ${code} không có trong danh mục ${scheme}; nếu bị mất số 0 đầu thì có thể là ${candidates.map(unitText).join(' hoặc ')}: ghi đủ mã.`,
		en: `Code ${code} is not in the ${scheme} list; if it lost its leading zeros it may be ${candidates.map(unitText).join(' or ')}: write the full code.`,
	}),
	otherSchemeOnly: (code: string, scheme: Scheme, other: UnitRef): Bilingual => ({
		vi: `Mã ${code} không có trong danh mục ${scheme} mà thuộc danh mục ${other.scheme}: ${other.nameWithType}. ${schemeHint(other.scheme).vi}`,
		en: `Code ${code} is not in the ${scheme} list but in the ${other.scheme} list: ${other.nameWithType}. ${schemeHint(other.scheme).en}`,
	}),
	codeReused: (code: string, unit2025: UnitRef, unit2023: UnitRef): Bilingual => ({
		vi: `Mã ${code} năm 2025 là ${unit2025.nameWithType}, trước 01/7/2025 là ${unit2023.nameWithType} (mã được dùng lại sau sắp xếp đơn vị hành chính).`,
		en: `Code ${code} is ${unit2025.nameWithType} in the 2025 list, and was ${unit2023.nameWithType} before 1 July 2025 (codes were reused after the reorganisation).`,
	}),
	nameOtherScheme: (name: string, rowScheme: Scheme, reuse: Bilingual): Bilingual => ({
		vi: `Tên "${name}" là đơn vị của danh mục khác, không phải danh mục ${rowScheme}. ${reuse.vi} Kiểm tra cột Danh mục.`,
		en: `The name "${name}" is a unit of the other list, not of the ${rowScheme} list. ${reuse.en} Check the Scheme column.`,
	}),
	yearNotInScheme: (year: number, scheme: Scheme, reuse: Bilingual | null): Bilingual => ({
		vi: `${scheme === '2025' ? `Danh mục 2025 chỉ có từ 01/7/2025: số liệu năm ${year} thuộc danh mục 2023.` : `Danh mục 2023 chỉ dùng đến 30/6/2025: số liệu năm ${year} thuộc danh mục 2025.`}${reuse ? ` ${reuse.vi}` : ''}`,
		en: `${scheme === '2025' ? `The 2025 list only exists from 1 July 2025: figures of ${year} belong to the 2023 list.` : `The 2023 list ends on 30 June 2025: figures of ${year} belong to the 2025 list.`}${reuse ? ` ${reuse.en}` : ''}`,
	}),
	nameMismatch: (name: string, unit: UnitRef): Bilingual => ({
		vi: `Tên "${name}" khác tên của mã ${unit.code} (${unit.nameWithType}): dùng theo mã.`,
		en: `The name "${name}" differs from the name of code ${unit.code} (${unit.nameWithType}): the code is used.`,
	}),
	decimal: (text: string, metric: MetricId): Bilingual => ({
		vi: `"${text}" là số thập phân: số ${metricCount(metric).vi} phải là số nguyên (viết 1.143 hoặc 1143 cho một nghìn một trăm bốn mươi ba).`,
		en: `"${text}" is a decimal: the number of ${metricCount(metric).en} must be a whole number (write 1.143 or 1143 for one thousand one hundred and forty-three).`,
	}),
	ambiguousNumber: (text: string): Bilingual => ({
		vi: `"${text}" có dấu phẩy: theo cách viết Việt Nam đó là số thập phân. Nếu là số nguyên, viết ${text.replace(/,/g, '.')} hoặc ${text.replace(/,/g, '')}.`,
		en: `"${text}" has a comma: written the Vietnamese way that is a decimal. If it is a whole number, write ${text.replace(/,/g, '.')} or ${text.replace(/,/g, '')}.`,
	}),
	negative: (text: string): Bilingual => ({
		vi: `"${text}" là số âm: số đếm không thể âm.`,
		en: `"${text}" is negative: a count cannot be below zero.`,
	}),
	tooLarge: (text: string): Bilingual => ({
		vi: `"${text}" quá lớn để là một số đếm.`,
		en: `"${text}" is too large for a count.`,
	}),
	notANumber: (text: string): Bilingual => ({
		vi: `"${text}" không phải là số: ghi số nguyên, hoặc để trống nếu không báo cáo (không ghi 0 thay cho ô trống).`,
		en: `"${text}" is not a number: write a whole number, or leave it empty if not reported (never 0 for missing).`,
	}),
	qualifierFromText: (text: string, value: number, qualifier: CountQualifier): Bilingual => ({
		vi: `"${text}" được ghi là ${value}, tính chất "${QUALIFIER_LABEL[qualifier].vi}" (áp dụng cho cả dòng).`,
		en: `"${text}" is stored as ${value}, qualified "${QUALIFIER_LABEL[qualifier].en}" (for the whole row).`,
	}),
	qualifierConflict: (text: string, qualifier: CountQualifier): Bilingual => ({
		vi: `"${text}" mâu thuẫn với tính chất "${QUALIFIER_LABEL[qualifier].vi}" của dòng: một dòng chỉ có một tính chất số liệu.`,
		en: `"${text}" contradicts the row's qualifier "${QUALIFIER_LABEL[qualifier].en}": a row has one qualifier.`,
	}),
	noFigures: (): Bilingual => ({
		vi: 'Dòng không có số liệu nào ở các cột chỉ tiêu: không có gì để nhập.',
		en: 'The row has no figure in any metric column: nothing to import.',
	}),
	resolvedAboveReceived: (resolved: number, received: number): Bilingual => ({
		vi: `Kiến nghị đã giải quyết (${resolved}) nhiều hơn kiến nghị tiếp nhận (${received}).`,
		en: `Petitions resolved (${resolved}) exceed petitions received (${received}).`,
	}),
	/** `more`: how many other rows of the group are not listed (a file of identical rows lists a few). */
	duplicate: (others: number[], more = 0): Bilingual => ({
		vi: `Trùng đơn vị, kỳ báo cáo và phạm vi với dòng ${others.join(', ')}${more ? ` và ${more.toLocaleString('vi-VN')} dòng khác` : ''}: không biết dòng nào đúng. Giữ một dòng rồi nhập lại.`,
		en: `Same unit, period and scope as row ${others.join(', ')}${more ? ` and ${more.toLocaleString('en-GB')} other rows` : ''}: which one is right cannot be told. Keep one row and import again.`,
	}),
	duplicateImported: (title: string): Bilingual => ({
		vi: `Đã có số liệu cùng đơn vị, kỳ báo cáo và phạm vi trong tệp đã nhập "${title}": biểu đồ sẽ dùng tệp nhập sau cùng.`,
		en: `The imported file "${title}" already has figures for the same unit, period and scope: the charts will use the latest import.`,
	}),
	duplicateReported: (title: string): Bilingual => ({
		vi: `Đã có số liệu báo cáo cùng đơn vị, kỳ báo cáo và phạm vi ("${title}"): biểu đồ vẫn dùng số liệu báo cáo.`,
		en: `A reported figure for the same unit, period and scope exists ("${title}"): the charts keep using the reported one.`,
	}),
};

function schemeHint(scheme: Scheme): Bilingual {
	return scheme === '2023'
		? {
				vi: 'Số liệu trước 01/7/2025 ghi Danh mục = 2023.',
				en: 'Figures before 1 July 2025 have Scheme = 2023.',
			}
		: {
				vi: 'Số liệu từ năm 2025 ghi Danh mục = 2025.',
				en: 'Figures from 2025 on have Scheme = 2025.',
			};
}

/** What a count column counts, in lower case: "cuộc giám sát", "supervisions". */
function metricCount(id: MetricId): Bilingual {
	const { label } = METRICS.find((m) => m.id === id)!;
	return { vi: label.vi.toLocaleLowerCase('vi'), en: label.en.toLowerCase() };
}

/** The list whose units report a period of a year: the 2025 list from 1 July 2025. */
function schemeOfPeriod(year: number, period: PeriodKind, month: number | null): Scheme {
	if (year < FIRST_YEAR_OF_2025_SCHEME) return '2023';
	if (year > FIRST_YEAR_OF_2025_SCHEME) return '2025';
	if (period === 'h1' || (period === 'month' && month !== null && month < 7)) return '2023';
	return '2025';
}

/** How many of the other rows a duplicate's message lists. */
const DUPLICATES_LISTED = 5;
/** Rows between two progress reports: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 500;

const TERM_PATTERN = /^(\d{4})\s*[-–—/]\s*(\d{4})$/;

/** Validate the rows of a sheet read with a header mapping. Pure; never throws on any cell content. */
export function validateRows(input: ValidateInput): ValidationResult {
	const { sheet, units } = input;
	const issues: ImportIssue[] = [];
	const columnOf = new Map<ImportColumnId, number>();
	input.mapping.forEach((id, index) => {
		if (id && !columnOf.has(id)) columnOf.set(id, index);
	});
	const column = (id: ImportColumnId) => {
		const index = columnOf.get(id);
		if (index === undefined) return null;
		return { index, letter: columnLetter(index), header: sheet.headers[index] ?? '', id };
	};
	/** The column to point at: the one that should hold the value, else the one that asked for it. */
	const columnOr = (id: ImportColumnId, fallback: ImportColumnId) =>
		columnOf.has(id) ? id : columnOf.has(fallback) ? fallback : null;
	const fileIssue = (
		severity: Severity,
		code: IssueCode,
		message: Bilingual,
		id?: ImportColumnId,
	) =>
		issues.push({ row: sheet.headerRow, column: id ? column(id) : null, severity, code, message });

	if (!columnOf.has('unit_code')) fileIssue('error', 'no_code_column', MESSAGES.noCodeColumn());
	const metricColumns = METRICS.map((m) => m.id).filter((id) => columnOf.has(id));
	if (metricColumns.length === 0) fileIssue('error', 'no_metric_column', MESSAGES.noMetricColumn());
	sheet.headers.forEach((header, index) => {
		if (input.mapping[index] || header === '') return;
		issues.push({
			row: sheet.headerRow,
			column: { index, letter: columnLetter(index), header, id: null },
			severity: 'info',
			code: 'ignored_column',
			message: MESSAGES.ignoredColumn(header),
		});
	});

	const accepted: (ImportedFact & { key: string })[] = [];
	const rejected = new Set<number>();
	const emptyRows: number[] = [];
	const keyRows = new Map<string, number[]>();
	const rowKeys = new Map<number, string>();

	let checked = 0;
	for (const row of sheet.rows) {
		if (++checked % PROGRESS_EVERY === 0) input.onProgress?.(checked);
		const rowIssues: ImportIssue[] = [];
		const add = (
			severity: Severity,
			code: IssueCode,
			message: Bilingual,
			id: ImportColumnId | null = null,
		) =>
			rowIssues.push({ row: row.number, column: id ? column(id) : null, severity, code, message });
		const cell = (id: ImportColumnId): Cell => {
			const index = columnOf.get(id);
			return index === undefined ? null : (row.cells[index] ?? null);
		};
		const text = (id: ImportColumnId) => cellText(cell(id));

		if (row.cells.every((c) => cellText(c) === '')) {
			emptyRows.push(row.number);
			issues.push({
				row: row.number,
				column: null,
				severity: 'info',
				code: 'empty_row',
				message: MESSAGES.emptyRow(),
			});
			continue;
		}

		// Year, period, month, term.
		let year: number | null = null;
		let yearBroken = false;
		const yearText = text('year');
		if (yearText !== '') {
			const term = TERM_PATTERN.exec(yearText);
			if (term) {
				add('error', 'term_in_year', MESSAGES.termInYear(yearText), 'year');
				yearBroken = true;
			} else {
				year = parseWhole(cell('year'));
				if (year === null || year < 1990 || year > 2100) {
					add('error', 'invalid_year', MESSAGES.invalidYear(yearText), 'year');
					year = null;
					yearBroken = true;
				} else if (year < FIRST_YEAR || year > LAST_YEAR) {
					add('warning', 'year_outside_range', MESSAGES.yearOutsideRange(year), 'year');
				}
			}
		}
		let month: number | null = null;
		const monthText = text('month');
		if (monthText !== '') {
			month = parseWhole(cell('month'));
			if (month === null || month < 1 || month > 12) {
				add('error', 'invalid_month', MESSAGES.invalidMonth(monthText), 'month');
				month = null;
			}
		}
		let term: string | null = null;
		const termText = text('term');
		if (termText !== '') {
			const match = TERM_PATTERN.exec(termText);
			const normal = match ? `${match[1]}-${match[2]}` : termText;
			if ((TERMS as readonly string[]).includes(normal)) term = normal;
			else add('error', 'invalid_term', MESSAGES.invalidTerm(termText), 'term');
		}
		let period: PeriodKind | null;
		const periodText = text('period');
		if (periodText !== '') {
			period = PERIOD_WORDS.get(normaliseHeader(periodText)) ?? null;
			if (!period) add('error', 'invalid_period', MESSAGES.invalidPeriod(periodText), 'period');
		} else if (termText !== '' && yearText === '') period = 'term';
		else if (monthText !== '') period = 'month';
		else period = 'year';

		if (period === 'year' && termText !== '') {
			add('error', 'term_as_year', MESSAGES.termAsYear(term ?? termText), 'term');
		}
		if (period && period !== 'term' && year === null && !yearBroken) {
			add('error', 'missing_year', MESSAGES.missingYear(), columnOr('year', 'period'));
		}
		if (period === 'term') {
			if (termText === '') {
				add('error', 'missing_term', MESSAGES.missingTerm(), columnOr('term', 'period'));
			}
			if (year !== null) {
				add('warning', 'year_ignored_for_term', MESSAGES.yearIgnoredForTerm(year), 'year');
				year = null;
			}
		}
		if (period === 'month' && monthText === '') {
			add('error', 'missing_month', MESSAGES.missingMonth(), columnOr('month', 'period'));
		}
		if (period && period !== 'month' && monthText !== '') {
			add('error', 'month_without_month_period', MESSAGES.monthWithoutMonthPeriod(), 'month');
		}

		// Scheme: written, or taken from the year.
		let scheme: Scheme | null = null;
		const schemeText = text('scheme');
		if (schemeText !== '') {
			const match = /(?:^|\D)(2023|2025)(?:\D|$)/.exec(schemeText);
			if (match) scheme = match[1] as Scheme;
			else add('error', 'invalid_scheme', MESSAGES.invalidScheme(schemeText), 'scheme');
		} else if (year !== null && period) {
			scheme = schemeOfPeriod(year, period, month);
			if (columnOf.has('scheme')) {
				add('warning', 'scheme_inferred', MESSAGES.schemeInferred(scheme, year), 'scheme');
			}
		} else if (term === '2016-2021') scheme = '2023';
		else if (term === '2026-2031') scheme = '2025';
		else if (!yearBroken) add('error', 'scheme_unknown', MESSAGES.schemeUnknown(), 'scheme');

		// Scope and qualifier.
		let scope: FactScope | null = 'own';
		const scopeText = text('scope');
		if (scopeText !== '') {
			scope = SCOPE_WORDS.get(normaliseHeader(scopeText)) ?? null;
			if (!scope) add('error', 'invalid_scope', MESSAGES.invalidScope(scopeText), 'scope');
		}
		let qualifier: CountQualifier | null = null;
		const qualifierText = text('qualifier');
		if (qualifierText !== '') {
			const q = QUALIFIER_WORDS.get(normaliseHeader(qualifierText));
			if (!q)
				add('error', 'invalid_qualifier', MESSAGES.invalidQualifier(qualifierText), 'qualifier');
			else qualifier = q === 'exact' ? null : q;
		}

		// The unit.
		let code: string | null = null;
		const codeText = text('unit_code').replace(/^'/, '');
		const nameText = text('unit_name');
		if (codeText === '') {
			add('error', 'missing_code', MESSAGES.missingCode(), 'unit_code');
		} else if (scheme) {
			code = resolveUnit(codeText, nameText, scheme, year, period, month, units, add);
		}

		// The counts.
		const values: Partial<Record<MetricId, number | null>> = {};
		for (const id of metricColumns) {
			const raw = cell(id);
			const result = parseCount(raw);
			switch (result.kind) {
				case 'empty':
					values[id] = null;
					break;
				case 'value':
					values[id] = result.value;
					if (result.qualifier) {
						if (qualifier === null && qualifierText === '') {
							qualifier = result.qualifier;
							add(
								'warning',
								'qualifier_from_text',
								MESSAGES.qualifierFromText(cellText(raw), result.value, result.qualifier),
								id,
							);
						} else if (qualifier !== result.qualifier) {
							add(
								'error',
								'qualifier_conflict',
								MESSAGES.qualifierConflict(cellText(raw), qualifier ?? result.qualifier),
								id,
							);
						}
					}
					break;
				case 'decimal':
					add('error', 'decimal', MESSAGES.decimal(result.text, id), id);
					break;
				case 'ambiguous':
					add('error', 'ambiguous_number', MESSAGES.ambiguousNumber(result.text), id);
					break;
				case 'negative':
					add('error', 'negative', MESSAGES.negative(result.text), id);
					break;
				case 'too_large':
					add('error', 'too_large', MESSAGES.tooLarge(result.text), id);
					break;
				case 'text':
					add('error', 'not_a_number', MESSAGES.notANumber(result.text), id);
					break;
			}
		}
		const counted = metricColumns.filter((id) => values[id] !== undefined);
		const anyFigure = counted.some((id) => values[id] !== null);
		const anyBroken = metricColumns.some((id) => values[id] === undefined);
		if (!anyFigure && !anyBroken) add('error', 'no_figures', MESSAGES.noFigures());
		const received = values.petitions_received;
		const resolved = values.petitions_resolved;
		if (typeof received === 'number' && typeof resolved === 'number' && resolved > received) {
			add(
				'error',
				'resolved_above_received',
				MESSAGES.resolvedAboveReceived(resolved, received),
				'petitions_resolved',
			);
		}

		issues.push(...rowIssues);
		if (code && scheme && period && scope) {
			const key = factKey({ scheme, unit_code: code, period, year, month, term, scope });
			// Appended in place: copying the list for each row was quadratic in a file of identical rows.
			const same = keyRows.get(key);
			if (same) same.push(row.number);
			else keyRows.set(key, [row.number]);
			rowKeys.set(row.number, key);
			if (!rowIssues.some((i) => i.severity === 'error')) {
				const noteText = text('note');
				accepted.push({
					key,
					row: row.number,
					unit_code: code,
					scheme,
					year,
					period,
					month: period === 'month' ? month : null,
					term: period === 'term' ? term : null,
					scope,
					values,
					qualifier,
					note: noteText === '' ? null : noteText,
				});
				continue;
			}
		}
		if (!rowIssues.some((i) => i.severity === 'error')) {
			// Cannot happen (a row without a key has an error), but a row is never silently lost.
			add('error', 'missing_code', MESSAGES.missingCode(), 'unit_code');
			issues.push(rowIssues.at(-1)!);
		}
		rejected.add(row.number);
	}

	// The same unit, period and scope twice in the file: neither row can be trusted.
	for (const [, rows] of keyRows) {
		if (rows.length < 2) continue;
		for (const r of rows) {
			// A few of the other rows, not all: 8,000 identical rows listing each other made 64 million
			// numbers of messages.
			const shown: number[] = [];
			for (const o of rows) {
				if (o !== r && shown.push(o) === DUPLICATES_LISTED) break;
			}
			issues.push({
				row: r,
				column: column('unit_code'),
				severity: 'error',
				code: 'duplicate',
				message: MESSAGES.duplicate(shown, rows.length - 1 - shown.length),
			});
			rejected.add(r);
		}
	}
	const kept = accepted.filter((f) => !rejected.has(f.row));
	for (const fact of kept) {
		const existing = input.existing?.get(fact.key);
		if (!existing) continue;
		issues.push({
			row: fact.row,
			column: column('unit_code'),
			severity: 'warning',
			code: existing.kind === 'reported' ? 'duplicate_reported' : 'duplicate_imported',
			message:
				existing.kind === 'reported'
					? MESSAGES.duplicateReported(existing.title)
					: MESSAGES.duplicateImported(existing.title),
		});
	}

	issues.sort((a, b) => a.row - b.row || (a.column?.index ?? -1) - (b.column?.index ?? -1));
	return {
		issues,
		accepted: kept.map(({ key: _key, ...fact }) => fact),
		rejectedRows: [...rejected].sort((a, b) => a - b),
		emptyRows,
		totalRows: sheet.rows.length,
	};
}

type AddIssue = (
	severity: Severity,
	code: IssueCode,
	message: Bilingual,
	id?: ImportColumnId | null,
) => void;

/** The unit a row's code names in its scheme, with issues for what is wrong; null when there is none. */
function resolveUnit(
	codeText: string,
	nameText: string,
	scheme: Scheme,
	year: number | null,
	period: PeriodKind | null,
	month: number | null,
	units: UnitCatalog,
	add: AddIssue,
): string | null {
	const other: Scheme = scheme === '2023' ? '2025' : '2023';
	const reuse = (code: string): Bilingual | null => {
		const u25 = units.get('2025', code);
		const u23 = units.get('2023', code);
		return u25 && u23 && u25.name !== u23.name ? MESSAGES.codeReused(code, u25, u23) : null;
	};
	const digits = /^\d+$/.test(codeText);
	let unit = digits ? units.get(scheme, codeText) : undefined;
	if (!unit && digits) {
		let candidates = units.padded(scheme, codeText);
		if (nameText && candidates.length > 1) {
			const named = candidates.filter((u) => units.nameMatches(u, nameText));
			if (named.length > 0) candidates = named;
		}
		if (candidates.length === 1) {
			unit = candidates[0]!;
			add('warning', 'code_padded', MESSAGES.codePadded(codeText, unit), 'unit_code');
		} else if (candidates.length > 1) {
			add(
				'error',
				'ambiguous_code',
				MESSAGES.ambiguousCode(codeText, scheme, candidates),
				'unit_code',
			);
			return null;
		}
	}
	if (!unit) {
		const elsewhere = digits
			? (units.get(other, codeText) ??
				(units.padded(other, codeText).length === 1 ? units.padded(other, codeText)[0] : undefined))
			: undefined;
		if (elsewhere) {
			add(
				'error',
				'other_scheme',
				MESSAGES.otherSchemeOnly(codeText, scheme, elsewhere),
				'unit_code',
			);
			return null;
		}
		const suggestions = nameText
			? units.closestByName(nameText, scheme)
			: digits
				? units.closestByCode(codeText, scheme)
				: units.closestByName(codeText, scheme);
		add('error', 'unknown_unit', MESSAGES.unknownUnit(codeText, scheme, suggestions), 'unit_code');
		return null;
	}
	// The code exists in the row's list; does the year belong to that list?
	if (year !== null && period && period !== 'term') {
		const expected = schemeOfPeriod(year, period, month);
		if (expected !== scheme) {
			add(
				'error',
				'year_not_in_scheme',
				MESSAGES.yearNotInScheme(year, scheme, reuse(unit.code)),
				'scheme',
			);
			return null;
		}
	}
	// Does the name, if given, name this unit or the one the code meant in the other list?
	if (nameText && !units.nameMatches(unit, nameText)) {
		const twin = units.get(other, unit.code);
		const reused = reuse(unit.code);
		if (twin && reused && units.nameMatches(twin, nameText)) {
			add(
				'error',
				'name_other_scheme',
				MESSAGES.nameOtherScheme(nameText, scheme, reused),
				'unit_name',
			);
			return null;
		}
		add('warning', 'name_mismatch', MESSAGES.nameMismatch(nameText, unit), 'unit_name');
	}
	return unit.code;
}
