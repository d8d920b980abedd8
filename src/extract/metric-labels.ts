/**
 * Labels of what a report figure counts: the catalogue's metrics, and the two stated totals that have no
 * column of their own. Kept apart from the extraction so that the dashboard can name a figure without
 * loading the extractor or the importer.
 */
import { isMetricId, metricById, type Bilingual } from '../model/metrics.ts';

/** Labels of the two stated totals that have no column of their own. */
export const NOTE_ONLY_LABELS: Record<'sessions_total' | 'petition_resolution_rate', Bilingual> = {
	sessions_total: { vi: 'Tổng số kỳ họp', en: 'Sessions in all' },
	petition_resolution_rate: {
		vi: 'Tỷ lệ kiến nghị cử tri đã giải quyết',
		en: 'Share of voter petitions resolved',
	},
};

/** The label of any metric a figure can have (an unknown id is shown as it is). */
export function extractMetricLabel(metric: string): Bilingual {
	if (isMetricId(metric)) return metricById(metric).label;
	return NOTE_ONLY_LABELS[metric as keyof typeof NOTE_ONLY_LABELS] ?? { vi: metric, en: metric };
}
