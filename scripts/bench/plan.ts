/**
 * The next interaction of the seeded sequence, from what a page shows (its filter menus, its charts and
 * the ranking's rows). Pure, so that two pages that expose the same menus (the app, and the Mosaic page
 * of scripts/bench/mosaic.ts) go through the same sequence for the same seed.
 */
import type { Random } from '../data/prng.ts';

export type InteractionKind =
	'year-to' | 'year-from' | 'measure' | 'province' | 'level' | 'select-unit' | 'deselect-unit';

export interface PageState {
	province: string;
	level: string;
	yearFrom: number;
	yearTo: number;
	measure: string;
	provinces: string[];
	levels: { value: string; disabled: boolean }[];
	measures: string[];
	years: number[];
	/** Ranking rows on screen: unit key and whether it is followed. */
	ranking: { key: string; pressed: boolean }[];
	focused: boolean;
	/** `data-chart` of every chart on screen. */
	charts: string[];
}

export interface Plan {
	kind: InteractionKind;
	value: string;
	required: string[];
}

export interface PlanOptions {
	/**
	 * Whether clicking a ranking row is part of the sequence. Without it the rolls that would click a row
	 * change the measure instead, so a page without clickable rows consumes the same random numbers.
	 */
	units: boolean;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random.next() * items.length)]!;

/** The next interaction for the page's current state. */
export function plan(random: Random, s: PageState, options: PlanOptions = { units: true }): Plan {
	const shown = (...charts: string[]) => charts.filter((c) => s.charts.includes(c));
	// Charts that show the filtered units: every filter change redraws them.
	const all = shown('tiles', 'ranking', 'trend', 'heatmap', 'totals');
	const measureChange = (): Plan => ({
		kind: 'measure',
		value: pick(
			random,
			s.measures.filter((m) => m !== s.measure),
		),
		required: shown('ranking', 'trend', 'heatmap', 'totals'),
	});
	const roll = random.next();
	if (roll < 0.2) {
		// Districts exist until 2024; keep the chosen level meaningful.
		const years = s.years.filter((y) => y !== s.yearTo && (s.level !== 'district' || y <= 2024));
		const year = pick(random, years);
		// A last year before the first swaps the two (View.setYears): over a single year, the last year
		// stays and only the first moves, so only the charts of the range redraw (as for year-from).
		const lastStays = year < s.yearFrom && s.yearFrom === s.yearTo;
		return {
			kind: 'year-to',
			value: String(year),
			required: lastStays ? shown('trend', 'heatmap', 'totals') : [...all, ...shown('unit-detail')],
		};
	}
	if (roll < 0.3) {
		const years = s.years.filter((y) => y !== s.yearFrom && y < s.yearTo);
		if (years.length > 0) {
			return {
				kind: 'year-from',
				value: String(pick(random, years)),
				required: shown('trend', 'heatmap', 'totals'),
			};
		}
	}
	if (roll < 0.55) return measureChange();
	if (roll < 0.72) {
		// Provinces of the list valid in the last year shown; sometimes back to the whole country.
		const scheme = s.yearTo >= 2025 ? '2025:' : '2023:';
		const candidates = s.provinces.filter((p) => p !== s.province && p.startsWith(scheme));
		const value = random.next() < 0.2 && s.province !== '' ? '' : pick(random, candidates);
		return { kind: 'province', value, required: all };
	}
	if (roll < 0.82) {
		const levels = s.levels.filter((l) => !l.disabled && l.value !== s.level).map((l) => l.value);
		if (levels.length > 0) return { kind: 'level', value: pick(random, levels), required: all };
	}
	const rows = options.units ? s.ranking.slice(0, 12) : [];
	if (rows.length === 0) return measureChange();
	const row = pick(random, rows);
	return row.pressed
		? { kind: 'deselect-unit', value: row.key, required: shown('trend', 'heatmap') }
		: {
				kind: 'select-unit',
				value: row.key,
				required: [...shown('trend', 'heatmap'), 'unit-detail'],
			};
}
