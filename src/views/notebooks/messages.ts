/**
 * The words of the notebooks page for one's own and shared notebooks, Vietnamese and English side by
 * side (the page's older words are in src/i18n/messages.ts). `{name}`-style parts are filled with
 * interpolate().
 */
import type { Bilingual } from '../../model/metrics.ts';

export const NB_TEXT = {
	ownTitle: { vi: 'Sổ tay của tôi', en: 'My notebooks' },
	ownIntro: {
		vi: 'Lưu trong trình duyệt này, không gửi đi đâu.',
		en: 'Kept in this browser, sent nowhere.',
	},
	ownEmpty: {
		vi: 'Chưa có sổ tay nào: tạo mới hoặc mở một tệp .md.',
		en: 'No notebooks yet: create one or open a .md file.',
	},
	notPersistent: {
		vi: 'Trình duyệt này không cho lưu (cửa sổ riêng tư?): sổ tay chỉ còn đến khi đóng trang.',
		en: 'This browser does not allow storage (private window?): notebooks last until the page is closed.',
	},
	create: { vi: '+ Sổ tay mới', en: '+ New notebook' },
	openFile: { vi: 'Mở tệp .md…', en: 'Open .md file…' },
	rename: { vi: 'Đổi tên', en: 'Rename' },
	renameLabel: { vi: 'Tên mới của sổ tay', en: 'New name of the notebook' },
	save: { vi: 'Lưu', en: 'Save' },
	cancel: { vi: 'Hủy', en: 'Cancel' },
	remove: { vi: 'Xóa', en: 'Delete' },
	removeConfirm: {
		vi: 'Xóa sổ tay “{name}” khỏi trình duyệt này? Không thể hoàn tác.',
		en: 'Delete the notebook “{name}” from this browser? This cannot be undone.',
	},
	removeYes: { vi: 'Xóa hẳn', en: 'Delete' },
	saving: { vi: 'Đang lưu…', en: 'Saving…' },
	saved: { vi: 'Đã lưu trong trình duyệt', en: 'Saved in the browser' },
	share: { vi: 'Chia sẻ', en: 'Share' },
	linkCopied: {
		vi: 'Đã sao chép đường liên kết ({n} ký tự). Người nhận mở ra thấy sổ tay chỉ để đọc, chưa chạy.',
		en: 'Link copied ({n} characters). The recipient sees the notebook read-only, not run.',
	},
	linkShown: {
		vi: 'Đường liên kết ({n} ký tự) ở dưới: hãy sao chép. Người nhận mở ra thấy sổ tay chỉ để đọc, chưa chạy.',
		en: 'The link ({n} characters) is below: copy it. The recipient sees the notebook read-only, not run.',
	},
	linkLabel: { vi: 'Đường liên kết chia sẻ', en: 'Share link' },
	tooLongForLink: {
		vi: 'Sổ tay quá lớn để gửi bằng đường liên kết ({n} ký tự, tối đa {max}): đã tải về tệp {file}. Hãy gửi tệp này; người nhận mở bằng “Mở tệp .md…”.',
		en: 'The notebook is too large for a link ({n} characters, at most {max}): the file {file} was downloaded. Send it; the recipient opens it with “Open .md file…”.',
	},
	sharedItem: { vi: 'Được chia sẻ', en: 'Shared with you' },
	sharedTitle: { vi: 'Sổ tay được chia sẻ, chỉ để đọc', en: 'Shared notebook, read-only' },
	sharedText: {
		vi: 'Mở từ một đường liên kết. Các ô SQL chưa chạy: hãy đọc qua, rồi bấm “Chạy” để xem kết quả trên dữ liệu của trang.',
		en: "Opened from a link. Its SQL cells have not run: read them, then press “Run” to see the results on the page's data.",
	},
	fileTitle: { vi: 'Sổ tay từ bên ngoài, chưa chạy', en: 'From elsewhere, not run yet' },
	fileText: {
		vi: 'Sổ tay này đến từ một tệp hoặc một đường liên kết. Các ô SQL chưa chạy: hãy đọc qua, rồi bấm “Chạy”.',
		en: 'This notebook came from a file or a link. Its SQL cells have not run: read them, then press “Run”.',
	},
	run: { vi: 'Chạy', en: 'Run' },
	ran: { vi: 'Đã chạy.', en: 'Run.' },
	saveCopy: { vi: 'Lưu vào sổ tay của tôi', en: 'Save to my notebooks' },
	closeShared: { vi: 'Đóng', en: 'Close' },
	fileRefused: {
		vi: 'Không mở được tệp “{file}”: {problem} Các sổ tay đã lưu vẫn còn nguyên.',
		en: 'Could not open “{file}”: {problem} Your saved notebooks are untouched.',
	},
	linkRefused: {
		vi: 'Không mở được sổ tay được chia sẻ: {problem} Các sổ tay đã lưu vẫn còn nguyên.',
		en: 'Could not open the shared notebook: {problem} Your saved notebooks are untouched.',
	},
	newName: { vi: 'Sổ tay mới', en: 'New notebook' },
	newMarkdown: {
		vi: '# Sổ tay mới\n\nGhi chú của bạn. Các ô SQL chạy trên bản sao dữ liệu của trang (bảng `yearly`, `facts`…) và không gửi gì ra ngoài.\n\n```sql\nSELECT level, COUNT(*) AS units\nFROM yearly\nWHERE year = 2024\nGROUP BY level\nORDER BY level\n```\n',
		en: "# New notebook\n\nYour notes. SQL cells run on the page's copy of the data (tables `yearly`, `facts`…) and send nothing out.\n\n```sql\nSELECT level, COUNT(*) AS units\nFROM yearly\nWHERE year = 2024\nGROUP BY level\nORDER BY level\n```\n",
	},
} satisfies Record<string, Bilingual>;
