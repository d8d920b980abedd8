/**
 * The line under a target's wording in the list: what is counted, the threshold, whom and when it is for.
 */
import type { Lang } from '../../../i18n/format.ts';
import { METRICS } from '../../../model/metrics.ts';
import { PERIOD_CHOICE_LABELS } from '../../../model/periods.ts';
import { LEVEL_LABELS, UNIT_TYPE_LABELS } from '../../../model/units.ts';
import type { Target } from '../../../targets/target.ts';
import { TARGETS_TEXT } from './messages.ts';

/** "Metric ≥ threshold · level (types) · period"; a unit type without a label is shown as written. */
export function describeTarget(t: Target, lang: Lang): string {
	const types = t.unitTypes.map((u) => UNIT_TYPE_LABELS[u]?.[lang] ?? u);
	const level = t.level ? LEVEL_LABELS[t.level][lang] : TARGETS_TEXT.anyLevel[lang];
	const metric = METRICS.find((m) => m.id === t.metric)!.label[lang];
	return `${metric} ≥ ${t.threshold} · ${level}${types.length ? ` (${types.join(', ')})` : ''} · ${PERIOD_CHOICE_LABELS[t.period][lang]}`;
}
