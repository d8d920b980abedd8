/**
 * What the user chose on the dashboard, and its form in the URL. Only choices that differ from the
 * defaults are written, so a shared URL is short and rebuilds the same view.
 */
import { isMeasureId, type MeasureId } from '../model/measures.ts';
import { FIRST_YEAR, LAST_YEAR } from '../model/periods.ts';
import { LEVELS, parseUnitKey, type UnitLevel } from '../model/units.ts';
import type { Lang } from '../i18n/format.ts';
import type { Basis } from '../model/basis.ts';
import { crossesReorganisation, FORMS, type Form } from '../model/comparable.ts';

/** The screens of the app. */
export const PAGES = [
	'overview',
	'compare',
	'map',
	'sql',
	'notebooks',
	'data',
	'extract',
	'briefing',
] as const;
export type Page = (typeof PAGES)[number];

export type { Basis } from '../model/basis.ts';

export interface ViewState {
	page: Page;
	basis: Basis;
	province: string | null;
	level: UnitLevel;
	yearFrom: number;
	yearTo: number;
	measure: MeasureId;
	/** Counts as territory totals or per council; null: per council where the range crosses 2025. */
	form: Form | null;
	/** Units chosen for the trend chart, in the order chosen. */
	selected: string[];
	/** The unit whose details are open. */
	focus: string | null;
	/** Years brushed on a chart: highlighted in every view, and the span the ranking sums over. */
	brush: [number, number] | null;
	/** The extracted report open on the extract page: the id of its source (`report-…`). */
	report: string | null;
	/** Offsets into that report's text to highlight (a figure's sentence), end exclusive. */
	highlight: [number, number] | null;
	lang: Lang;
}

/**
 * The last year whose reports are complete: the current year's are still coming in (some councils have
 * not reported), so a first screen ending there would compare a partial year with a whole one.
 */
export const LATEST_COMPLETE_YEAR = LAST_YEAR - 1;

/**
 * The basis a range is shown on unless the user chose: across 1 July 2025 the current units, with the
 * years before re-aggregated onto them (a leader asks about the councils in office now); within one list,
 * the units as they reported.
 */
export function defaultBasis(yearFrom: number, yearTo: number): Basis {
	return crossesReorganisation({ yearFrom, yearTo }) ? 'units2025' : 'reported';
}

/**
 * The first screen answers what a leader asks first: the provinces as they are now, their history
 * re-aggregated onto them and compared per council, up to the latest complete year.
 */
export const DEFAULT_VIEW: Readonly<ViewState> = {
	page: 'overview',
	basis: 'units2025',
	province: null,
	level: 'province',
	yearFrom: 2019,
	yearTo: LATEST_COMPLETE_YEAR,
	measure: 'sessions_total',
	form: null,
	selected: [],
	focus: null,
	brush: null,
	report: null,
	highlight: null,
	lang: 'vi',
};

/** The most units the trend chart draws; more would be unreadable. */
export const MAX_SELECTED = 8;

/** A report's source id as the browser makes them (see recordId): letters, digits and dashes. */
const REPORT_ID = /^report-[0-9A-Za-z-]{1,80}$/;

function year(text: string | null, fallback: number): number {
	const value = Number(text);
	return Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR ? value : fallback;
}

/** Read a view from URL parameters; anything malformed falls back to its default. */
export function parseViewState(params: URLSearchParams): ViewState {
	const province = params.get('p');
	const level = params.get('lv') as UnitLevel | null;
	const measure = params.get('m') ?? '';
	let yearFrom = year(params.get('y0'), DEFAULT_VIEW.yearFrom);
	let yearTo = year(params.get('y1'), DEFAULT_VIEW.yearTo);
	if (yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
	const keys = (params.get('u') ?? '').split(',').filter((k) => parseUnitKey(k));
	const focus = params.get('f');
	const page = params.get('v') as Page | null;
	const brush = (params.get('yb') ?? '').split('-').map(Number);
	const report = params.get('rep');
	const highlight = /^(\d{1,9})-(\d{1,9})$/.exec(params.get('hl') ?? '');
	const brushValid =
		brush.length === 2 &&
		brush.every((y) => y >= yearFrom && y <= yearTo) &&
		brush[0]! <= brush[1]!;
	return {
		page: page && PAGES.includes(page) ? page : DEFAULT_VIEW.page,
		basis:
			params.get('b') === 'units2025' || params.get('b') === 'reported'
				? (params.get('b') as Basis)
				: defaultBasis(yearFrom, yearTo),
		province: province && parseUnitKey(province)?.code.length === 2 ? province : null,
		level: level && LEVELS.includes(level) ? level : DEFAULT_VIEW.level,
		yearFrom,
		yearTo,
		measure: isMeasureId(measure) ? measure : DEFAULT_VIEW.measure,
		form: FORMS.find((f) => f === params.get('fm')) ?? null,
		selected: [...new Set(keys)].slice(0, MAX_SELECTED),
		focus: focus && parseUnitKey(focus) ? focus : null,
		brush: brushValid ? [brush[0]!, brush[1]!] : null,
		report: report && REPORT_ID.test(report) ? report : null,
		highlight:
			highlight && Number(highlight[1]) <= Number(highlight[2])
				? [Number(highlight[1]), Number(highlight[2])]
				: null,
		lang: params.get('lang') === 'en' ? 'en' : 'vi',
	};
}

/** URL parameters for a view: the non-default choices only, in a fixed order. */
export function serializeViewState(view: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	if (view.page !== DEFAULT_VIEW.page) params.set('v', view.page);
	if (view.basis !== defaultBasis(view.yearFrom, view.yearTo)) params.set('b', view.basis);
	if (view.province) params.set('p', view.province);
	if (view.level !== DEFAULT_VIEW.level) params.set('lv', view.level);
	if (view.yearFrom !== DEFAULT_VIEW.yearFrom) params.set('y0', String(view.yearFrom));
	if (view.yearTo !== DEFAULT_VIEW.yearTo) params.set('y1', String(view.yearTo));
	if (view.measure !== DEFAULT_VIEW.measure) params.set('m', view.measure);
	if (view.form) params.set('fm', view.form);
	if (view.selected.length > 0) params.set('u', view.selected.join(','));
	if (view.focus) params.set('f', view.focus);
	if (view.brush) params.set('yb', `${view.brush[0]}-${view.brush[1]}`);
	if (view.report) params.set('rep', view.report);
	if (view.highlight) params.set('hl', `${view.highlight[0]}-${view.highlight[1]}`);
	if (view.lang !== DEFAULT_VIEW.lang) params.set('lang', view.lang);
	return params;
}
