/**
 * What the overview's chart panels share besides the data: the measure's label and format, the notes every
 * chart carries (what a derived measure is computed from, the form of its counts, the basis of its units),
 * the years shown, and what the trend and the heatmap both say of the series they draw.
 * Each is derived once here for all the panels (a click recomputes it once, not once per panel). Create it
 * while the overview initialises, next to its OverviewData: it reads the view from the component's context.
 */
import { yearsShown } from '../../db/queries.ts';
import type { SummaryContext } from '../../export/summaries.ts';
import { FORM_LABELS } from '../../model/comparable.ts';
import { measureById } from '../../model/measures.ts';
import { LEVEL_LABELS } from '../../model/units.ts';
import { getView } from '../../state/view.svelte.ts';
import { formNotes, pointNotes } from './form-notes.ts';
import { measureFormatter } from './format-measure.ts';
import type { OverviewData } from './overview-data.svelte.ts';

export class OverviewLabels {
	readonly #view = getView();
	readonly #overview: OverviewData;

	constructor(overview: OverviewData) {
		this.#overview = overview;
	}

	// Plain getters, not derived values (OverviewData derives these once). The derived values below read
	// the overview through them: they run when first read, after the constructor, not while the fields are
	// initialised.
	get #filters() {
		return this.#overview.filters;
	}
	get #seriesPoints() {
		return this.#overview.seriesPoints;
	}

	readonly #measure = $derived(measureById(this.#filters.measure));
	readonly measureLabel = $derived(this.#view.pick(this.#measure.label));
	readonly format = $derived(
		measureFormatter(this.#filters.measure, this.#view.lang, this.#filters.form),
	);
	/** The measure's column in tables (and so in CSV) names the form: "Tổng số kỳ họp (Bình quân mỗi HĐND)". */
	readonly columnLabel = $derived(
		this.#filters.form === 'perCouncil'
			? `${this.measureLabel} (${this.#view.pick(FORM_LABELS.perCouncil)})`
			: this.measureLabel,
	);
	readonly summaryContext: SummaryContext = $derived({
		t: this.#view.t,
		format: this.format,
		lang: this.#view.lang,
	});
	readonly levelLabel = $derived(
		this.#view.pick(LEVEL_LABELS[this.#filters.level]).toLocaleLowerCase(this.#view.lang),
	);

	/** The note of the form of counts across 2025 (territory total or per council): CSVs carry it too. */
	readonly formCsvNotes = $derived(formNotes(this.#filters.form, this.#filters, this.#view.lang));
	/**
	 * A derived measure says what it is computed from, on every chart that shows it. So does the form of
	 * counts across 2025 (territory total or per council), and why.
	 */
	readonly formulaNotes = $derived([
		...(this.#measure.computedFrom.vi
			? [`${this.#view.t('computedFrom')}: ${this.#view.pick(this.#measure.computedFrom)}`]
			: []),
		...formNotes(this.#filters.form, this.#filters, this.#view.lang),
	]);
	/** Which units the figures are of, where it is not plain from the years shown. */
	readonly basisNotes = $derived(
		this.#filters.basis === 'units2025'
			? [this.#view.t('basisNoteUnits2025')]
			: this.#view.crossesReorganisation
				? [this.#view.t('basisNoteReported')]
				: [],
	);

	readonly years = $derived(yearsShown(this.#filters));
	/** The series do not depend on the brush: brushing only re-ranks, it never refetches the lines. */
	readonly seriesFilters = $derived({ ...this.#filters, brush: null });

	// The trend and the heatmap draw the same series: one lookup of per-council notes, one set of badges.
	readonly pointNote = $derived(
		pointNotes(this.#seriesPoints, this.#filters.form, this.#filters.level, this.#view.lang),
	);
	readonly seriesSimulated = $derived(
		this.#seriesPoints.some((p) => p.source_kind === 'simulated'),
	);
	readonly seriesReported = $derived(this.#seriesPoints.some((p) => p.source_kind === 'reported'));
	readonly seriesImported = $derived(this.#seriesPoints.some((p) => p.source_kind === 'imported'));
}
