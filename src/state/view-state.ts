/**
 * What the user chose on the dashboard, and its form in the URL. Only choices that differ from the
 * defaults are written, so a shared URL is short and rebuilds the same view.
 */
import { isMeasureId, type MeasureId } from '../model/measures.ts';
import { FIRST_YEAR, LAST_YEAR } from '../model/periods.ts';
import { LEVELS, parseUnitKey, type UnitLevel } from '../model/units.ts';
import type { Lang } from '../i18n/format.ts';

export interface ViewState {
	province: string | null;
	level: UnitLevel;
	yearFrom: number;
	yearTo: number;
	measure: MeasureId;
	/** Units chosen for the trend chart, in the order chosen. */
	selected: string[];
	/** The unit whose details are open. */
	focus: string | null;
	lang: Lang;
}

export const DEFAULT_VIEW: Readonly<ViewState> = {
	province: null,
	level: 'province',
	yearFrom: 2019,
	yearTo: LAST_YEAR,
	measure: 'sessions_total',
	selected: [],
	focus: null,
	lang: 'vi',
};

/** The most units the trend chart draws; more would be unreadable. */
export const MAX_SELECTED = 8;

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
	return {
		province: province && parseUnitKey(province)?.code.length === 2 ? province : null,
		level: level && LEVELS.includes(level) ? level : DEFAULT_VIEW.level,
		yearFrom,
		yearTo,
		measure: isMeasureId(measure) ? measure : DEFAULT_VIEW.measure,
		selected: [...new Set(keys)].slice(0, MAX_SELECTED),
		focus: focus && parseUnitKey(focus) ? focus : null,
		lang: params.get('lang') === 'en' ? 'en' : 'vi',
	};
}

/** URL parameters for a view: the non-default choices only, in a fixed order. */
export function serializeViewState(view: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	if (view.province) params.set('p', view.province);
	if (view.level !== DEFAULT_VIEW.level) params.set('lv', view.level);
	if (view.yearFrom !== DEFAULT_VIEW.yearFrom) params.set('y0', String(view.yearFrom));
	if (view.yearTo !== DEFAULT_VIEW.yearTo) params.set('y1', String(view.yearTo));
	if (view.measure !== DEFAULT_VIEW.measure) params.set('m', view.measure);
	if (view.selected.length > 0) params.set('u', view.selected.join(','));
	if (view.focus) params.set('f', view.focus);
	if (view.lang !== DEFAULT_VIEW.lang) params.set('lang', view.lang);
	return params;
}
