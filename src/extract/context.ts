/**
 * What a report is about as a whole: its headline, its date, the scheme of unit names at that date, the
 * council it reviews, and the period it reviews. Figures whose sentence names no council or period
 * take them from here.
 */
import type { Scheme } from '../model/units.ts';
import { levelsOfTypeWord, type Gazetteer } from './gazetteer.ts';
import { findNamedMentions, findProvinceNames, type NamedMention } from './mentions.ts';
import { findPeriods, termOfDate } from './periods.ts';
import type { Sentence } from './segment.ts';
import type { ExtractOptions, ExtractedPeriod, GazetteerUnit, ReportContext } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The report's own date: a publication stamp first, else the first full date near the top. */
export function findReportDate(text: string): string | null {
	const head = text.slice(0, 1500);
	const stamp =
		/(?:ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản)|đăng\s+(?:ngày|lúc)|cập\s+nhật(?:\s+lúc)?|\(\s*\d{1,2}:\d{2}(?::\d{2})?)\s*:?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(?:[,|]\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d)/iu.exec(
			head,
		) ?? /(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d)(?![\d/])/u.exec(head);
	if (!stamp) return null;
	const [d, m, y] = [Number(stamp[1]), Number(stamp[2]), Number(stamp[3])];
	if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12)) return null;
	return `${y}-${pad(m)}-${pad(d)}`;
}

const HEADLINE_CUES =
	/giao ban|hội nghị|kỳ họp|phiên họp|làm việc|triển khai|tổng kết|sơ kết|kết quả|hoạt động|tổ chức|giám sát|tiếp xúc|báo cáo/iu;

/** The headline: among the first lines, the first that reads like one. */
export function findTitle(text: string): string | null {
	const lines = text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l.length > 0)
		.slice(0, 8);
	const candidates = lines.filter((l) => {
		const words = l.split(/\s+/).length;
		// A line in capitals is a section banner of the page, not the headline.
		return (
			words >= 5 &&
			words <= 40 &&
			l.length <= 260 &&
			l !== l.toUpperCase() &&
			(l.match(/[|»›>]/g)?.length ?? 0) < 2
		);
	});
	return (
		candidates.find((l) => HEADLINE_CUES.test(l) && /hđnd|hội đồng nhân dân/iu.test(l)) ??
		candidates.find((l) => HEADLINE_CUES.test(l)) ??
		candidates[0] ??
		null
	);
}

/** The scheme of unit names at a date: the 2025 list from 1 July 2025. */
export function schemeAt(date: string | null, years: readonly number[]): Scheme {
	if (date) return date >= '2025-07-01' ? '2025' : '2023';
	const latest = Math.max(0, ...years);
	return latest >= 2026 ? '2025' : '2023';
}

/** Narrow the units a mention may be by the provinces named in the report and its council. */
export function narrow(
	matches: readonly GazetteerUnit[],
	gazetteer: Gazetteer,
	provinces: readonly GazetteerUnit[],
	context: GazetteerUnit | null,
): GazetteerUnit[] {
	if (matches.length <= 1) return [...matches];
	if (context) {
		const inside = matches.filter((u) => gazetteer.within(u, context));
		if (inside.length >= 1) return inside;
		const contextProvince = gazetteer.provinceOf(context);
		const sameProvince = contextProvince
			? matches.filter((u) => gazetteer.within(u, contextProvince))
			: [];
		if (sameProvince.length >= 1) return sameProvince;
	}
	const inNamed = matches.filter((u) => provinces.some((p) => gazetteer.within(u, p)));
	return inNamed.length >= 1 ? inNamed : [...matches];
}

export interface ContextReading {
	context: ReportContext;
	contextUnit: GazetteerUnit | null;
	provinces: GazetteerUnit[];
	named: NamedMention[];
}

/** Read the report's context. */
export function readContext(
	text: string,
	sentences: readonly Sentence[],
	gazetteer: Gazetteer,
	options: ExtractOptions,
	provinceList: readonly GazetteerUnit[],
): ContextReading {
	const title = findTitle(text) ?? options.title ?? null;
	const date = findReportDate(text) ?? options.date ?? null;
	const years = [...text.matchAll(/(?<!\d)(20[12]\d)(?!\d)/g)].map((m) => Number(m[1]));
	const scheme = schemeAt(date, years);
	const named = findNamedMentions(text, gazetteer, scheme);
	const provinces = findProvinceNames(
		text,
		gazetteer,
		provinceList.filter((p) => p.scheme === scheme),
	);
	for (const n of named) {
		// Provinces and districts named without doubt narrow every other name ("phường Thủy Dương
		// (thị xã Hương Thủy)", "huyện Châu Thành, tỉnh Tiền Giang").
		if (
			n.matches.length === 1 &&
			n.matches[0]!.level !== 'commune' &&
			!provinces.includes(n.matches[0]!)
		) {
			provinces.push(n.matches[0]!);
		}
	}

	const contextUnit = chooseContextUnit(text, title, named, gazetteer, provinces);
	const dateYear = date ? Number(date.slice(0, 4)) : years.length ? Math.max(...years) : null;
	const term = termOfDate(date);
	const head = sentences.slice(0, 4);
	const headEnd = head.length ? head[head.length - 1]!.end : 0;
	const headPeriods = findPeriods(
		text.slice(0, Math.max(headEnd, (title?.length ?? 0) + 1)),
		dateYear,
		term,
	).filter((p) => !p.notReviewed && p.period.kind !== 'span');
	let period: ExtractedPeriod | null = headPeriods[0]
		? { ...headPeriods[0].period, basis: 'context' }
		: null;
	if (period && period.year !== null && dateYear !== null && period.year > dateYear) period = null;
	return {
		context: {
			title,
			date,
			scheme,
			unitKey: contextUnit ? `${contextUnit.scheme}:${contextUnit.code}` : null,
			unitName: contextUnit?.nameWithType ?? null,
			period,
		},
		contextUnit,
		provinces,
		named,
	};
}

/**
 * The council the report reviews: a unit named in the headline; else the unit of the headline's level
 * named most often; else the parent that the sub-units named in the text share.
 */
function chooseContextUnit(
	text: string,
	title: string | null,
	named: readonly NamedMention[],
	gazetteer: Gazetteer,
	provinces: readonly GazetteerUnit[],
): GazetteerUnit | null {
	const titleStart = title ? text.indexOf(title) : -1;
	const titleEnd = titleStart >= 0 ? titleStart + title!.length : -1;
	const resolve = (n: NamedMention) => {
		const narrowed = narrow(n.matches, gazetteer, provinces, null);
		return narrowed.length === 1 ? narrowed[0]! : null;
	};
	const inTitle = named.filter(
		(n) => n.start >= titleStart && n.end <= titleEnd && titleStart >= 0,
	);
	// The first unit the headline names is its subject; later ones locate it ("(thị xã Hương Thủy)").
	const titled = inTitle.map(resolve).find((u) => u);
	if (titled) return titled;

	// The headline's own council ("Thường trực HĐND tỉnh …"); "cấp xã" there names a topic, not the author.
	const own = title
		? /(?:hđnd|hội đồng nhân dân)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?![\p{L}])/iu.exec(
				title,
			)
		: null;
	const levels = own ? levelsOfTypeWord(own[1]!.toLowerCase()) : [];
	const level = levels.length === 1 ? levels[0]! : null;
	// The unit named most often: of the headline's level; else a province or district; else a commune.
	const counts = new Map<GazetteerUnit, number>();
	for (const n of named) {
		const u = resolve(n);
		if (u) counts.set(u, (counts.get(u) ?? 0) + 1);
	}
	const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([u]) => u);
	const best =
		(level
			? ranked.find((u) => u.level === level)
			: ranked.find(
					(u) => u.level !== 'commune' && (levels.length === 0 || levels.includes(u.level)),
				)) ?? (level ? null : ranked[0]);
	if (best) return best;

	// Sub-units named: the parent they share, of the headline's level.
	if (level) {
		const parents = new Map<GazetteerUnit, number>();
		for (const n of named) {
			const seen = new Set<GazetteerUnit>();
			for (const u of n.matches) {
				const p = gazetteer.parentOf(u);
				if (p && p.level === level && !seen.has(p)) {
					seen.add(p);
					parents.set(p, (parents.get(p) ?? 0) + 1);
				}
			}
		}
		const ranked = [...parents].sort((a, b) => b[1] - a[1]);
		if (ranked[0] && ranked[0][1] >= 2 && (ranked[1]?.[1] ?? 0) < ranked[0][1]) return ranked[0][0];
	}
	return null;
}
