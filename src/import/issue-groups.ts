/**
 * Issues grouped when many rows share one problem: a file of 1,000 rows with unknown codes reads as one
 * line, "1.000 dòng: mã đơn vị không có trong danh mục — dòng 2–1001", not a thousand (issue 16: 8,000
 * identical rows made 961 MB of messages). The rows' own messages stay in the report's CSV download.
 */
import type { Bilingual } from '../model/metrics.ts';
import type { ImportIssue, Severity } from './types.ts';
import type { IssueCode } from './issue-messages.ts';

/** What each problem is, in a few words, for the line of a group. */
export const ISSUE_TITLES: Record<IssueCode, Bilingual> = {
	no_code_column: { vi: 'không có cột mã đơn vị', en: 'no unit code column' },
	no_metric_column: { vi: 'không có cột chỉ tiêu', en: 'no metric column' },
	ignored_column: { vi: 'cột không thuộc mẫu', en: 'column not in the template' },
	empty_row: { vi: 'dòng trống', en: 'empty row' },
	term_in_year: { vi: 'ghi nhiệm kỳ vào cột năm', en: 'a term in the year column' },
	invalid_year: { vi: 'năm không hợp lệ', en: 'year not valid' },
	year_outside_range: { vi: 'năm ngoài khoảng hiển thị', en: 'year outside the charted range' },
	invalid_month: { vi: 'tháng không hợp lệ', en: 'month not valid' },
	invalid_term: { vi: 'nhiệm kỳ không hợp lệ', en: 'term not valid' },
	invalid_period: { vi: 'kỳ báo cáo không hợp lệ', en: 'period not valid' },
	term_as_year: { vi: 'kỳ cả năm nhưng ghi nhiệm kỳ', en: 'a full-year period with a term' },
	missing_year: { vi: 'thiếu năm', en: 'no year' },
	missing_term: { vi: 'thiếu nhiệm kỳ', en: 'no term' },
	year_ignored_for_term: {
		vi: 'bỏ năm của số liệu cả nhiệm kỳ',
		en: 'year dropped for a term total',
	},
	missing_month: { vi: 'thiếu tháng', en: 'no month' },
	month_without_month_period: {
		vi: 'ghi tháng nhưng kỳ báo cáo không phải tháng',
		en: 'a month given for a period that is not a month',
	},
	invalid_scheme: { vi: 'danh mục không hợp lệ', en: 'scheme not valid' },
	scheme_inferred: { vi: 'danh mục suy ra từ năm', en: 'scheme taken from the year' },
	scheme_unknown: { vi: 'không xác định được danh mục', en: 'scheme unknown' },
	invalid_scope: { vi: 'phạm vi không hợp lệ', en: 'scope not valid' },
	invalid_qualifier: { vi: 'tính chất số liệu không hợp lệ', en: 'qualifier not valid' },
	missing_code: { vi: 'thiếu mã đơn vị', en: 'no unit code' },
	code_padded: { vi: 'mã mất số 0 đầu, đã bổ sung', en: 'code lost its leading zeros, restored' },
	ambiguous_code: {
		vi: 'mã mất số 0 đầu, có nhiều khả năng',
		en: 'code lost its zeros, ambiguous',
	},
	other_scheme: { vi: 'mã thuộc danh mục khác', en: 'code of the other list' },
	unknown_unit: {
		vi: 'mã đơn vị không có trong danh mục',
		en: 'unit code not in the list',
	},
	year_not_in_scheme: { vi: 'năm không thuộc danh mục', en: 'year outside the list’s time' },
	name_other_scheme: { vi: 'tên thuộc danh mục khác', en: 'name of the other list' },
	name_mismatch: { vi: 'tên khác tên của mã', en: 'name differs from the code’s' },
	qualifier_from_text: { vi: 'tính chất số liệu lấy từ chữ', en: 'qualifier read from the text' },
	qualifier_conflict: { vi: 'tính chất số liệu mâu thuẫn', en: 'conflicting qualifiers' },
	decimal: { vi: 'số thập phân ở số đếm', en: 'a decimal for a count' },
	ambiguous_number: { vi: 'số có dấu phẩy, không rõ', en: 'a number with a comma, unclear' },
	negative: { vi: 'số âm', en: 'negative number' },
	too_large: { vi: 'số quá lớn', en: 'number too large' },
	not_a_number: { vi: 'không phải là số', en: 'not a number' },
	no_figures: { vi: 'dòng không có số liệu', en: 'row without figures' },
	resolved_above_received: {
		vi: 'đã giải quyết nhiều hơn tiếp nhận',
		en: 'more resolved than received',
	},
	duplicate: { vi: 'trùng dòng khác trong tệp', en: 'same as another row of the file' },
	duplicate_reported: { vi: 'đã có số liệu báo cáo', en: 'a reported figure exists' },
	duplicate_imported: { vi: 'đã có trong tệp đã nhập', en: 'already in an imported file' },
};

/** Rows sharing one problem from this many on are shown as one group. */
export const GROUP_FROM = 20;

/** One line of the report: an issue of its own, or a group of rows with one problem. */
export type ReportLine =
	| { kind: 'issue'; issue: ImportIssue }
	| {
			kind: 'group';
			code: string;
			severity: Severity;
			column: ImportIssue['column'];
			rows: number[];
			/** The first row's own message, as an example. */
			example: ImportIssue;
			message: Bilingual;
	  };

/** "2–1001, 1005, 1010–1020…": consecutive rows as ranges, the first `shown` of them. */
export function rowRanges(rows: readonly number[], shown = 6): string {
	const ranges: string[] = [];
	let i = 0;
	while (i < rows.length && ranges.length < shown) {
		let j = i;
		while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
		ranges.push(j === i ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
		i = j + 1;
	}
	return i < rows.length ? `${ranges.join(', ')}…` : ranges.join(', ');
}

const title = (code: string): Bilingual =>
	(Object.hasOwn(ISSUE_TITLES, code) ? ISSUE_TITLES[code as IssueCode] : null) ?? {
		vi: code,
		en: code,
	};

/** The line of a group: how many rows, the problem, which rows. */
export function groupMessage(code: string, rows: readonly number[]): Bilingual {
	const t = title(code);
	return {
		vi: `${rows.length.toLocaleString('vi-VN')} dòng: ${t.vi} — dòng ${rowRanges(rows)}`,
		en: `${rows.length.toLocaleString('en-GB')} rows: ${t.en} — rows ${rowRanges(rows)}`,
	};
}

/**
 * The report's lines: issues of one code, severity and column on `GROUP_FROM` rows or more become one
 * group where the first of them stood; the rest stay as they are, in their order.
 */
export function groupIssues(issues: readonly ImportIssue[], from = GROUP_FROM): ReportLine[] {
	const keyOf = (i: ImportIssue) => `${i.code}|${i.severity}|${i.column?.index ?? ''}`;
	const members = new Map<string, ImportIssue[]>();
	for (const issue of issues) {
		if (issue.row === 0) continue;
		const key = keyOf(issue);
		let list = members.get(key);
		if (!list) members.set(key, (list = []));
		list.push(issue);
	}
	const lines: ReportLine[] = [];
	const placed = new Set<string>();
	for (const issue of issues) {
		const key = keyOf(issue);
		const group = issue.row === 0 ? undefined : members.get(key);
		if (!group || group.length < from) {
			lines.push({ kind: 'issue', issue });
			continue;
		}
		if (placed.has(key)) continue;
		placed.add(key);
		const rows = [...new Set(group.map((i) => i.row))].sort((a, b) => a - b);
		lines.push({
			kind: 'group',
			code: issue.code,
			severity: issue.severity,
			column: issue.column,
			rows,
			example: issue,
			message: groupMessage(issue.code, rows),
		});
	}
	return lines;
}
