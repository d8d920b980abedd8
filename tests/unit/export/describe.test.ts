import { describe, expect, test } from 'vitest';
import {
	countedSourcesLine,
	filterSubtitle,
	mergeCountedSources,
	sourcesFor,
	sourcesLine,
	stampLine,
	type FilterFacts,
} from '../../../src/export/describe.ts';
import { interpolate } from '../../../src/i18n/format.ts';
import { en, vi, type MessageKey } from '../../../src/i18n/messages.ts';

const tVi = (key: MessageKey, params?: Record<string, string | number>) =>
	interpolate(vi[key], params);
const tEn = (key: MessageKey, params?: Record<string, string | number>) =>
	interpolate(en[key], params);

const facts: FilterFacts = {
	measure: 'Tổng số kỳ họp',
	area: 'Toàn quốc',
	level: 'Cấp tỉnh',
	yearFrom: 2019,
	yearTo: 2026,
	brush: null,
	basis: 'reported',
	selected: [],
};

describe('the subtitle names the active filters', () => {
	test('measure, area and level, years, basis', () => {
		expect(filterSubtitle(facts, tVi, 'vi')).toBe(
			'Tổng số kỳ họp · Toàn quốc, cấp tỉnh · năm 2019–2026 · Như báo cáo (đơn vị cũ đến 2024)',
		);
	});

	test('brushed years, the re-aggregated basis and the chosen units', () => {
		const text = filterSubtitle(
			{
				...facts,
				area: 'Thành phố Hà Nội',
				level: 'Cấp xã',
				brush: [2021, 2023],
				basis: 'units2025',
				selected: ['Xã Thạch Thất', 'Phường Đống Đa'],
			},
			tVi,
			'vi',
		);
		expect(text).toBe(
			'Tổng số kỳ họp · Thành phố Hà Nội, cấp xã · năm 2019–2026 · các năm được chọn 2021–2023 · ' +
				'Quy về đơn vị từ 01/7/2025 · đơn vị được chọn: Xã Thạch Thất, Phường Đống Đa',
		);
	});

	test('one year, no area (the comparison screen), in English', () => {
		expect(filterSubtitle({ ...facts, area: null, yearFrom: 2024, yearTo: 2024 }, tEn, 'en')).toBe(
			'Tổng số kỳ họp · 2024 · As reported (old units up to 2024)',
		);
	});
});

describe('the footer', () => {
	const sources = [
		{ kind: 'simulated', title: 'Mô phỏng toàn quốc', publisher: null, date: null },
		{ kind: 'reported', title: 'Kỳ họp HĐND huyện', publisher: 'Báo Hà Nội', date: '2022-12-20' },
	];

	test('sources of the kinds a chart shows, with publisher and Vietnamese date', () => {
		const kind = (k: string) => (k === 'simulated' ? 'Mô phỏng' : 'Báo cáo');
		expect(sourcesFor(sources, { simulated: true, reported: false })).toHaveLength(1);
		expect(sourcesFor(sources, { simulated: false, reported: false })).toHaveLength(2);
		expect(sourcesLine(sources, kind, tVi, 'vi')).toBe(
			'Nguồn: Mô phỏng: Mô phỏng toàn quốc; Báo cáo: Kỳ họp HĐND huyện (Báo Hà Nội, 20/12/2022); ' +
				'Danh mục đơn vị hành chính: Tổng cục Thống kê',
		);
	});

	test('the export date as dd/mm/yyyy and the link', () => {
		expect(stampLine(new Date(2026, 10, 3), 'http://x/?v=compare', tVi, 'vi')).toBe(
			'Xuất ngày 03/11/2026 · Xem tại: http://x/?v=compare',
		);
	});
});

describe('the sources of the figures drawn, counted', () => {
	const kind = (k: string) => ({ simulated: 'Mô phỏng', reported: 'Báo cáo' })[k] ?? k;
	const sim = {
		id: 'simulated-v1',
		kind: 'simulated',
		title: 'Bộ dữ liệu mô phỏng',
		publisher: null,
		date: null,
		figures: 29,
	};
	const report = {
		id: 'seed-000',
		kind: 'reported',
		title: 'Giao ban HĐND huyện',
		publisher: 'Trang tin huyện',
		date: '2023-01-05',
		figures: 1,
	};

	test('each source with its number of figures, and the unit list', () => {
		expect(countedSourcesLine([sim, report], kind, tVi, 'vi')).toBe(
			'Nguồn: Mô phỏng: Bộ dữ liệu mô phỏng: 29 số liệu; Báo cáo: Giao ban HĐND huyện (Trang tin huyện, 05/01/2023): 1 số liệu; Danh mục đơn vị hành chính: Tổng cục Thống kê',
		);
		expect(countedSourcesLine([report], kind, tEn, 'en')).toContain(': 1 figure;');
		expect(countedSourcesLine([], kind, tVi, 'vi')).toBe(
			'Nguồn: biểu đồ không có số liệu nào; Danh mục đơn vị hành chính: Tổng cục Thống kê',
		);
	});

	test('a long list says how many, by kind, and where the full list is', () => {
		const many = Array.from({ length: 7 }, (_, i) => ({
			...report,
			id: `report-${i}`,
			figures: 2,
		}));
		const line = countedSourcesLine([sim, ...many], kind, tVi, 'vi');
		expect(line).toMatch(
			/^Nguồn: 8 nguồn cho 43 số liệu \(Mô phỏng: 29 số liệu; Báo cáo: 14 số liệu\)/,
		);
		expect(line).toContain('siêu dữ liệu');
		expect(line).not.toContain('Giao ban');
	});

	test('on a sheet each source once, with the most figures one part takes from it', () => {
		expect(
			mergeCountedSources([[report, sim], [{ ...report, figures: 40 }]]).map((s) => [
				s.id,
				s.figures,
			]),
		).toEqual([
			['seed-000', 40],
			['simulated-v1', 29],
		]);
	});
});
