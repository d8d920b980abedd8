/** The words of the briefing pack in both languages, and how it writes a figure and a change. */
import { formatChange, formatNumber, type Lang } from '../i18n/format.ts';

export const TEXT = {
	title: { vi: 'Tài liệu giao ban', en: 'Briefing pack' },
	simulated: {
		vi: 'Dữ liệu mô phỏng: một phần số liệu dưới đây không có thật (được mô phỏng để minh họa), chỉ số liệu ghi nguồn là báo cáo mới là số liệu đã công bố.',
		en: 'Simulated data: some figures below are not real (simulated for illustration); only figures whose source is a report were published.',
	},
	basis: {
		vi: 'Tài liệu giao ban dùng số liệu như đơn vị đã báo cáo trong kỳ, không quy đổi sang đơn vị hành chính 2025.',
		en: 'The briefing pack uses figures as the units reported them for the period, not re-aggregated onto the 2025 units.',
	},
	oldList: {
		vi: 'Cùng kỳ năm trước do các đơn vị của danh mục cũ (trước 1/7/2025) báo cáo, nên đơn vị này không có số liệu cùng kỳ.',
		en: 'The same period last year was reported by the units of the old list (before 1 July 2025), so this unit has no figures for it.',
	},
	own: { vi: 'Số liệu của {unit}', en: 'Figures of {unit}' },
	subunits: { vi: 'Tổng của HĐND cấp dưới', en: 'Sum over the sub-unit councils' },
	ranking: { vi: 'Xếp hạng HĐND cấp dưới', en: 'Sub-unit councils ranked' },
	targets: { vi: 'Chỉ tiêu', en: 'Targets' },
	coverage: { vi: 'Tình hình báo cáo', en: 'Coverage' },
	sources: { vi: 'Nguồn số liệu', en: 'Sources' },
	metric: { vi: 'Chỉ tiêu', en: 'Metric' },
	samePeriod: { vi: 'Cùng kỳ ({period})', en: 'Same period ({period})' },
	change: { vi: 'Thay đổi', en: 'Change' },
	stated: { vi: 'Báo cáo nêu', en: 'As stated' },
	summed: { vi: 'Cộng các đơn vị đã báo cáo', en: 'Sum of the units that reported' },
	reporting: { vi: 'Số đơn vị báo cáo', en: 'Units reporting' },
	unit: { vi: 'Đơn vị', en: 'Unit' },
	rank: { vi: 'Hạng', en: 'Rank' },
	noSubunits: {
		vi: 'Đơn vị này không có cấp dưới trong danh mục.',
		en: 'This unit has no sub-units in the list.',
	},
	noTargets: {
		vi: 'Chưa có chỉ tiêu nào cho loại kỳ này.',
		en: 'No target for this kind of period.',
	},
	missed: { vi: 'Chưa đạt', en: 'Missed' },
	notReported: { vi: 'Chưa báo cáo', en: 'Not reported' },
	met: { vi: 'Đạt', en: 'Met' },
	coverageLine: {
		vi: '{n}/{total} HĐND cấp dưới đã báo cáo số liệu {period}.',
		en: '{n} of {total} sub-unit councils reported figures for {period}.',
	},
	ownMissing: {
		vi: '{unit} chưa có số liệu của chính mình cho {period}.',
		en: '{unit} has no figures of its own for {period}.',
	},
	allReported: { vi: 'Tất cả đã báo cáo.', en: 'All have reported.' },
	noneMissing: { vi: 'không có', en: 'none' },
	notReportedZero: {
		vi: 'Ô trống (—) là chưa báo cáo, không phải bằng 0.',
		en: 'A dash (—) is not reported, not zero.',
	},
	made: { vi: 'Lập ngày {date} · {url}', en: 'Made {date} · {url}' },
	kind: {
		reported: { vi: 'báo cáo', en: 'reported' },
		simulated: { vi: 'mô phỏng', en: 'simulated' },
		imported: { vi: 'nhập từ tệp', en: 'imported' },
	} as Record<string, { vi: string; en: string }>,
	sessionsTotal: { vi: 'Tổng số kỳ họp', en: 'Sessions in total' },
	resolvedShare: { vi: 'Tỷ lệ kiến nghị đã giải quyết', en: 'Petitions resolved, share' },
	chart: {
		vi: '{metric} của HĐND cấp dưới, {period}',
		en: '{metric} of the sub-unit councils, {period}',
	},
};

/** A figure as the pack writes it: "—" for not reported, "≥ 21" for a lower bound. */
export function figure(
	value: number | null | undefined,
	lang: Lang,
	qualifier?: string | null,
): string {
	if (value === null || value === undefined) return '—';
	const text = formatNumber(value, lang, 1);
	if (qualifier === 'at_least') return `≥ ${text}`;
	if (qualifier === 'approx') return `~ ${text}`;
	return text;
}

/** The change from the same period before, as a signed percentage; "—" when either is missing. */
export function change(
	value: number | null | undefined,
	previous: number | null | undefined,
	lang: Lang,
) {
	if (value === null || value === undefined || previous === null || previous === undefined)
		return '—';
	if (previous === 0) return value === 0 ? formatChange(0, lang) : '—';
	return formatChange((value - previous) / previous, lang);
}
