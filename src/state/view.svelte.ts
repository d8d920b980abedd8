/**
 * The dashboard's shared state: one rune object per page, handed down by context.
 * It holds the user's choices; everything shown is derived from them.
 */
import { getContext, setContext } from 'svelte';
import { interpolate, type Lang } from '../i18n/format.ts';
import { en, vi, type MessageKey } from '../i18n/messages.ts';
import type { Bilingual } from '../model/metrics.ts';
import { schemeOfYear, type UnitLevel } from '../model/units.ts';
import { DEFAULT_VIEW, MAX_SELECTED, serializeViewState, type ViewState } from './view-state.ts';

const CATALOGUES = { vi, en } as const;

export class View {
	state: ViewState = $state({ ...DEFAULT_VIEW, selected: [] });

	constructor(initial: ViewState) {
		this.state = initial;
	}

	get lang(): Lang {
		return this.state.lang;
	}

	/** A message of the current language with its placeholders filled. */
	t = (key: MessageKey, params?: Record<string, string | number>): string =>
		interpolate(CATALOGUES[this.state.lang][key], params);

	/** The current language's side of a bilingual text. */
	pick = (text: Bilingual): string => text[this.state.lang];

	setProvince(province: string | null): void {
		this.state.province = province;
		// Picking a province means looking inside it: go one level down from the province level.
		if (province && this.state.level === 'province') {
			this.state.level = schemeOfYear(this.state.yearTo) === '2025' ? 'commune' : 'district';
		}
		this.state.selected = [];
		this.state.focus = null;
	}

	setLevel(level: UnitLevel): void {
		this.state.level = level;
		this.state.selected = [];
		this.state.focus = null;
	}

	setYears(yearFrom: number, yearTo: number): void {
		this.state.yearFrom = Math.min(yearFrom, yearTo);
		this.state.yearTo = Math.max(yearFrom, yearTo);
	}

	/** Add a unit to the trend chart (and open its details), or take it out if it is already there. */
	toggleUnit(key: string): void {
		const selected = this.state.selected;
		if (selected.includes(key)) {
			this.state.selected = selected.filter((k) => k !== key);
			if (this.state.focus === key) this.state.focus = null;
		} else {
			this.state.selected = [...selected, key].slice(-MAX_SELECTED);
			this.state.focus = key;
		}
	}

	clearSelection(): void {
		this.state.selected = [];
		this.state.focus = null;
	}

	/** The URL query string for the current choices. */
	toQuery(): string {
		const query = serializeViewState(this.state).toString();
		return query ? `?${query}` : '';
	}
}

const KEY = Symbol('view');

export function setView(view: View): View {
	return setContext(KEY, view);
}

export function getView(): View {
	return getContext<View>(KEY);
}
