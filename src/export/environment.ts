/**
 * What exports say around a chart, from the app's state: the filters of the screen in words, the
 * sources, the date and the link to the exact view.
 */
import { FORM_LABELS, resolveForm } from '../model/comparable.ts';
import { SOURCE_KIND_LABELS, type SourceKind } from '../model/periods.ts';
import { measureById } from '../model/measures.ts';
import { LEVEL_LABELS } from '../model/units.ts';
import type { DataStore } from '../state/data.svelte.ts';
import type { View } from '../state/view.svelte.ts';
import {
	countedSourceText,
	countedSourcesLine,
	filterSubtitle,
	sourcesFor,
	sourcesLine,
	stampLine,
} from './describe.ts';
import type { ExportEnvironment } from './export.ts';
import { figureSourcesSql } from '../db/source-queries.ts';
import { tableRows } from '../db/table-rows.ts';
import type { CountedSource } from './describe.ts';

/** Screens whose charts follow the dashboard's filters. */
const FILTERED_PAGES = new Set(['overview', 'compare', 'map']);

export function exportEnvironment(
	view: View,
	data: DataStore,
	now = new Date(),
): ExportEnvironment {
	const s = view.state;
	const t = view.t;
	const label = (key: string) => data.units.label(key);
	const compare = s.page === 'compare';
	// The comparison shows counts in the overview's form, except for an old unit, compared as it
	// reported (each figure its council's own).
	const subject = s.focus ?? s.selected[0];
	const asReported =
		compare && (s.basis !== 'units2025' || (subject && data.units.get(subject)?.scheme === '2023'));
	const subtitle = FILTERED_PAGES.has(s.page)
		? filterSubtitle(
				{
					measure: view.pick(measureById(s.measure).label),
					area: compare ? null : s.province ? label(s.province) : t('wholeCountry'),
					level: view.pick(LEVEL_LABELS[s.level]),
					yearFrom: s.yearFrom,
					yearTo: s.yearTo,
					brush: s.brush,
					basis: s.basis,
					form:
						!asReported && resolveForm(s.form, s) === 'perCouncil'
							? view.pick(FORM_LABELS.perCouncil)
							: null,
					selected: compare && s.focus ? [label(s.focus)] : s.selected.map(label),
				},
				t,
				view.lang,
			)
		: '';
	const kindLabel = (kind: string) =>
		SOURCE_KIND_LABELS[kind as SourceKind]
			? view.pick(SOURCE_KIND_LABELS[kind as SourceKind])
			: kind;
	return {
		lang: view.lang,
		subtitle,
		sources: (shows, counted) =>
			counted
				? countedSourcesLine(counted, kindLabel, t, view.lang)
				: sourcesLine(sourcesFor(data.sources, shows), kindLabel, t, view.lang),
		countSources: async (scopes) =>
			data.coordinator
				? tableRows<CountedSource>(await data.coordinator.query(figureSourcesSql(scopes)))
				: [],
		sourceText: (source) => countedSourceText(source, kindLabel, t, view.lang),
		stamp: stampLine(now, location.href, t, view.lang),
		date: now,
		url: location.href,
		simulatedMark: t('exportSimulated'),
		hints: [t('rankingHint'), t('brushHint'), t('mapDrillEmpty')],
	};
}
