/** What the report-to-import step says about a figure before the importer's validation, in both languages. */
import type { Bilingual } from '../model/metrics.ts';

/** Messages of the problems found before validation. Exact texts are tested. */
export const TO_IMPORT_MESSAGES = {
	chooseUnit: (candidates: string[]): Bilingual => ({
		vi: `Chưa rõ số liệu này của đơn vị nào: chọn một đơn vị.${candidates.length ? ` Có thể là: ${candidates.join('; ')}.` : ''}`,
		en: `Which unit this figure belongs to is not known: choose a unit.${candidates.length ? ` It may be: ${candidates.join('; ')}.` : ''}`,
	}),
	choosePeriod: (): Bilingual => ({
		vi: 'Chọn kỳ báo cáo khác: số liệu theo quý hoặc theo khoảng ngày chưa lưu được (chỉ cả năm, 6 tháng, 9 tháng, tháng, cả nhiệm kỳ).',
		en: 'Choose another period: quarters and date spans cannot be stored yet (only full year, first half, nine months, month, whole term).',
	}),
	conflict: (label: Bilingual, values: number[]): Bilingual => ({
		vi: `Hai số liệu "${label.vi}" khác nhau (${values.join(' và ')}) cho cùng đơn vị, kỳ và phạm vi: không lưu số nào. Bỏ chấp nhận số sai rồi lưu lại.`,
		en: `Two different "${label.en}" figures (${values.join(' and ')}) for the same unit, period and scope: neither is stored. Un-accept the wrong one and save again.`,
	}),
	noteOnlyAlone: (label: Bilingual): Bilingual => ({
		vi: `"${label.vi}" không có cột riêng trong bảng số liệu, chỉ được ghi vào ghi chú của một dòng có số liệu khác; dòng này không có số liệu nào khác nên không lưu.`,
		en: `"${label.en}" has no column of its own and is only kept in the note of a row with other figures; this row has none, so it is not stored.`,
	}),
	noteOnly: (label: Bilingual): Bilingual => ({
		vi: `"${label.vi}" không có cột riêng: ghi vào ghi chú của dòng số liệu.`,
		en: `"${label.en}" has no column of its own: kept in the row's note.`,
	}),
	totalMismatch: (total: number, regular: number, thematic: number): Bilingual => ({
		vi: `Tổng ${total} kỳ họp khác thường lệ ${regular} + chuyên đề ${thematic}.`,
		en: `The total of ${total} sessions differs from ${regular} regular + ${thematic} thematic.`,
	}),
	cumulative: (until: string): Bilingual => ({
		vi: `Số lũy kế ${until}: lưu là "ít nhất" (mức tối thiểu của cả nhiệm kỳ).`,
		en: `A count to date (${until}): stored as "at least" (a lower bound of the whole term).`,
	}),
	exactInQualifiedRow: (qualifier: 'at_least' | 'approx'): Bilingual => ({
		vi: `Số chính xác nhưng lưu là "${qualifier === 'at_least' ? 'ít nhất' : 'khoảng'}": một dòng chỉ có một tính chất số liệu, và số khác cùng dòng ghi như vậy.`,
		en: `An exact figure stored as "${qualifier === 'at_least' ? 'at least' : 'approx'}": a row has one qualifier, and another figure of the row says so.`,
	}),
	leftOutWithRow: (message: Bilingual): Bilingual => ({
		vi: `Không lưu vì cùng dòng (đơn vị, kỳ, phạm vi) với số liệu lỗi: ${message.vi}`,
		en: `Not stored, with its row (unit, period and scope): ${message.en}`,
	}),
	replacesImported: (title: string): Bilingual => ({
		vi: `Tệp đã nhập "${title}" đã có số liệu cùng đơn vị, kỳ báo cáo và phạm vi: biểu đồ sẽ dùng số liệu báo cáo này.`,
		en: `The imported file "${title}" already has figures for the same unit, period and scope: the charts will use this report's figures.`,
	}),
};
