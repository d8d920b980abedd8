import { describe, expect, it } from 'vitest';
import { Random } from '../../../scripts/data/prng.ts';
import { plan, type PageState } from '../../../scripts/bench/plan.ts';

const state: PageState = {
	province: '',
	level: 'province',
	yearFrom: 2019,
	yearTo: 2025,
	measure: 'sessions_total',
	provinces: ['', '2025:01', '2025:79', '2023:01', '2023:24'],
	levels: [
		{ value: 'province', disabled: false },
		{ value: 'district', disabled: true },
		{ value: 'commune', disabled: false },
	],
	measures: ['sessions_total', 'resolution_rate', 'supervisions'],
	years: [2016, 2019, 2024, 2025, 2026],
	ranking: [{ key: '2025:01', pressed: false }],
	focused: false,
	charts: ['ranking', 'trend', 'heatmap'],
};

const sequence = (units: boolean, s = state) => {
	const random = new Random(7);
	return Array.from({ length: 300 }, () => plan(random, s, { units }));
};

describe('the interaction plan', () => {
	it('is the same sequence for the same seed and page', () => {
		expect(sequence(true)).toEqual(sequence(true));
	});

	it('changes the measure instead of clicking a row when rows are left out, and nothing else', () => {
		const withUnits = sequence(true);
		const without = sequence(false);
		expect(withUnits.some((p) => p.kind === 'select-unit')).toBe(true);
		expect(without.some((p) => p.kind.endsWith('-unit'))).toBe(false);
		without.forEach((p, i) => {
			const other = withUnits[i]!;
			if (!other.kind.endsWith('-unit')) expect(p).toEqual(other);
			else expect(p.kind).toBe('measure');
		});
	});

	it('waits only for charts the page shows, never picks a disabled level or the current value', () => {
		for (const p of sequence(false)) {
			expect(p.required.every((c) => state.charts.includes(c))).toBe(true);
			if (p.kind === 'level') expect(p.value).toBe('commune');
			if (p.kind === 'measure') expect(p.value).not.toBe(state.measure);
			if (p.kind === 'province' && p.value !== '') expect(p.value.startsWith('2025:')).toBe(true);
			if (p.kind === 'year-from') expect(Number(p.value)).toBeLessThan(state.yearTo);
		}
	});

	it('over a single year, a last year before it waits only for the charts of the range', () => {
		const single = { ...state, yearFrom: 2024, yearTo: 2024, charts: ['tiles', ...state.charts] };
		const yearTo = sequence(false, single).filter((p) => p.kind === 'year-to');
		const before = yearTo.filter((p) => Number(p.value) < 2024);
		const after = yearTo.filter((p) => Number(p.value) > 2024);
		expect(before.length).toBeGreaterThan(0);
		expect(after.length).toBeGreaterThan(0);
		// The swap keeps 2024 as the last year: the tiles and the ranking have nothing new to draw.
		for (const p of before) expect(p.required).toEqual(['trend', 'heatmap']);
		for (const p of after) expect(p.required).toEqual(['tiles', 'ranking', 'trend', 'heatmap']);
	});
});
