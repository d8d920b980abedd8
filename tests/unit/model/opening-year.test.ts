import { describe, expect, test } from 'vitest';
import { openingYear } from '../../../src/model/opening-year.ts';

const simulated = (year: number) => ({ year, firstHand: false });
const reported = (year: number) => ({ year, firstHand: true });

describe('the year a unit detail opens at', () => {
	test('the asked year when the unit has figures then', () => {
		expect(openingYear([simulated(2023), simulated(2024)], 2024, 2024)).toEqual({
			year: 2024,
			reason: 'asked',
		});
	});

	test('an old district asked for 2026 opens at its last reported year, not its simulated ones', () => {
		const years = [simulated(2021), reported(2022), simulated(2023), simulated(2024)];
		expect(openingYear(years, 2026, 2024)).toEqual({ year: 2022, reason: 'lastFirstHand' });
	});

	test('with simulated figures only, the last year with figures', () => {
		expect(openingYear([simulated(2020), simulated(2023)], 2026, 2024)).toEqual({
			year: 2023,
			reason: 'lastFigures',
		});
	});

	test('a year after the asked one is never chosen; no figures: the last year of existence', () => {
		expect(openingYear([reported(2025)], 2022, 2026)).toEqual({
			year: 2022,
			reason: 'lastExisting',
		});
		expect(openingYear([], 2026, 2024)).toEqual({ year: 2024, reason: 'lastExisting' });
	});
});
