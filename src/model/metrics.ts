/**
 * The metric catalogue: the one place that says what is counted.
 * Labels, tooltips, the data contract, the Parquet schema and the SQL all come from here.
 */

/** Identifier of a counted metric; also its column name in the `facts` table. */
export type MetricId =
	| 'sessions_regular'
	| 'sessions_thematic'
	| 'resolutions_adopted'
	| 'supervisions'
	| 'surveys'
	| 'explanatory_hearings'
	| 'interpellation_sessions'
	| 'voter_meetings'
	| 'petitions_received'
	| 'petitions_resolved'
	| 'citizen_receptions'
	| 'complaints_received';

/** A bilingual piece of text. */
export interface Bilingual {
	vi: string;
	en: string;
}

/** One counted metric of the catalogue. */
export interface Metric {
	id: MetricId;
	label: Bilingual;
	/** What one unit of the count is (kỳ họp, cuộc, phiên…). */
	countedIn: Bilingual;
	definition: Bilingual;
	legalBasis: string;
	/** One of the four metrics the users named first. */
	headline: boolean;
}

const LAW_LOCAL_GOV = 'Luật Tổ chức chính quyền địa phương 2015 (sửa đổi 2019), Điều 78';
const LAW_SUPERVISION =
	'Luật Hoạt động giám sát của Quốc hội và HĐND 2015 (87/2015/QH13), thay bằng Luật 121/2025/QH15 từ 01/3/2026';

export const METRICS: readonly Metric[] = [
	{
		id: 'sessions_regular',
		label: { vi: 'Kỳ họp thường lệ', en: 'Regular sessions' },
		countedIn: { vi: 'kỳ họp', en: 'sessions' },
		definition: {
			vi: 'Kỳ họp thường lệ (thường kỳ) của HĐND; luật quy định ít nhất hai kỳ mỗi năm.',
			en: 'Regular sessions of the council; the law requires at least two a year.',
		},
		legalBasis: LAW_LOCAL_GOV,
		headline: true,
	},
	{
		id: 'sessions_thematic',
		label: { vi: 'Kỳ họp chuyên đề', en: 'Thematic sessions' },
		countedIn: { vi: 'kỳ họp', en: 'sessions' },
		definition: {
			vi: 'Kỳ họp chuyên đề hoặc để giải quyết công việc phát sinh đột xuất (trước 2019 gọi là kỳ họp bất thường).',
			en: 'Thematic or extraordinary sessions (called "bất thường" before the 2019 amendment).',
		},
		legalBasis: LAW_LOCAL_GOV,
		headline: true,
	},
	{
		id: 'resolutions_adopted',
		label: { vi: 'Nghị quyết ban hành', en: 'Resolutions adopted' },
		countedIn: { vi: 'nghị quyết', en: 'resolutions' },
		definition: {
			vi: 'Số nghị quyết HĐND thông qua tại các kỳ họp.',
			en: 'Resolutions the council adopted at its sessions.',
		},
		legalBasis: LAW_LOCAL_GOV,
		headline: false,
	},
	{
		id: 'supervisions',
		label: { vi: 'Cuộc giám sát', en: 'Supervisions' },
		countedIn: { vi: 'cuộc', en: 'supervisions' },
		definition: {
			vi: 'Cuộc giám sát chuyên đề của HĐND, Thường trực HĐND và các Ban HĐND.',
			en: 'Thematic supervisions by the council, its standing committee and its committees.',
		},
		legalBasis: `${LAW_SUPERVISION}, Điều 57, 66; Nghị quyết 594/NQ-UBTVQH15`,
		headline: true,
	},
	{
		id: 'surveys',
		label: { vi: 'Cuộc khảo sát', en: 'Surveys' },
		countedIn: { vi: 'cuộc', en: 'surveys' },
		definition: {
			vi: 'Cuộc khảo sát thực tế của Thường trực và các Ban HĐND.',
			en: 'Fact-finding visits by the standing committee and committees.',
		},
		legalBasis: `${LAW_SUPERVISION}; Nghị quyết 594/NQ-UBTVQH15`,
		headline: false,
	},
	{
		id: 'explanatory_hearings',
		label: { vi: 'Phiên giải trình', en: 'Explanatory hearings' },
		countedIn: { vi: 'phiên', en: 'hearings' },
		definition: {
			vi: 'Phiên giải trình tại phiên họp của Thường trực HĐND hoặc của các Ban.',
			en: 'Explanatory hearings held at meetings of the standing committee or committees.',
		},
		legalBasis: `${LAW_SUPERVISION}, Điều 66`,
		headline: true,
	},
	{
		id: 'interpellation_sessions',
		label: { vi: 'Phiên chất vấn', en: 'Questioning sessions' },
		countedIn: { vi: 'phiên', en: 'sessions' },
		definition: {
			vi: 'Phiên chất vấn và trả lời chất vấn tại kỳ họp hoặc phiên họp Thường trực.',
			en: 'Question-and-answer sessions at council sessions or standing committee meetings.',
		},
		legalBasis: LAW_SUPERVISION,
		headline: false,
	},
	{
		id: 'voter_meetings',
		label: { vi: 'Cuộc tiếp xúc cử tri', en: 'Voter meetings' },
		countedIn: { vi: 'cuộc', en: 'meetings' },
		definition: {
			vi: 'Cuộc tiếp xúc cử tri của đại biểu HĐND, trước và sau kỳ họp hoặc theo chuyên đề.',
			en: 'Meetings of delegates with voters, before and after sessions or on a theme.',
		},
		legalBasis: LAW_LOCAL_GOV,
		headline: false,
	},
	{
		id: 'petitions_received',
		label: { vi: 'Kiến nghị cử tri tiếp nhận', en: 'Voter petitions received' },
		countedIn: { vi: 'kiến nghị', en: 'petitions' },
		definition: {
			vi: 'Ý kiến, kiến nghị của cử tri được tổng hợp, chuyển cơ quan có thẩm quyền; không gồm kiến nghị sau giám sát.',
			en: 'Voter petitions collected and forwarded; not the recommendations issued after a supervision.',
		},
		legalBasis: `${LAW_SUPERVISION}, Điều 66`,
		headline: true,
	},
	{
		id: 'petitions_resolved',
		label: { vi: 'Kiến nghị cử tri đã giải quyết', en: 'Voter petitions resolved' },
		countedIn: { vi: 'kiến nghị', en: 'petitions' },
		definition: {
			vi: 'Kiến nghị cử tri đã được giải quyết xong; không gồm kiến nghị "đang giải quyết".',
			en: 'Voter petitions fully resolved; petitions "being resolved" are not counted.',
		},
		legalBasis: `${LAW_SUPERVISION}, Điều 66`,
		headline: true,
	},
	{
		id: 'citizen_receptions',
		label: { vi: 'Lượt tiếp công dân', en: 'Citizen receptions' },
		countedIn: { vi: 'lượt', en: 'receptions' },
		definition: {
			vi: 'Lượt công dân được Thường trực và đại biểu HĐND tiếp.',
			en: 'Citizens received by the standing committee and delegates.',
		},
		legalBasis: 'Luật Tiếp công dân 2013',
		headline: false,
	},
	{
		id: 'complaints_received',
		label: { vi: 'Đơn thư khiếu nại, tố cáo', en: 'Complaints and denunciations' },
		countedIn: { vi: 'đơn', en: 'letters' },
		definition: {
			vi: 'Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh HĐND tiếp nhận.',
			en: 'Letters of complaint and denunciation received by the council.',
		},
		legalBasis: 'Luật Khiếu nại 2011; Luật Tố cáo 2018',
		headline: false,
	},
];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The catalogue entry of a metric id; throws on an id outside the catalogue. */
export function metricById(id: MetricId): Metric {
	const metric = BY_ID.get(id);
	if (!metric) throw new Error(`Unknown metric: ${id}`);
	return metric;
}

/** Narrow an arbitrary string (from a URL, a file header) to a metric id. */
export function isMetricId(value: string): value is MetricId {
	return BY_ID.has(value as MetricId);
}

/** The columns of the `facts` table in order (data/README.md, "The contract"). */
export const FACT_COLUMNS: readonly string[] = [
	'unit_code',
	'scheme',
	'year',
	'period',
	'month',
	'term',
	'scope',
	...METRIC_IDS,
	'qualifier',
	'source_id',
	'note',
];
