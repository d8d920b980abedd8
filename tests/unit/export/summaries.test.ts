import { describe, expect, test } from 'vitest';
import {
	heatmapSummary,
	highLowSummary,
	peersSummary,
	rankSummary,
	totalsSummary,
	trendSummary,
	type SummaryContext,
} from '../../../src/export/summaries.ts';
import { formatNumber, interpolate } from '../../../src/i18n/format.ts';
import { en, vi, type MessageKey } from '../../../src/i18n/messages.ts';

function context(lang: 'vi' | 'en' = 'vi'): SummaryContext {
	const catalogue = lang === 'vi' ? vi : en;
	return {
		t: (key: MessageKey, params?: Record<string, string | number>) =>
			interpolate(catalogue[key], params),
		format: (v) => formatNumber(v, lang),
		lang,
	};
}

describe('summaries in words', () => {
	test('highest and lowest unit, and how many reported', () => {
		const rows = [
			{ label: 'Tỉnh Sơn La', value: 12 },
			{ label: 'Tỉnh Điện Biên', value: null },
			{ label: 'Thành phố Huế', value: 1234.5 },
			{ label: 'Tỉnh Lào Cai', value: 2 },
		];
		expect(highLowSummary(rows, context())).toBe(
			'Cao nhất: Thành phố Huế (1.234,5); thấp nhất: Tỉnh Lào Cai (2). 3/4 đơn vị có số liệu.',
		);
		expect(highLowSummary(rows, context('en'))).toBe(
			'Highest: Thành phố Huế (1,234.5); lowest: Tỉnh Lào Cai (2). 3 of 4 units have figures.',
		);
	});

	test('no figures says so, never zero', () => {
		expect(highLowSummary([{ label: 'A', value: null }], context())).toBe('Chưa có số liệu.');
		expect(trendSummary([], [2019, 2020], context())).toBe('Chưa có số liệu.');
		expect(totalsSummary([{ year: 2020, value: null }], context())).toBe('Chưa có số liệu.');
	});

	test('change of each line from its first to its last reported year', () => {
		const years = [2019, 2020, 2021];
		const text = trendSummary(
			[
				{ label: 'Huyện Thạch Thất', values: [5, null, 8] },
				{ label: 'Quận Đống Đa', values: [9, 7, 7] },
				{ label: 'Xã Mới', values: [null, null, 4] },
				{ label: 'Xã Cũ', values: [null, 3, 6] },
				{ label: 'Xã Khác', values: [1, 1, 1] },
			],
			years,
			context(),
		);
		expect(text).toBe(
			'Từ 2019 đến 2021: Huyện Thạch Thất tăng từ 5 lên 8; Quận Đống Đa giảm từ 9 xuống 7; ' +
				'Xã Mới chỉ có số liệu năm 2021 (4) và 2 đường khác.',
		);
		expect(trendSummary([{ label: 'Xã Cũ', values: [null, 3, 6] }], years, context())).toBe(
			'Từ 2019 đến 2021: Xã Cũ tăng từ 3 (2020) lên 6 (2021).',
		);
	});

	test('totals: the last year, its change and the peak', () => {
		const columns = [
			{ year: 2024, value: 400 },
			{ year: 2025, value: 200 },
			{ year: 2026, value: 220 },
		];
		expect(totalsSummary(columns, context())).toBe(
			'Năm 2026: 220, +10,0% so với năm 2025; cao nhất là năm 2024 (400).',
		);
	});

	test('heatmap: the highest cell and the cells not reported; absent years do not count', () => {
		const values: Record<string, (number | null | undefined)[]> = {
			a: [1, null, 5],
			b: [undefined, 7, null],
		};
		const text = heatmapSummary(
			[
				{ key: 'a', label: 'Xã A' },
				{ key: 'b', label: 'Xã B' },
			],
			[2024, 2025, 2026],
			(key, year) => values[key]![year - 2024],
			context(),
		);
		expect(text).toBe('Ô cao nhất: Xã B, năm 2025 (7). 2 ô chưa báo cáo.');
	});

	test('a unit among its peers and its rank over the years', () => {
		const rows = [
			{ key: 'a', label: 'Xã A', value: 9, rank: 1 },
			{ key: 'b', label: 'Xã B', value: 5, rank: 2 },
			{ key: 'c', label: 'Xã C', value: null, rank: null },
		];
		expect(peersSummary(rows, 'b', context())).toBe(
			'Xã B xếp thứ 2/2 (5). Cao nhất: Xã A (9); thấp nhất: Xã B (5). 2/3 đơn vị có số liệu.',
		);
		expect(
			rankSummary(
				'Xã B',
				[
					{ year: 2019, rank: 5 },
					{ year: 2020, rank: null },
					{ year: 2021, rank: 3 },
				],
				context(),
			),
		).toBe('Xã B: hạng 5 năm 2019, hạng 3 năm 2021.');
	});
});
