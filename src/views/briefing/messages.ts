/**
 * The words of the giao ban page (its controls, the pack's export and the pack's page labels), Vietnamese
 * and English side by side; the targets panel has its own in targets/messages.ts. `{name}`-style parts are
 * filled with interpolate().
 */
export const BRIEFING_TEXT = {
	title: { vi: 'Giao ban', en: 'Briefing' },
	intro: {
		vi: 'Chọn một đơn vị và một kỳ báo cáo: số liệu của đơn vị, của HĐND cấp dưới, so với cùng kỳ, chỉ tiêu và tình hình báo cáo, rồi xuất tài liệu giao ban.',
		en: 'Choose a unit and a period: its figures, its sub-units’, the same period last year, the targets and who has reported, then export the briefing pack.',
	},
	chosen: { vi: 'Đơn vị', en: 'Unit' },
	none: {
		vi: 'Chưa chọn đơn vị: tìm theo tên ở trên.',
		en: 'No unit chosen: search by name above.',
	},
	otherList: {
		vi: 'Đơn vị này thuộc danh mục {scheme}; kỳ đã chọn dùng danh mục {periodScheme}, nên có thể không có số liệu.',
		en: 'This unit is on the {scheme} list; the period chosen uses the {periodScheme} list, so there may be no figures.',
	},
	pdf: { vi: 'Xuất PDF (A4)', en: 'Export PDF (A4)' },
	docx: { vi: 'Xuất DOCX (Word)', en: 'Export DOCX (Word)' },
	busy: { vi: 'Đang tạo tài liệu…', en: 'Making the document…' },
	failed: {
		vi: 'Không tạo được tài liệu. Số liệu trên trang vẫn giữ nguyên.',
		en: 'The document could not be made. The figures on the page are unchanged.',
	},
	loading: { vi: 'Đang tải số liệu…', en: 'Loading figures…' },
	page: { vi: 'Trang', en: 'Page' },
	simulated: { vi: 'Dữ liệu mô phỏng', en: 'Simulated data' },
};
