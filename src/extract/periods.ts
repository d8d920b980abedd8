/**
 * Periods as reports name them: "năm 2022", "6 tháng đầu năm", "9 tháng", "quý I", "tháng 02/2024",
 * "nhiệm kỳ 2016-2021", "từ đầu nhiệm kỳ đến nay", "từ ngày 01/7 đến ngày 30/11/2024". A mention that
 * looks ahead ("chương trình công tác năm 2023", "nhiệm vụ 3 tháng cuối năm") or compares ("so với năm
 * 2018") is marked so that no figure takes its period from it.
 */
import type { ExtractedPeriod } from './types.ts';

export interface PeriodMention {
	period: ExtractedPeriod;
	start: number;
	end: number;
	/** A plan, a target or a comparison: not the period of the figures around it. */
	notReviewed: boolean;
	/** "từ đầu nhiệm kỳ đến nay", "lũy kế": counted up to the report. */
	cumulative: boolean;
}

const TERMS = ['2016-2021', '2021-2026', '2026-2031'];

/** The council term a date falls in (terms start after the elections of May 2016, 2021, 2026). */
export function termOfDate(iso: string | null): string | null {
	if (!iso) return null;
	const [y, m] = iso.split('-').map(Number) as [number, number];
	const start = m >= 6 ? y : y - 1;
	return TERMS.find((t) => Number(t.slice(0, 4)) <= start && start < Number(t.slice(5))) ?? null;
}

const ROMAN: Record<string, number> = {
	i: 1,
	ii: 2,
	iii: 3,
	iv: 4,
	'1': 1,
	'2': 2,
	'3': 3,
	'4': 4,
};

export function period(
	kind: ExtractedPeriod['kind'],
	fields: Partial<ExtractedPeriod> = {},
): ExtractedPeriod {
	return {
		kind,
		year: null,
		month: null,
		quarter: null,
		term: null,
		from: null,
		to: null,
		basis: 'sentence',
		...fields,
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(d: string, m: string, y: string | number): string | null {
	const day = Number(d);
	const month = Number(m);
	if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12)) return null;
	return `${y}-${pad(month)}-${pad(day)}`;
}

/** Words just before a mention that make it a plan or a comparison. */
const LOOKING_AHEAD =
	/(chương trình|kế hoạch|nhiệm vụ|triển khai|phương hướng|dự kiến|phấn đấu|chỉ tiêu|so với|so cùng kỳ|cùng kỳ|còn lại|cuối năm|tới|sắp tới|năm tới|đến hết|hết)[\p{L}\s,]{0,24}$/iu;

const COUNCIL_NAME = /(?:khóa|khoá)\s+(?:[IVXLC]+|\d+)\s*[,(–-]?\s*$/u;

const PATTERNS: {
	re: RegExp;
	make: (m: RegExpExecArray, year: number | null, term: string | null) => ExtractedPeriod | null;
	cumulative?: boolean;
}[] = [
	{
		re: /(?:cả\s+)?nhiệm kỳ\s+(20\d\d)\s*[-–—]\s*(20\d\d)/giu,
		make: (m) => {
			const t = `${m[1]}-${m[2]}`;
			return TERMS.includes(t) ? period('term', { term: t }) : null;
		},
	},
	{
		re: /(?:từ\s+)?đầu\s+nhiệm\s+kỳ(?:\s+(?:đến|tới)\s+(?:nay|hiện nay|thời điểm này))?|từ đầu nhiệm kỳ/giu,
		make: (_m, _y, term) => period('term', { term }),
		cumulative: true,
	},
	{
		re: /(?:lũy|luỹ)\s+kế/giu,
		make: () => null,
		cumulative: true,
	},
	{
		re: /(?:6|sáu)\s+tháng\s+đầu\s+năm(?:\s+(20\d\d))?/giu,
		make: (m, year) => period('h1', { year: m[1] ? Number(m[1]) : year }),
	},
	{
		re: /(?:9|chín)\s+tháng(?:\s+đầu\s+năm)?(?:\s+(?:năm\s+)?(20\d\d))?/giu,
		make: (m, year) => period('m9', { year: m[1] ? Number(m[1]) : year }),
	},
	{
		re: /quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}\d])(?:\s*(?:năm|\/|-)\s*(20\d\d))?/giu,
		make: (m, year) =>
			period('quarter', { quarter: ROMAN[m[1]!.toLowerCase()]!, year: m[2] ? Number(m[2]) : year }),
	},
	{
		re: /(?:từ|kể từ)\s+(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})(?:[/-](20\d\d))?\s+(?:đến|tới)\s+(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})[/-](20\d\d)/giu,
		make: (m) => {
			const to = isoDate(m[4]!, m[5]!, m[6]!);
			const from = isoDate(m[1]!, m[2]!, m[3] ?? m[6]!);
			return from && to ? period('span', { from, to, year: m[3] ? null : Number(m[6]) }) : null;
		},
	},
	{
		// "Từ 1/7/2025 đến nay": from that day to the report.
		re: /(?:từ|kể từ)\s+(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})[/-](20\d\d)\s+(?:đến|tới)\s+(?:nay|hiện\s+nay|thời\s+điểm\s+này)/giu,
		make: (m) => {
			const from = isoDate(m[1]!, m[2]!, m[3]!);
			return from ? period('span', { from, to: null }) : null;
		},
	},
	{
		// "từ sau Hội nghị giao ban lần thứ hai (tháng 10/2022)": from that month to the report.
		re: /từ\s+sau\s+[^.;\n]{0,80}?(?:tháng\s+(\d{1,2})\s*[/-]\s*(20\d\d)|ngày\s+(\d{1,2})[/-](\d{1,2})[/-](20\d\d))\)?/giu,
		make: (m) => {
			const from = m[1] ? isoDate('1', m[1], m[2]!) : isoDate(m[3]!, m[4]!, m[5]!);
			return from ? period('span', { from, to: null }) : null;
		},
	},
	{
		re: /(?<!\d\s?)tháng\s+(\d{1,2})\s*(?:\/|-|năm\s+)\s*(20\d\d)/giu,
		make: (m) => {
			const month = Number(m[1]);
			return month >= 1 && month <= 12 ? period('month', { month, year: Number(m[2]) }) : null;
		},
	},
	{
		re: /(?:trong\s+)?năm\s+(20\d\d)(?![\d/-])/giu,
		make: (m) => period('year', { year: Number(m[1]) }),
	},
];

/**
 * Every period mention of `text`. `year` fills part-year mentions that name no year ("6 tháng đầu
 * năm"); `term` is the term of the report's date, for "từ đầu nhiệm kỳ".
 */
export function findPeriods(
	text: string,
	year: number | null,
	term: string | null,
): PeriodMention[] {
	const out: PeriodMention[] = [];
	for (const { re, make, cumulative } of PATTERNS) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			const start = m.index;
			const end = start + m[0].length;
			if (out.some((o) => o.start <= start && end <= o.end)) continue;
			const before = text.slice(Math.max(0, start - 60), start);
			const made = make(m, year, term);
			out.push({
				period: made ?? period('term', { term }),
				start,
				end,
				// "HĐND huyện khóa VIII (nhiệm kỳ 2021-2026)" names the council, not the period of a figure.
				notReviewed: LOOKING_AHEAD.test(before) || COUNCIL_NAME.test(before),
				cumulative: cumulative ?? false,
			});
			if (!made) out[out.length - 1]!.notReviewed = true;
		}
	}
	return out.sort((a, b) => a.start - b.start);
}
