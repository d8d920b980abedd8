/**
 * The pack's sections on the unit itself, its targets, who has reported and the sources. Each returns
 * its blocks; buildPack (pack.ts) puts them in the order of a giao ban.
 */
import { formatDate, interpolate } from '../i18n/format.ts';
import { METRICS } from '../model/metrics.ts';
import { evaluateTarget, targetSentence, type TargetSubunit } from '../targets/evaluate.ts';
import { targetLabel } from '../targets/target.ts';
import type { Block, PackInput, PackSection } from './pack.ts';
import { reported } from './pack-subunits.ts';
import { TEXT, change, figure } from './pack-text.ts';

/** The unit's own row of the period (`current`) or of the same period before. */
export const ownRow = (input: PackInput, which: 'current' | 'previous') =>
	input.unitRows.find((r) => r.which === which && r.scope === 'own') ?? null;

/** 1. The unit's own figures, beside the same period last year. */
export function ownBlocks({ input, lang, periodText, previousText }: PackSection): Block[] {
	const own = ownRow(input, 'current');
	const ownPrev = ownRow(input, 'previous');
	const blocks: Block[] = [
		{ kind: 'heading', text: interpolate(TEXT.own[lang], { unit: input.unitName }) },
	];
	if (!own)
		blocks.push({
			kind: 'paragraph',
			text: interpolate(TEXT.ownMissing[lang], { unit: input.unitName, period: periodText }),
			tone: 'note',
		});
	blocks.push({
		kind: 'table',
		id: 'own',
		columns: [
			TEXT.metric[lang],
			periodText,
			interpolate(TEXT.samePeriod[lang], { period: previousText }),
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
	return blocks;
}

/** 4. Targets of the period's kind, with the units that missed them and those that did not report. */
export function targetBlocks({ input, lang }: PackSection): Block[] {
	const blocks: Block[] = [{ kind: 'heading', text: TEXT.targets[lang] }];
	const n = input.subunits.length;
	const applicable = input.targets.filter((t) => t.period === input.period.kind);
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
	return blocks;
}

/** 5. Coverage: who has not reported (the sub-units, and the unit itself). */
export function coverageBlocks({ input, lang, periodText }: PackSection): Block[] {
	const blocks: Block[] = [{ kind: 'heading', text: TEXT.coverage[lang] }];
	const n = input.subunits.length;
	if (n > 0) {
		const missing = input.subunits.filter((r) => !reported(r));
		blocks.push({
			kind: 'paragraph',
			text: interpolate(TEXT.coverageLine[lang], {
				n: n - missing.length,
				total: n,
				period: periodText,
			}),
		});
		blocks.push({
			kind: 'paragraph',
			text:
				missing.length === 0
					? TEXT.allReported[lang]
					: `${TEXT.notReported[lang]}: ${missing.map((r) => r.name).join(', ')}`,
		});
	}
	if (!ownRow(input, 'current'))
		blocks.push({
			kind: 'paragraph',
			text: interpolate(TEXT.ownMissing[lang], { unit: input.unitName, period: periodText }),
		});
	return blocks;
}

/** 6. The sources of every figure above. */
export function sourceBlocks({ input, lang }: PackSection): Block[] {
	const used = new Set<string>();
	for (const r of input.unitRows) used.add(r.source_id);
	for (const r of input.subunits) {
		if (r.source_id) used.add(r.source_id);
		if (r.previous_source_id) used.add(r.previous_source_id);
	}
	return [
		{ kind: 'heading', text: TEXT.sources[lang] },
		{
			kind: 'list',
			items: input.sources
				.filter((s) => used.has(s.id))
				.map(
					(s) =>
						`${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.date ? `, ${formatDate(s.date, lang)}` : ''} (${TEXT.kind[s.kind]?.[lang] ?? s.kind})${s.url ? ` · ${s.url}` : ''}`,
				),
		},
	];
}
