/**
 * The comparison's subject and figures: the unit compared (the one in focus, else the first chosen), the
 * filters it is compared under, its peers' cells and the medians from their two queries, and what the
 * panels share of them (the year compared, the peers ranked in it, the notes on the form of counts).
 * Derived once here for the four panels. Create it while the screen initialises: it reads the view and
 * the data from the component's context, and its queries own effects.
 */
import { rankRows } from '../../charts/ranking-geometry.ts';
import { mediansSql, peersSql } from '../../db/peer-queries.ts';
import { yearsShown } from '../../db/queries.ts';
import { seriesScope } from '../../db/source-queries.ts';
import { tableRows } from '../../db/table-rows.ts';
import type { SummaryContext } from '../../export/summaries.ts';
import { measureById } from '../../model/measures.ts';
import { LEVEL_LABELS } from '../../model/units.ts';
import { getData } from '../../state/data.svelte.ts';
import { LiveQuery } from '../../state/live-query.svelte.ts';
import { MAX_SELECTED } from '../../state/view-state.ts';
import { getView } from '../../state/view.svelte.ts';
import { currentFilters } from '../dashboard/filters.ts';
import { formNotes, pointNotes } from '../dashboard/form-notes.ts';
import { measureFormatter } from '../dashboard/format-measure.ts';
import * as peer from './peer-figures.ts';
import type { MedianRow, PeerCell } from './peer-figures.ts';

export class CompareData {
	readonly #view = getView();
	readonly #data = getData();

	/** The key of the unit compared: the one in focus, else the first chosen. */
	readonly subject = $derived(this.#view.state.focus ?? this.#view.state.selected[0] ?? null);
	readonly subjectInfo = $derived(this.subject ? this.#data.units.get(this.subject) : undefined);
	readonly filters = $derived(
		peer.subjectFilters(currentFilters(this.#view), this.subjectInfo?.scheme),
	);
	readonly format = $derived(measureFormatter(this.filters.measure, this.#view.lang));
	readonly measureLabel = $derived(this.#view.pick(measureById(this.filters.measure).label));
	readonly years = $derived(yearsShown(this.filters));
	readonly parentLabel = $derived(
		this.subjectInfo?.parentKey
			? this.#data.units.label(this.subjectInfo.parentKey)
			: this.#view.t('wholeCountry'),
	);
	/** The subject's level as it reads inside a sentence: "cấp huyện", "district". */
	readonly levelLabel = $derived(
		this.subjectInfo
			? this.#view.pick(LEVEL_LABELS[this.subjectInfo.level]).toLocaleLowerCase(this.#view.lang)
			: '',
	);

	readonly peers = new LiveQuery<PeerCell[]>(
		this.#data.coordinator!,
		'peers',
		() => (this.subject ? peersSql(this.filters, this.subject) : null),
		(t) => tableRows<PeerCell>(t),
		[],
	);
	readonly medians = new LiveQuery<MedianRow[]>(
		this.#data.coordinator!,
		'medians',
		() => (this.subject ? mediansSql(this.filters, this.subject) : null),
		(t) => tableRows<MedianRow>(t),
		[],
	);

	readonly cells = $derived(this.peers.value ?? []);
	readonly simulated = $derived(this.cells.some((c) => c.source_kind === 'simulated'));
	readonly reported = $derived(this.cells.some((c) => c.source_kind === 'reported'));
	readonly peerKeys = $derived([...new Set(this.cells.map((c) => c.unit_key))]);
	// The comparison opens at the subject's last year with a figure in the range (an old district after
	// 2025 has none), and says so.
	readonly lastYear = $derived(
		(this.subject && peer.lastYearWithFigure(this.cells, this.subject)) || this.filters.yearTo,
	);
	readonly lastYearLines = $derived(
		this.subjectInfo
			? peer.lastYearNote(
					this.subjectInfo.nameWithType,
					this.filters.yearTo,
					this.lastYear,
					this.#view.lang,
				)
			: [],
	);
	// The unit-years the rank chart and the small multiples draw, so that exports name the sources of
	// exactly those figures.
	readonly seriesFigures = $derived(this.subject ? seriesScope(this.filters, this.peerKeys) : null);
	readonly #cellAt = $derived(new Map(this.cells.map((c) => [`${c.unit_key}|${c.year}`, c])));
	/** A peer's cell in a year, if its query returned one. */
	readonly at = (key: string, year: number): PeerCell | undefined =>
		this.#cellAt.get(`${key}|${year}`);

	// Counts in the overview's form (per council across 2025 by default), and the same notes on why; as
	// reported (an old unit) every figure is one council's own, and the form needs no word.
	readonly perCouncil = $derived(
		this.filters.form === 'perCouncil' && this.filters.basis === 'units2025',
	);
	readonly formLines = $derived(
		this.filters.basis === 'units2025'
			? formNotes(this.filters.form, this.filters, this.#view.lang)
			: [],
	);
	readonly pointNote = $derived(
		pointNotes(
			this.cells,
			this.filters.form,
			this.subjectInfo?.level ?? 'province',
			this.#view.lang,
		),
	);
	readonly approxPoints = $derived(
		new Set(this.cells.filter((c) => c.approx).map((c) => `${c.unit_key}|${c.year}`)),
	);

	/** The peers ranked by their value in the year compared: the ranking's bars, the multiples' order. */
	readonly peerRows = $derived(
		rankRows(
			this.peerKeys.map((key) => ({
				key,
				label: this.#data.units.label(key),
				value: this.at(key, this.lastYear)?.value ?? null,
				approx: this.at(key, this.lastYear)?.approx ?? false,
				note: this.pointNote(key, this.lastYear),
			})),
			this.#data.units.compareLabels,
		),
	);
	readonly medianAt = $derived(new Map((this.medians.value ?? []).map((m) => [m.year, m])));
	readonly lastMedians = $derived(this.medianAt.get(this.lastYear));
	readonly summaryContext: SummaryContext = $derived({
		t: this.#view.t,
		format: this.format,
		lang: this.#view.lang,
	});

	/** Compare another unit: it becomes the subject, and joins the units chosen if it was not one. */
	readonly choose = (key: string): void => {
		this.#view.state.focus = key;
		if (!this.#view.state.selected.includes(key))
			this.#view.state.selected = [...this.#view.state.selected, key].slice(-MAX_SELECTED);
	};
}
