/**
 * What the import checker says: the code of every problem it reports and its message in Vietnamese and
 * English. The texts are the checker's interface with data staff, so they are tested word for word.
 */
import { METRICS, type Bilingual, type MetricId } from '../model/metrics.ts';
import { FIRST_YEAR, LAST_YEAR, TERMS } from '../model/periods.ts';
import type { Scheme } from '../model/units.ts';
import type { CountQualifier } from './numbers.ts';
import type { UnitRef } from './unit-catalog.ts';

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
