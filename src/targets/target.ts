/**
 * A target (chỉ tiêu): a metric, the councils it applies to (a level, unit types, or a list of units), a
 * period, and a threshold each council must reach. Law sets some (Điều 78 of the Law on Local Government:
 * a council holds at least two regular sessions a year); local programmes set others.
 */
import type { Bilingual, MetricId } from '../model/metrics.ts';
import { isMetricId } from '../model/metrics.ts';
import type { PeriodChoiceKind } from '../model/periods.ts';
import { PERIOD_CHOICES } from '../model/periods.ts';
import { LEVELS, type UnitLevel } from '../model/units.ts';

export interface Target {
	id: string;
	/** The user's own wording of the target ("Mỗi HĐND phường tổ chức ít nhất 1 phiên giải trình"). */
	label: string;
	metric: MetricId;
	/** The level of the councils it applies to; null: any sub-unit. */
	level: UnitLevel | null;
	/** Unit types (`phuong`, `xa`, `thi-tran`…) it is limited to; empty: every type. */
	unitTypes: string[];
	/** Unit keys (`2023:09955`) it is limited to; empty: every unit of the level. */
	units: string[];
	/** The kind of period the threshold is for. */
	period: PeriodChoiceKind;
	/** What each council must reach, at least. */
	threshold: number;
	/** Built in from the law: shown always, not removable. */
	builtin?: boolean;
}

/** Điều 78, Luật Tổ chức chính quyền địa phương 2015: every council meets at least twice a year. */
export const BUILTIN_TARGETS: readonly Target[] = [
	{
		id: 'law-art78-sessions',
		label:
			'Mỗi HĐND họp ít nhất 2 kỳ họp thường lệ mỗi năm (Luật Tổ chức chính quyền địa phương, Điều 78)',
		metric: 'sessions_regular',
		level: null,
		unitTypes: [],
		units: [],
		period: 'year',
		threshold: 2,
		builtin: true,
	},
];

/** The built-in targets' wording in both languages (a user's own target keeps the user's words). */
const BUILTIN_LABELS: ReadonlyMap<string, Bilingual> = new Map([
	[
		'law-art78-sessions',
		{
			vi: 'Mỗi HĐND họp ít nhất 2 kỳ họp thường lệ mỗi năm (Luật Tổ chức chính quyền địa phương, Điều 78)',
			en: 'Every council holds at least 2 regular sessions a year (Law on Local Government, Article 78)',
		},
	],
]);

/** A target's wording in the language asked for. */
export function targetLabel(target: Target, lang: 'vi' | 'en'): string {
	return (target.builtin && BUILTIN_LABELS.get(target.id)?.[lang]) || target.label;
}

/** Where a target's source is said, for the English interface. */
export const BUILTIN_NOTE: Bilingual = {
	vi: 'Theo luật, không xóa được',
	en: 'Set by law; cannot be removed',
};

/** Why a target is not valid, in both languages; null when it is. */
export function targetProblem(t: Partial<Target>): Bilingual | null {
	if (!t.label || !t.label.trim())
		return { vi: 'Chỉ tiêu cần có tên.', en: 'The target needs a name.' };
	if (!t.metric || !isMetricId(t.metric))
		return { vi: 'Chỉ tiêu cần một số liệu hợp lệ.', en: 'The target needs a valid metric.' };
	if (t.level !== null && t.level !== undefined && !LEVELS.includes(t.level))
		return { vi: 'Cấp không hợp lệ.', en: 'The level is not valid.' };
	if (!t.period || !(PERIOD_CHOICES as readonly string[]).includes(t.period))
		return { vi: 'Kỳ không hợp lệ.', en: 'The period is not valid.' };
	if (typeof t.threshold !== 'number' || !Number.isFinite(t.threshold) || t.threshold < 0)
		return {
			vi: 'Mức tối thiểu phải là một số không âm.',
			en: 'The threshold must be a number, zero or more.',
		};
	return null;
}

/** A new target's id: `target-<time>-<n>`, sorting by creation. */
export function newTargetId(date: Date, n = 0): string {
	return `target-${date.toISOString().replace(/[-:.]/g, '')}-${n}`;
}
