/**
 * The pack's sections on the sub-unit councils: their sum (as a report stated it, and as the sum of
 * those who reported, with how many did), then their ranking on the headline measures and a chart.
 */
import type { SubunitPeriodRow } from '../db/period-queries.ts';
import { formatPercent, interpolate, type Lang } from '../i18n/format.ts';
import { METRICS, type MetricId } from '../model/metrics.ts';
import type { Block, PackSection } from './pack.ts';
import { TEXT, change, figure } from './pack-text.ts';

const sessionsTotal = (get: (id: MetricId) => number | null | undefined) => {
	const r = get('sessions_regular');
	const t = get('sessions_thematic');
	return r === null || r === undefined || t === null || t === undefined ? null : r + t;
};

/** The headline columns of the ranking, read from a sub-unit's `m_`/`p_` columns. */
const HEADLINES: {
	label: (lang: Lang) => string;
	value: (row: SubunitPeriodRow) => number | null;
	percent?: boolean;
}[] = [
	{ label: (l) => TEXT.sessionsTotal[l], value: (r) => sessionsTotal((id) => r[`m_${id}`]) },
	{
		label: (l) => METRICS.find((m) => m.id === 'supervisions')!.label[l],
		value: (r) => r.m_supervisions ?? null,
	},
	{
		label: (l) => METRICS.find((m) => m.id === 'explanatory_hearings')!.label[l],
		value: (r) => r.m_explanatory_hearings ?? null,
	},
	{
		label: (l) => TEXT.resolvedShare[l],
		value: (r) => {
			const received = r.m_petitions_received;
			const resolved = r.m_petitions_resolved;
			return received && resolved !== null && resolved !== undefined ? resolved / received : null;
		},
		percent: true,
	},
];

/** Whether a sub-unit reported anything for the period. */
export const reported = (r: SubunitPeriodRow) => r.source_id !== null;

/** 2. The sub-units' sum, this period and the same period before (there is at least one sub-unit). */
export function subunitSumBlocks({ input, lang, periodText, previousText }: PackSection): Block[] {
	const blocks: Block[] = [];
	const n = input.subunits.length;
	const stated = input.unitRows.find((r) => r.which === 'current' && r.scope === 'subunits');
	const statedPrev = input.unitRows.find((r) => r.which === 'previous' && r.scope === 'subunits');
	const sumOf = (prefix: 'm_' | 'p_', id: MetricId) => {
		const values = input.subunits
			.map((r) => r[`${prefix}${id}`])
			.filter((v): v is number => v !== null && v !== undefined);
		return {
			value: values.length > 0 ? values.reduce((a, b) => a + b, 0) : null,
			count: values.length,
		};
	};
	blocks.push({
		kind: 'table',
		id: 'subunits',
		columns: [
			TEXT.metric[lang],
			`${TEXT.stated[lang]} · ${periodText}`,
			`${TEXT.summed[lang]} · ${periodText}`,
			TEXT.reporting[lang],
			`${TEXT.summed[lang]} · ${previousText}`,
			TEXT.change[lang],
		],
		numeric: [false, true, true, true, true, true],
		rows: METRICS.map((m) => {
			const now = sumOf('m_', m.id);
			const before = sumOf('p_', m.id);
			return [
				m.label[lang],
				figure(stated?.[m.id], lang, stated?.qualifier),
				figure(now.value, lang),
				`${now.count}/${n}`,
				figure(before.value, lang),
				change(now.value, before.value, lang),
			];
		}),
	});
	blocks.push({ kind: 'paragraph', text: TEXT.notReportedZero[lang], tone: 'note' });
	if (statedPrev) {
		// kept for the record: a stated sum of last year, where a report gave one
		blocks.push({
			kind: 'paragraph',
			text: `${TEXT.stated[lang]} · ${previousText}: ${METRICS.filter(
				(m) => statedPrev[m.id] !== null,
			)
				.map((m) => `${m.label[lang]} ${figure(statedPrev[m.id], lang, statedPrev.qualifier)}`)
				.join('; ')}`,
			tone: 'note',
		});
	}
	return blocks;
}

/** 3. The ranking on the headline measures (by supervisions, then sessions), and a chart. */
export function rankingBlocks({ input, lang, periodText }: PackSection): Block[] {
	const ranked = [...input.subunits].sort(
		(a, b) =>
			(b.m_supervisions ?? -1) - (a.m_supervisions ?? -1) ||
			(HEADLINES[0]!.value(b) ?? -1) - (HEADLINES[0]!.value(a) ?? -1) ||
			a.label_order - b.label_order,
	);
	return [
		{ kind: 'heading', text: TEXT.ranking[lang] },
		{
			kind: 'table',
			id: 'ranking',
			columns: [TEXT.rank[lang], TEXT.unit[lang], ...HEADLINES.map((h) => h.label(lang))],
			numeric: [true, false, ...HEADLINES.map(() => true)],
			rows: ranked.map((r, i) => [
				reported(r) ? String(i + 1) : '—',
				r.name,
				...HEADLINES.map((h) =>
					h.percent ? formatPercent(h.value(r), lang) : figure(h.value(r), lang),
				),
			]),
		},
		{
			kind: 'chart',
			id: 'supervisions',
			title: interpolate(TEXT.chart[lang], {
				metric: METRICS.find((m) => m.id === 'supervisions')!.label[lang],
				period: periodText,
			}),
			bars: ranked.map((r) => ({ label: r.name, value: r.m_supervisions ?? null })),
		},
	];
}
