/**
 * Header texts that council offices write for the template's columns without using its exact words:
 * "Số cuộc giám sát", "Tổng số kiến nghị tiếp nhận", "Mã ĐVHC", "Tên xã, thị trấn", the children of a
 * merged header on their own ("Thường lệ" under "Kỳ họp"). Tried after the template's names and aliases
 * (columns.ts), so an exact header always wins.
 */
import { matchHeader, normaliseHeader, type ImportColumnId } from './columns.ts';

/** Folded variants (see normaliseHeader) by column. */
const VARIANTS: Partial<Record<ImportColumnId, readonly string[]>> = {
	unit_code: [
		'ma dvhc',
		'ma so',
		'ma don vi hanh chinh',
		'ma xa',
		'ma huyen',
		'ma tinh',
		'administrative code',
	],
	unit_name: [
		'ten don vi hanh chinh',
		'don vi hanh chinh',
		'dia phuong',
		'ten dia phuong',
		'ten xa',
		'ten huyen',
		'ten tinh',
		'xa phuong thi tran',
		'xa thi tran',
		'xa phuong',
		'huyen thi xa thanh pho',
		'quan huyen',
		'don vi bao cao',
		'hdnd',
		'hdnd cap xa',
		'hdnd cac xa',
		'administrative unit',
		'council',
	],
	year: ['nam bao cao', 'reporting year'],
	period: ['thoi gian', 'ky', 'reporting period'],
	sessions_regular: ['thuong le', 'hop thuong le', 'ky hop thuong ky', 'thuong ky', 'regular'],
	sessions_thematic: [
		'chuyen de',
		'bat thuong',
		'ky hop bat thuong',
		'ky hop chuyen de bat thuong',
		'chuyen de bat thuong',
		'thematic',
		'extraordinary sessions',
	],
	resolutions_adopted: [
		'nghi quyet',
		'nghi quyet da ban hanh',
		'nghi quyet duoc ban hanh',
		'nghi quyet thong qua',
		'resolutions',
	],
	supervisions: ['giam sat', 'giam sat chuyen de', 'supervision'],
	surveys: ['khao sat', 'survey'],
	explanatory_hearings: ['giai trinh', 'phien hop giai trinh', 'hearings'],
	interpellation_sessions: ['chat van', 'phien chat van', 'chat van va tra loi chat van'],
	voter_meetings: ['tiep xuc cu tri', 'tiep xuc', 'hoi nghi tiep xuc cu tri'],
	petitions_received: [
		'kien nghi tiep nhan',
		'kien nghi nhan duoc',
		'tiep nhan',
		'nhan duoc',
		'kien nghi cua cu tri tiep nhan',
		'petitions received',
		'received',
	],
	petitions_resolved: [
		'kien nghi da giai quyet',
		'kien nghi duoc giai quyet',
		'da giai quyet',
		'giai quyet',
		'da tra loi giai quyet',
		'kien nghi cua cu tri da giai quyet',
		'petitions resolved',
		'resolved',
	],
	citizen_receptions: ['tiep cong dan', 'luot tiep dan', 'tiep dan', 'citizen reception'],
	complaints_received: [
		'don thu',
		'khieu nai to cao',
		'don thu khieu nai to cao kien nghi phan anh',
		'don khieu nai to cao',
		'complaints',
	],
	note: ['ghi chu', 'remarks'],
};

const LOOKUP = new Map<string, ImportColumnId>();
for (const [id, forms] of Object.entries(VARIANTS) as [ImportColumnId, readonly string[]][]) {
	for (const form of forms) if (!LOOKUP.has(form)) LOOKUP.set(form, id);
}

/** Words before the label that say "how many": "số", "tổng số", "số lượng", "number of". */
const COUNT_PREFIX = /^(?:tong so luong|tong so|so luong|tong|so|number of|no of|total)\s+/;
/** Words after the label that name its unit or its period: "(cuộc)", "trong năm", "lượt". */
const COUNT_SUFFIX = /\s+(?:cuoc|phien|luot|ky|don|kien nghi|nghi quyet|trong nam|trong ky)$/;

/** The column a header names, exactly or as one of the common variants; null when none. */
export function matchHeaderVariant(header: string): ImportColumnId | null {
	const exact = matchHeader(header);
	if (exact) return exact;
	const folded = normaliseHeader(header.replace(/\([^)]*\)/g, ' '));
	if (!folded) return null;
	const forms = new Set<string>([folded]);
	const stripped = folded.replace(COUNT_PREFIX, '');
	forms.add(stripped);
	forms.add(stripped.replace(COUNT_SUFFIX, ''));
	for (const form of forms) {
		const id = matchHeader(form) ?? LOOKUP.get(form);
		if (id) return id;
	}
	return null;
}
