/**
 * The words of the briefing page's targets panel, Vietnamese and English side by side. `{n}`-style parts
 * are filled with interpolate().
 */
export const TARGETS_TEXT = {
	title: { vi: 'Chỉ tiêu', en: 'Targets' },
	label: { vi: 'Nội dung chỉ tiêu', en: 'Target' },
	metric: { vi: 'Số liệu', en: 'Metric' },
	level: { vi: 'Cấp', en: 'Level' },
	anyLevel: { vi: 'Mọi cấp', en: 'Any level' },
	types: { vi: 'Loại đơn vị', en: 'Unit types' },
	period: { vi: 'Kỳ', en: 'Period' },
	threshold: { vi: 'Tối thiểu mỗi đơn vị', en: 'At least, per unit' },
	add: { vi: 'Thêm chỉ tiêu', en: 'Add target' },
	save: { vi: 'Lưu', en: 'Save' },
	cancel: { vi: 'Hủy', en: 'Cancel' },
	edit: { vi: 'Sửa', en: 'Edit' },
	remove: { vi: 'Xóa', en: 'Remove' },
	exportCsv: { vi: 'Xuất CSV', en: 'Export CSV' },
	exportXlsx: { vi: 'Xuất XLSX', en: 'Export XLSX' },
	importFile: { vi: 'Nhập CSV/XLSX', en: 'Import CSV/XLSX' },
	imported: { vi: 'Đã nhập {n} chỉ tiêu.', en: '{n} targets imported.' },
	refused: { vi: 'Dòng {line}: {reason}', en: 'Line {line}: {reason}' },
	memory: {
		vi: 'Trình duyệt không cho lưu: chỉ tiêu chỉ giữ trong phiên này.',
		en: 'This browser refuses storage: targets last for this session only.',
	},
};
