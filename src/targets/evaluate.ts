/**
 * A target against the sub-units of a parent for a period: who met it, who did not, who did not report.
 * Not reported is neither met nor missed: it is counted apart, and the share met is of those who reported.
 */
import type { Lang } from '../i18n/format.ts';
import { formatNumber } from '../i18n/format.ts';
import { metricById, type Bilingual, type MetricId } from '../model/metrics.ts';
import { UNIT_TYPE_LABELS, type UnitLevel } from '../model/units.ts';
import type { Target } from './target.ts';

/** A sub-unit as the evaluation needs it: its key, name, level, type and its value of the metric. */
export interface TargetSubunit {
	key: string;
	name: string;
	level: UnitLevel;
	type: string;
	value: number | null;
}

export interface TargetResult {
	target: Target;
	met: TargetSubunit[];
	missed: TargetSubunit[];
	notReported: TargetSubunit[];
	/** Met over those who reported (0–1); null when nobody did. */
	share: number | null;
}

/** The sub-units a target applies to. */
export function targetedSubunits(
	target: Target,
	subunits: readonly TargetSubunit[],
): TargetSubunit[] {
	return subunits.filter(
		(u) =>
			(target.level === null || u.level === target.level) &&
			(target.unitTypes.length === 0 || target.unitTypes.includes(u.type)) &&
			(target.units.length === 0 || target.units.includes(u.key)),
	);
}

/** Sort each group into met, missed and not reported. */
export function evaluateTarget(target: Target, subunits: readonly TargetSubunit[]): TargetResult {
	const result: TargetResult = { target, met: [], missed: [], notReported: [], share: null };
	for (const unit of targetedSubunits(target, subunits)) {
		if (unit.value === null) result.notReported.push(unit);
		else if (unit.value >= target.threshold) result.met.push(unit);
		else result.missed.push(unit);
	}
	const reported = result.met.length + result.missed.length;
	result.share = reported > 0 ? result.met.length / reported : null;
	return result;
}

/** How a report says a council did the counted thing ("tổ chức phiên giải trình", "họp … kỳ họp"). */
const VERBS: Partial<Record<MetricId, Bilingual>> = {
	sessions_regular: { vi: 'họp', en: 'held' },
	sessions_thematic: { vi: 'họp', en: 'held' },
	explanatory_hearings: { vi: 'tổ chức', en: 'held' },
	interpellation_sessions: { vi: 'tổ chức', en: 'held' },
	voter_meetings: { vi: 'tổ chức', en: 'held' },
	supervisions: { vi: 'tiến hành', en: 'made' },
	surveys: { vi: 'tiến hành', en: 'made' },
	resolutions_adopted: { vi: 'ban hành', en: 'adopted' },
};

/** The councils a result is about, named by their types: "phường", "xã, thị trấn". */
function whoOf(result: TargetResult, lang: Lang): string {
	const all = [...result.met, ...result.missed, ...result.notReported];
	const types = [...new Set(all.map((u) => u.type))];
	return types
		.map((t) => (UNIT_TYPE_LABELS[t]?.[lang] ?? t).toLocaleLowerCase(lang === 'vi' ? 'vi' : 'en'))
		.join(', ');
}

/**
 * The sentence a report would use: "100 % HĐND phường đã tổ chức ít nhất 1 phiên giải trình (21/21 đơn vị
 * đã báo cáo)". The share is of those who reported, and those who did not are named as such.
 */
export function targetSentence(result: TargetResult, lang: Lang): string {
	const metric = metricById(result.target.metric);
	const noun = metric.label[lang].toLocaleLowerCase(lang === 'vi' ? 'vi' : 'en');
	const reported = result.met.length + result.missed.length;
	const total = reported + result.notReported.length;
	const verb = (VERBS[result.target.metric] ?? { vi: 'đạt', en: 'reached' })[lang];
	// "đã tổ chức phiên giải trình" when one is the target; "ít nhất 2 …" otherwise.
	const amount =
		result.target.threshold === 1
			? ''
			: `${lang === 'vi' ? 'ít nhất' : 'at least'} ${formatNumber(result.target.threshold, lang, 1)} `;
	const who = whoOf(result, lang);
	if (result.share === null) {
		return lang === 'vi'
			? `Chưa có HĐND ${who} nào báo cáo ${noun} (0/${total} đơn vị).`
			: `No ${who} council has reported ${noun} (0/${total} units).`;
	}
	const percent = formatNumber(result.share * 100, lang, 1);
	const missing =
		result.notReported.length > 0
			? lang === 'vi'
				? `; ${result.notReported.length} đơn vị chưa báo cáo`
				: `; ${result.notReported.length} have not reported`
			: '';
	return lang === 'vi'
		? `${percent} % HĐND ${who} đã ${verb} ${amount}${noun} (${result.met.length}/${reported} đơn vị đã báo cáo${missing}).`
		: `${percent} % of ${who} councils ${verb} ${amount}${noun} (${result.met.length} of ${reported} that reported${missing}).`;
}
