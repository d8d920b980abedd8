import { describe, expect, test } from 'vitest';
import { en, vi } from '../../../../../src/i18n/messages.ts';
import {
	COVERAGE_STATES,
	coverageCounts,
	coverageRows,
	STATE_LABELS,
	type CoverageCell,
} from '../../../../../src/views/data/coverage/coverage-layout.ts';

const cell = (unit_key: string, year: number, over: Partial<CoverageCell> = {}): CoverageCell => ({
	unit_key,
	year,
	state: 'simulated',
	source_id: 'simulated-v1',
	...over,
});

describe('coverageRows', () => {
	test('one row per unit in the order the query gave, one cell per year of the range', () => {
		const rows = coverageRows(
			[
				cell('2023:276', 2022, { state: 'reported', source_id: 'report-1' }),
				cell('2023:276', 2023, { state: 'imported', source_id: 'import-a' }),
				cell('2023:001', 2022, { state: 'missing', source_id: null }),
				cell('2023:001', 2023),
			],
			[2022, 2023],
		);
		expect(rows).toEqual([
			{
				key: '2023:276',
				cells: [
					{ year: 2022, state: 'reported', sourceId: 'report-1' },
					{ year: 2023, state: 'imported', sourceId: 'import-a' },
				],
			},
			{
				key: '2023:001',
				cells: [
					{ year: 2022, state: 'missing', sourceId: null },
					{ year: 2023, state: 'simulated', sourceId: 'simulated-v1' },
				],
			},
		]);
	});

	test('a year the query has no cell for is absent; cells outside the range are left out', () => {
		const rows = coverageRows([cell('2025:01', 2025), cell('2025:01', 2030)], [2024, 2025, 2026]);
		expect(rows).toEqual([
			{
				key: '2025:01',
				cells: [
					{ year: 2024, state: 'absent', sourceId: null },
					{ year: 2025, state: 'simulated', sourceId: 'simulated-v1' },
					{ year: 2026, state: 'absent', sourceId: null },
				],
			},
		]);
	});

	test('no cells, no rows', () => {
		expect(coverageRows([], [2023])).toEqual([]);
	});
});

describe('coverageCounts', () => {
	test('every state of every year, 0 where the query counted none', () => {
		const counts = coverageCounts(
			[
				{ year: 2022, state: 'simulated', units: 29 },
				{ year: 2022, state: 'missing', units: 1 },
				{ year: 2023, state: 'reported', units: 2 },
				{ year: 2019, state: 'reported', units: 5 },
			],
			[2022, 2023],
		);
		expect([...counts.keys()]).toEqual([2022, 2023]);
		expect(counts.get(2022)).toEqual({
			reported: 0,
			imported: 0,
			simulated: 29,
			missing: 1,
			absent: 0,
		});
		expect(counts.get(2023)).toEqual({
			reported: 2,
			imported: 0,
			simulated: 0,
			missing: 0,
			absent: 0,
		});
	});

	test('years are not shared: a count changes only its own year', () => {
		const counts = coverageCounts([{ year: 2022, state: 'absent', units: 3 }], [2021, 2022]);
		expect(counts.get(2021)!.absent).toBe(0);
		expect(counts.get(2022)!.absent).toBe(3);
	});
});

describe('STATE_LABELS', () => {
	test('each state has its own name in both languages', () => {
		const keys = COVERAGE_STATES.map((s) => STATE_LABELS[s]);
		expect(new Set(keys).size).toBe(COVERAGE_STATES.length);
		for (const key of keys) {
			expect(vi[key]).toBeTruthy();
			expect(en[key]).toBeTruthy();
		}
		expect(en[STATE_LABELS.imported]).toBe('Imported');
		expect(en[STATE_LABELS.absent]).toBe('Unit did not exist that year');
	});
});
