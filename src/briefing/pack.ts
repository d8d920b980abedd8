/**
 * The briefing pack (tài liệu giao ban) as a list of blocks: headings, paragraphs, tables and bar charts.
 * One model, three renderings: the page shows it as HTML, and the PDF and DOCX exports draw the same
 * blocks, so what is exported is what was seen. No DOM, no DuckDB: figures come in as plain rows.
 */
import type { SubunitPeriodRow, UnitPeriodRow } from '../db/period-queries.ts';
import {
	formatChange,
	formatDate,
	formatNumber,
	formatPercent,
	type Lang,
} from '../i18n/format.ts';
import { METRICS, type MetricId } from '../model/metrics.ts';
import { periodKey, periodLabel, type Period } from '../model/periods.ts';
import { evaluateTarget, targetSentence, type TargetSubunit } from '../targets/evaluate.ts';
import { targetLabel, type Target } from '../targets/target.ts';
import type { UnitLevel } from '../model/units.ts';

export type Block =
	| { kind: 'heading'; text: string }
	| { kind: 'paragraph'; text: string; tone?: 'note' | 'warning' | 'sentence' }
	| { kind: 'list'; items: string[] }
	| {
			kind: 'table';
			id: string;
			columns: string[];
			rows: string[][];
			/** Right-aligned (numeric) columns. */
			numeric: boolean[];
	  }
	| { kind: 'chart'; id: string; title: string; bars: { label: string; value: number | null }[] };

export interface Pack {
	title: string;
	subtitle: string;
	/** "Dữ liệu mô phỏng" when any figure is simulated. */
	simulated: boolean;
	blocks: Block[];
	/** The footer: date made and the link to the view. */
	stamp: string;
	fileStem: string;
}

/** A source as the pack names it. */
export interface PackSource {
	id: string;
	title: string;
	publisher: string | null;
	date: string | null;
	url: string | null;
	kind: string;
}

/** A sub-unit as the pack needs it (its level and type, for targets). */
export interface PackSubunitInfo {
	level: UnitLevel;
	type: string;
}

export interface PackInput {
	unitKey: string;
	unitName: string;
	period: Period;
	previous: Period | null;
	unitRows: readonly UnitPeriodRow[];
	subunits: readonly SubunitPeriodRow[];
	subunitInfo: (key: string) => PackSubunitInfo | undefined;
	targets: readonly Target[];
	sources: readonly PackSource[];
	/** Figures shown on the 2025 units elsewhere: the pack says it stays as reported. */
	basis: 'reported' | 'units2025';
	lang: Lang;
	now: Date;
	url: string;
}

const TEXT = {
	title: { vi: 'Tài liệu giao ban', en: 'Briefing pack' },
	simulated: {
		vi: 'Dữ liệu mô phỏng: một phần số liệu dưới đây không có thật (được mô phỏng để minh họa), chỉ số liệu ghi nguồn là báo cáo mới là số liệu đã công bố.',
		en: 'Simulated data: some figures below are not real (simulated for illustration); only figures whose source is a report were published.',
	},
	basis: {
		vi: 'Tài liệu giao ban dùng số liệu như đơn vị đã báo cáo trong kỳ, không quy đổi sang đơn vị hành chính 2025.',
		en: 'The briefing pack uses figures as the units reported them for the period, not re-aggregated onto the 2025 units.',
	},
	oldList: {
		vi: 'Cùng kỳ năm trước do các đơn vị của danh mục cũ (trước 1/7/2025) báo cáo, nên đơn vị này không có số liệu cùng kỳ.',
		en: 'The same period last year was reported by the units of the old list (before 1 July 2025), so this unit has no figures for it.',
	},
	own: { vi: 'Số liệu của {unit}', en: 'Figures of {unit}' },
	subunits: { vi: 'Tổng của HĐND cấp dưới', en: 'Sum over the sub-unit councils' },
	ranking: { vi: 'Xếp hạng HĐND cấp dưới', en: 'Sub-unit councils ranked' },
	targets: { vi: 'Chỉ tiêu', en: 'Targets' },
	coverage: { vi: 'Tình hình báo cáo', en: 'Coverage' },
	sources: { vi: 'Nguồn số liệu', en: 'Sources' },
	metric: { vi: 'Chỉ tiêu', en: 'Metric' },
	samePeriod: { vi: 'Cùng kỳ ({period})', en: 'Same period ({period})' },
	change: { vi: 'Thay đổi', en: 'Change' },
	stated: { vi: 'Báo cáo nêu', en: 'As stated' },
	summed: { vi: 'Cộng các đơn vị đã báo cáo', en: 'Sum of the units that reported' },
	reporting: { vi: 'Số đơn vị báo cáo', en: 'Units reporting' },
	unit: { vi: 'Đơn vị', en: 'Unit' },
	rank: { vi: 'Hạng', en: 'Rank' },
	noSubunits: {
		vi: 'Đơn vị này không có cấp dưới trong danh mục.',
		en: 'This unit has no sub-units in the list.',
	},
	noTargets: {
		vi: 'Chưa có chỉ tiêu nào cho loại kỳ này.',
		en: 'No target for this kind of period.',
	},
	missed: { vi: 'Chưa đạt', en: 'Missed' },
	notReported: { vi: 'Chưa báo cáo', en: 'Not reported' },
	met: { vi: 'Đạt', en: 'Met' },
	coverageLine: {
		vi: '{n}/{total} HĐND cấp dưới đã báo cáo số liệu {period}.',
		en: '{n} of {total} sub-unit councils reported figures for {period}.',
	},
	ownMissing: {
		vi: '{unit} chưa có số liệu của chính mình cho {period}.',
		en: '{unit} has no figures of its own for {period}.',
	},
	allReported: { vi: 'Tất cả đã báo cáo.', en: 'All have reported.' },
	noneMissing: { vi: 'không có', en: 'none' },
	notReportedZero: {
		vi: 'Ô trống (—) là chưa báo cáo, không phải bằng 0.',
		en: 'A dash (—) is not reported, not zero.',
	},
	made: { vi: 'Lập ngày {date} · {url}', en: 'Made {date} · {url}' },
	kind: {
		reported: { vi: 'báo cáo', en: 'reported' },
		simulated: { vi: 'mô phỏng', en: 'simulated' },
		imported: { vi: 'nhập từ tệp', en: 'imported' },
	} as Record<string, { vi: string; en: string }>,
	sessionsTotal: { vi: 'Tổng số kỳ họp', en: 'Sessions in total' },
	resolvedShare: { vi: 'Tỷ lệ kiến nghị đã giải quyết', en: 'Petitions resolved, share' },
	chart: {
		vi: '{metric} của HĐND cấp dưới, {period}',
		en: '{metric} of the sub-unit councils, {period}',
	},
};

const fill = (text: string, params: Record<string, string | number>) =>
	text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** A figure as the pack writes it: "—" for not reported, "≥ 21" for a lower bound. */
function figure(value: number | null | undefined, lang: Lang, qualifier?: string | null): string {
	if (value === null || value === undefined) return '—';
	const text = formatNumber(value, lang, 1);
	if (qualifier === 'at_least') return `≥ ${text}`;
	if (qualifier === 'approx') return `~ ${text}`;
	return text;
}

function change(value: number | null | undefined, previous: number | null | undefined, lang: Lang) {
	if (value === null || value === undefined || previous === null || previous === undefined)
		return '—';
	if (previous === 0) return value === 0 ? formatChange(0, lang) : '—';
	return formatChange((value - previous) / previous, lang);
}

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
const reported = (r: SubunitPeriodRow) => r.source_id !== null;

/** Build the pack's blocks from the figures. */
export function buildPack(input: PackInput): Pack {
	const { lang, period, previous } = input;
	const periodText = periodLabel(period)[lang];
	const previousText = previous ? periodLabel(previous)[lang] : '—';
	const row = (which: 'current' | 'previous', scope: 'own' | 'subunits') =>
		input.unitRows.find((r) => r.which === which && r.scope === scope) ?? null;
	const own = row('current', 'own');
	const ownPrev = row('previous', 'own');
	const stated = row('current', 'subunits');
	const statedPrev = row('previous', 'subunits');
	const simulated =
		input.unitRows.some((r) => r.source_kind === 'simulated') ||
		input.subunits.some((r) => r.source_kind === 'simulated');
	const blocks: Block[] = [];
	if (simulated) blocks.push({ kind: 'paragraph', text: TEXT.simulated[lang], tone: 'warning' });
	if (input.basis === 'units2025')
		blocks.push({ kind: 'paragraph', text: TEXT.basis[lang], tone: 'note' });

	if (
		input.unitKey.startsWith('2025:') &&
		previous &&
		previous.kind !== 'term' &&
		previous.year < 2025
	)
		blocks.push({ kind: 'paragraph', text: TEXT.oldList[lang], tone: 'note' });

	// 1. The unit's own figures, beside the same period last year.
	blocks.push({ kind: 'heading', text: fill(TEXT.own[lang], { unit: input.unitName }) });
	if (!own)
		blocks.push({
			kind: 'paragraph',
			text: fill(TEXT.ownMissing[lang], { unit: input.unitName, period: periodText }),
			tone: 'note',
		});
	blocks.push({
		kind: 'table',
		id: 'own',
		columns: [
			TEXT.metric[lang],
			periodText,
			fill(TEXT.samePeriod[lang], { period: previousText }),
			TEXT.change[lang],
		],
		numeric: [false, true, true, true],
		rows: METRICS.map((m) => [
			m.label[lang],
			figure(own?.[m.id], lang, own?.qualifier),
			figure(ownPrev?.[m.id], lang, ownPrev?.qualifier),
			change(own?.[m.id], ownPrev?.[m.id], lang),
		]),
	});

	// 2. The sub-units: as a report stated their sum, and as the sum of those who reported.
	blocks.push({ kind: 'heading', text: TEXT.subunits[lang] });
	const n = input.subunits.length;
	if (n === 0) blocks.push({ kind: 'paragraph', text: TEXT.noSubunits[lang], tone: 'note' });
	else {
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

		// 3. The ranking on the headline measures (by supervisions, then sessions), and a chart.
		blocks.push({ kind: 'heading', text: TEXT.ranking[lang] });
		const ranked = [...input.subunits].sort(
			(a, b) =>
				(b.m_supervisions ?? -1) - (a.m_supervisions ?? -1) ||
				(HEADLINES[0]!.value(b) ?? -1) - (HEADLINES[0]!.value(a) ?? -1) ||
				a.label_order - b.label_order,
		);
		blocks.push({
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
		});
		blocks.push({
			kind: 'chart',
			id: 'supervisions',
			title: fill(TEXT.chart[lang], {
				metric: METRICS.find((m) => m.id === 'supervisions')!.label[lang],
				period: periodText,
			}),
			bars: ranked.map((r) => ({ label: r.name, value: r.m_supervisions ?? null })),
		});
	}

	// 4. Targets, with the units that missed them and those that did not report.
	blocks.push({ kind: 'heading', text: TEXT.targets[lang] });
	const applicable = input.targets.filter((t) => t.period === period.kind);
	if (applicable.length === 0 || n === 0)
		blocks.push({ kind: 'paragraph', text: TEXT.noTargets[lang], tone: 'note' });
	for (const target of n === 0 ? [] : applicable) {
		const subunits: TargetSubunit[] = input.subunits.flatMap((r) => {
			const info = input.subunitInfo(r.unit_key);
			return info
				? [
						{
							key: r.unit_key,
							name: r.name,
							level: info.level,
							type: info.type,
							value: r[`m_${target.metric}`] ?? null,
						},
					]
				: [];
		});
		const result = evaluateTarget(target, subunits);
		blocks.push({ kind: 'paragraph', text: targetLabel(target, lang) });
		blocks.push({ kind: 'paragraph', text: targetSentence(result, lang), tone: 'sentence' });
		const names = (units: TargetSubunit[], withValue: boolean) =>
			units.length === 0
				? TEXT.noneMissing[lang]
				: units
						.map((u) => (withValue ? `${u.name} (${figure(u.value, lang)})` : u.name))
						.join(', ');
		blocks.push({
			kind: 'list',
			items: [
				`${TEXT.met[lang]}: ${result.met.length}`,
				`${TEXT.missed[lang]} (${result.missed.length}): ${names(result.missed, true)}`,
				`${TEXT.notReported[lang]} (${result.notReported.length}): ${names(result.notReported, false)}`,
			],
		});
	}

	// 5. Coverage: who has not reported.
	blocks.push({ kind: 'heading', text: TEXT.coverage[lang] });
	if (n > 0) {
		const missing = input.subunits.filter((r) => !reported(r));
		blocks.push({
			kind: 'paragraph',
			text: fill(TEXT.coverageLine[lang], { n: n - missing.length, total: n, period: periodText }),
		});
		blocks.push({
			kind: 'paragraph',
			text:
				missing.length === 0
					? TEXT.allReported[lang]
					: `${TEXT.notReported[lang]}: ${missing.map((r) => r.name).join(', ')}`,
		});
	}
	if (!own)
		blocks.push({
			kind: 'paragraph',
			text: fill(TEXT.ownMissing[lang], { unit: input.unitName, period: periodText }),
		});

	// 6. The sources of every figure above.
	blocks.push({ kind: 'heading', text: TEXT.sources[lang] });
	const used = new Set<string>();
	for (const r of input.unitRows) used.add(r.source_id);
	for (const r of input.subunits) {
		if (r.source_id) used.add(r.source_id);
		if (r.previous_source_id) used.add(r.previous_source_id);
	}
	blocks.push({
		kind: 'list',
		items: input.sources
			.filter((s) => used.has(s.id))
			.map(
				(s) =>
					`${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.date ? `, ${formatDate(s.date, lang)}` : ''} (${TEXT.kind[s.kind]?.[lang] ?? s.kind})${s.url ? ` · ${s.url}` : ''}`,
			),
	});

	return {
		title: `${TEXT.title[lang]}: ${input.unitName}`,
		subtitle: periodText.charAt(0).toLocaleUpperCase(lang) + periodText.slice(1),
		simulated,
		blocks,
		stamp: fill(TEXT.made[lang], { date: formatDate(input.now, lang), url: input.url }),
		fileStem: `giao-ban-${input.unitKey.replace(':', '-')}-${periodKey(period)}`,
	};
}
