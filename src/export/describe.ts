/**
 * The words around an exported chart: the subtitle naming the active filters (measure, area and level,
 * years, brushed years, as reported or re-aggregated, chosen units) and the footer (sources, the
 * simulated-data mark, the export date in Vietnamese form, the link to the exact view). Pure.
 */
import { formatDate, formatNumber, type Lang } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/messages.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface FilterFacts {
	/** The measure's label. */
	measure: string;
	/** The area: a province's name or "Toàn quốc"; null where the screen does not filter by area. */
	area: string | null;
	/** The level's label, e.g. "Cấp tỉnh". */
	level: string;
	yearFrom: number;
	yearTo: number;
	brush: readonly [number, number] | null;
	basis: 'reported' | 'units2025';
	/** The form of counts when not the plain total ("Bình quân mỗi HĐND"); absent otherwise. */
	form?: string | null;
	/** Names of the chosen units, in the order chosen. */
	selected: readonly string[];
}

/** "Số kỳ họp · Toàn quốc, cấp tỉnh · năm 2019–2026 · Như báo cáo (…) · đơn vị được chọn: A, B" */
export function filterSubtitle(facts: FilterFacts, t: Translate, lang: Lang): string {
	const level = t('exportLevel', { level: facts.level.toLocaleLowerCase(lang) });
	const years =
		facts.yearFrom === facts.yearTo
			? t('exportYear', { year: facts.yearFrom })
			: t('exportYears', { from: facts.yearFrom, to: facts.yearTo });
	const parts = [facts.measure, ...(facts.area === null ? [] : [`${facts.area}, ${level}`]), years];
	if (facts.brush) parts.push(t('exportBrush', { from: facts.brush[0], to: facts.brush[1] }));
	parts.push(t(facts.basis === 'units2025' ? 'basisUnits2025' : 'basisReported'));
	if (facts.form) parts.push(facts.form);
	if (facts.selected.length > 0) {
		parts.push(t('exportSelected', { units: facts.selected.join(', ') }));
	}
	return parts.join(' · ');
}

export interface SourceFacts {
	kind: string;
	title: string | null;
	publisher: string | null;
	date: string | null;
}

/** "Nguồn: Mô phỏng: …; Báo cáo: … (Báo X, 01/02/2023); Danh mục đơn vị hành chính: …" */
export function sourcesLine(
	sources: readonly SourceFacts[],
	kindLabel: (kind: string) => string,
	t: Translate,
	lang: Lang,
): string {
	const items = sources.map((s) => {
		const details = [s.publisher, s.date ? formatDate(s.date, lang) : null].filter(Boolean);
		return `${kindLabel(s.kind)}: ${s.title ?? ''}${details.length ? ` (${details.join(', ')})` : ''}`;
	});
	items.push(t('exportUnitList'));
	return t('exportSources', { sources: items.join('; ') });
}

/** A source with the number of a chart's figures it gave (src/db/source-queries.ts). */
export interface CountedSource extends SourceFacts {
	id: string;
	figures: number;
}

/** Beyond this many sources, the image says how many and leaves the list to the file's metadata. */
export const LONG_SOURCE_LIST = 5;

/** "1 số liệu", "29 figures". */
export function figureCount(n: number, t: Translate, lang: Lang): string {
	return t(n === 1 ? 'exportFigure' : 'exportFigures', { n: formatNumber(n, lang) });
}

/** One source with its count: "Báo cáo: Hội nghị … (Trang tin …, 05/01/2023): 1 số liệu". */
export function countedSourceText(
	source: CountedSource,
	kindLabel: (kind: string) => string,
	t: Translate,
	lang: Lang,
): string {
	const details = [source.publisher, source.date ? formatDate(source.date, lang) : null].filter(
		Boolean,
	);
	const title = source.title ?? source.id;
	return `${kindLabel(source.kind)}: ${title}${details.length ? ` (${details.join(', ')})` : ''}: ${figureCount(source.figures, t, lang)}`;
}

/**
 * The sources line of a chart whose figures were counted by source: each source with its number of
 * figures, or, past LONG_SOURCE_LIST sources, how many there are by kind and where the full list is.
 */
export function countedSourcesLine(
	sources: readonly CountedSource[],
	kindLabel: (kind: string) => string,
	t: Translate,
	lang: Lang,
): string {
	if (sources.length > LONG_SOURCE_LIST) {
		const byKind = new Map<string, number>();
		for (const s of sources) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.figures);
		const kinds = [...byKind].map(([kind, n]) => `${kindLabel(kind)}: ${figureCount(n, t, lang)}`);
		return `${t('exportSourcesMany', {
			count: formatNumber(sources.length, lang),
			figures: formatNumber(
				sources.reduce((n, s) => n + s.figures, 0),
				lang,
			),
			kinds: kinds.join('; '),
		})}; ${t('exportUnitList')}`;
	}
	const items = sources.map((s) => countedSourceText(s, kindLabel, t, lang));
	if (items.length === 0) items.push(t('exportNoFigures'));
	items.push(t('exportUnitList'));
	return t('exportSources', { sources: items.join('; ') });
}

/**
 * The sources of the parts of a sheet that count apart (the charts together, the unit detail): each
 * source once, with the most figures one part takes from it. Parts may show the same figures (the
 * detail repeats the ranking's), so adding up would count them twice.
 */
export function mergeCountedSources(lists: readonly (readonly CountedSource[])[]): CountedSource[] {
	const merged = new Map<string, CountedSource>();
	for (const list of lists) {
		for (const s of list) {
			const seen = merged.get(s.id);
			if (!seen || s.figures > seen.figures) merged.set(s.id, { ...s });
		}
	}
	return [...merged.values()].sort((a, b) => b.figures - a.figures || a.id.localeCompare(b.id));
}

/** The sources behind a chart: those of the kinds it shows, or all when it does not say. */
export function sourcesFor<T extends { kind: string }>(
	sources: readonly T[],
	shows: { simulated: boolean; reported: boolean },
): T[] {
	if (!shows.simulated && !shows.reported) return [...sources];
	return sources.filter(
		(s) =>
			(s.kind === 'simulated' && shows.simulated) ||
			(s.kind === 'reported' && shows.reported) ||
			(s.kind !== 'simulated' && s.kind !== 'reported'),
	);
}

/** The footer's last paragraph: "Xuất ngày 23/11/2026 · Xem tại: http://…" */
export function stampLine(date: Date, url: string, t: Translate, lang: Lang): string {
	return `${t('exportDate', { date: formatDate(date, lang) })} · ${t('exportLink', { url })}`;
}
