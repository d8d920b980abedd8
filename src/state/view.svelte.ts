/**
 * The dashboard's shared state: one rune object per page, handed down by context.
 * It holds the user's choices; everything shown is derived from them.
 */
import { getContext, setContext } from 'svelte';
import { interpolate, type Lang } from '../i18n/format.ts';
import { en, vi, type MessageKey } from '../i18n/messages.ts';
import type { Bilingual } from '../model/metrics.ts';
import type { Form } from '../model/comparable.ts';
import { FIRST_YEAR_OF_2025_SCHEME, schemeOfYear, type UnitLevel } from '../model/units.ts';
import {
	DEFAULT_VIEW,
	MAX_SELECTED,
	serializeViewState,
	type Basis,
	type Page,
	type ViewState,
} from './view-state.ts';

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

	/** The scheme whose units the last year of the range is shown with. */
	get endScheme(): '2023' | '2025' {
		return this.state.basis === 'units2025' ? '2025' : schemeOfYear(this.state.yearTo);
	}

	/** The year range crosses 1 July 2025, so the basis choice matters. */
	get crossesReorganisation(): boolean {
		return (
			this.state.yearFrom < FIRST_YEAR_OF_2025_SCHEME &&
			this.state.yearTo >= FIRST_YEAR_OF_2025_SCHEME
		);
	}

	setPage(page: Page): void {
		this.state.page = page;
	}

	/** Open an extracted report on the extract page, with a span of its text highlighted. */
	openReport(report: string, highlight: [number, number] | null = null): void {
		this.state.report = report;
		this.state.highlight = highlight;
		this.state.page = 'extract';
	}

	/** Show counts as territory totals or per council (null: the default for the range). */
	setForm(form: Form | null): void {
		this.state.form = form;
	}

	/**
	 * Switch the basis. A chosen unit is kept as what it is on the units now shown: an old unit becomes its
	 * successor(s) and a new unit its predecessor(s), through `counterparts` (the crosswalk); only a unit
	 * with no counterpart at all is dropped.
	 */
	setBasis(
		basis: Basis,
		counterparts: (key: string, scheme: '2023' | '2025') => string[] = (key) => [key],
	): void {
		this.state.basis = basis;
		this.#keepLevelValid();
		this.#mapSelection(this.endScheme, counterparts);
	}

	/**
	 * On the 2025 units, a chosen old unit (from a shared URL, say) stands for its successors: the views
	 * show only the new units. As reported, old and new units both have years, so nothing is mapped.
	 */
	adoptShownUnits(counterparts: (key: string, scheme: '2023' | '2025') => string[]): void {
		if (this.state.basis !== 'units2025') return;
		if (this.state.selected.every((k) => k.startsWith('2025:'))) return;
		this.#mapSelection('2025', counterparts);
	}

	#mapSelection(
		scheme: '2023' | '2025',
		counterparts: (key: string, scheme: '2023' | '2025') => string[],
	): void {
		const mapped = this.state.selected.flatMap((key) => counterparts(key, scheme));
		this.state.selected = [...new Set(mapped)].slice(0, MAX_SELECTED);
		const focus = this.state.focus ? counterparts(this.state.focus, scheme)[0] : undefined;
		this.state.focus = focus && this.state.selected.includes(focus) ? focus : null;
	}

	/** Brush a span of years (null clears it); kept inside the year range. */
	setBrush(brush: [number, number] | null): void {
		if (!brush) {
			this.state.brush = null;
			return;
		}
		const from = Math.max(this.state.yearFrom, Math.min(brush[0], brush[1]));
		const to = Math.min(this.state.yearTo, Math.max(brush[0], brush[1]));
		this.state.brush = from <= to ? [from, to] : null;
	}

	/** The district level only exists where the shown units are of the old list. */
	#keepLevelValid(): void {
		if (this.state.level === 'district' && this.endScheme === '2025') this.state.level = 'commune';
	}

	setProvince(province: string | null): void {
		this.state.province = province;
		// Picking a province means looking inside it: go one level down from the province level.
		if (province && this.state.level === 'province') {
			this.state.level = this.endScheme === '2025' ? 'commune' : 'district';
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
		const brush = this.state.brush;
		if (brush) this.setBrush(brush);
		if (
			!this.crossesReorganisation &&
			this.state.basis === 'units2025' &&
			this.state.yearTo >= 2025
		) {
			// Within the 2025 list alone, both bases are the same figures; keep the URL honest.
			this.state.basis = 'reported';
		}
		this.#keepLevelValid();
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
		this.state.brush = null;
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
