/**
 * The briefing pack (tài liệu giao ban) as a list of blocks: headings, paragraphs, tables and bar charts.
 * One model, three renderings: the page shows it as HTML, and the PDF and DOCX exports draw the same
 * blocks, so what is exported is what was seen. No DOM, no DuckDB: figures come in as plain rows.
 */
import type { SubunitPeriodRow, UnitPeriodRow } from '../db/period-queries.ts';
import { formatDate, interpolate, type Lang } from '../i18n/format.ts';
import { periodKey, periodLabel, type Period } from '../model/periods.ts';
import type { Target } from '../targets/target.ts';
import type { UnitLevel } from '../model/units.ts';
import { coverageBlocks, ownBlocks, sourceBlocks, targetBlocks } from './pack-sections.ts';
import { rankingBlocks, subunitSumBlocks } from './pack-subunits.ts';
import { TEXT } from './pack-text.ts';

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

/** What every section of the pack is built from. */
export interface PackSection {
	input: PackInput;
	lang: Lang;
	periodText: string;
	previousText: string;
}

/** Build the pack's blocks from the figures, in the order of a giao ban. */
export function buildPack(input: PackInput): Pack {
	const { lang, period, previous } = input;
	const periodText = periodLabel(period)[lang];
	const section: PackSection = {
		input,
		lang,
		periodText,
		previousText: previous ? periodLabel(previous)[lang] : '—',
	};
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

	blocks.push(...ownBlocks(section));
	blocks.push({ kind: 'heading', text: TEXT.subunits[lang] });
	if (input.subunits.length === 0)
		blocks.push({ kind: 'paragraph', text: TEXT.noSubunits[lang], tone: 'note' });
	else blocks.push(...subunitSumBlocks(section), ...rankingBlocks(section));
	blocks.push(...targetBlocks(section), ...coverageBlocks(section), ...sourceBlocks(section));

	return {
		title: `${TEXT.title[lang]}: ${input.unitName}`,
		subtitle: periodText.charAt(0).toLocaleUpperCase(lang) + periodText.slice(1),
		simulated,
		blocks,
		stamp: interpolate(TEXT.made[lang], { date: formatDate(input.now, lang), url: input.url }),
		fileStem: `giao-ban-${input.unitKey.replace(':', '-')}-${periodKey(period)}`,
	};
}
