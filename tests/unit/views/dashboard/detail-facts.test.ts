import { describe, expect, test } from 'vitest';
import {
	countedSources,
	sourcesOf,
	type FactRow,
} from '../../../../src/views/dashboard/detail-facts.ts';

const row = (over: Partial<FactRow>): FactRow => ({
	year: 2022,
	source_id: 'sim',
	period: 'year',
	month: null,
	term: null,
	scope: 'own',
	qualifier: null,
	note: null,
	source_kind: 'simulated',
	source_title: 'Số liệu mô phỏng',
	source_publisher: null,
	source_date: null,
	source_url: null,
	...over,
});

const report = {
	source_id: 'report-1',
	source_kind: 'imported' as const,
	source_title: 'Báo cáo giao ban 6 tháng',
	source_publisher: 'Thường trực HĐND',
	source_date: '2022-07-05',
};

describe('countedSources', () => {
	test('counts the figures each source gave, not its rows, and puts the largest first', () => {
		const rows = [
			row({ sessions_regular: 2, sessions_thematic: null }),
			row({
				...report,
				period: 'h1',
				sessions_regular: 1,
				sessions_thematic: 3,
				petitions_received: 40,
			}),
			row({ ...report, period: 'h1', scope: 'subunits', sessions_regular: 12 }),
		];
		expect(countedSources(rows)).toEqual([
			{
				id: 'report-1',
				kind: 'imported',
				title: report.source_title,
				publisher: report.source_publisher,
				date: report.source_date,
				figures: 4,
			},
			{
				id: 'sim',
				kind: 'simulated',
				title: 'Số liệu mô phỏng',
				publisher: null,
				date: null,
				figures: 1,
			},
		]);
	});

	test('no rows, no sources', () => {
		expect(countedSources([])).toEqual([]);
	});
});

describe('sourcesOf', () => {
	test('each source once, in the order of its first fact, with the notes of all its rows', () => {
		const first = row({ ...report, note: 'Số liệu tính đến 30/6' });
		const sim = row({});
		const second = row({ ...report, scope: 'subunits', note: null });
		const third = row({ ...report, period: 'm9', note: 'Ước tính' });
		const sources = sourcesOf([first, sim, second, third]);
		expect(sources.map((s) => s.id)).toEqual(['report-1', 'sim']);
		expect(sources[0]!.notes).toEqual(['Số liệu tính đến 30/6', 'Ước tính']);
		expect(sources[0]!.facts).toEqual([first, second, third]);
		expect(sources[1]!.facts).toEqual([sim]);
	});
});
