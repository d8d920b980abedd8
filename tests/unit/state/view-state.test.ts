import { describe, expect, test } from 'vitest';
import {
	DEFAULT_VIEW,
	MAX_SELECTED,
	parseViewState,
	serializeViewState,
	type ViewState,
} from '../../../src/state/view-state.ts';

describe('view state in the URL', () => {
	test('defaults write nothing', () => {
		expect(serializeViewState({ ...DEFAULT_VIEW, selected: [] }).toString()).toBe('');
		expect(parseViewState(new URLSearchParams())).toEqual(DEFAULT_VIEW);
	});

	test('a chosen view survives the round trip through the URL', () => {
		const view: ViewState = {
			page: 'compare',
			basis: 'units2025',
			province: '2023:01',
			level: 'district',
			yearFrom: 2016,
			yearTo: 2022,
			measure: 'supervisions',
			form: 'perCouncil',
			selected: ['2023:276', '2023:006'],
			focus: '2023:276',
			brush: [2019, 2021],
			report: null,
			highlight: null,
			lang: 'en',
		};
		const query = serializeViewState(view).toString();
		expect(query).toBe(
			'v=compare&b=units2025&p=2023%3A01&lv=district&y0=2016&y1=2022&m=supervisions&fm=perCouncil&u=2023%3A276%2C2023%3A006&f=2023%3A276&yb=2019-2021&lang=en',
		);
		expect(parseViewState(new URLSearchParams(query))).toEqual(view);
	});

	test('malformed parameters fall back to defaults instead of breaking the page', () => {
		const parsed = parseViewState(
			new URLSearchParams(
				'p=2023:276&lv=hamlet&y0=1990&y1=abc&m=DROP&u=x,2025:01,2025:01&f=zz&lang=fr',
			),
		);
		expect(parsed.province).toBeNull(); // a district is not a province
		expect(parsed.level).toBe(DEFAULT_VIEW.level);
		expect(parsed.yearFrom).toBe(DEFAULT_VIEW.yearFrom);
		expect(parsed.yearTo).toBe(DEFAULT_VIEW.yearTo);
		expect(parsed.measure).toBe(DEFAULT_VIEW.measure);
		expect(parsed.selected).toEqual(['2025:01']);
		expect(parsed.focus).toBeNull();
		expect(parsed.lang).toBe('vi');
	});

	test('a reversed year range is put in order, and selections are capped', () => {
		const keys = Array.from({ length: 12 }, (_, i) => `2025:${String(i + 1).padStart(2, '0')}`);
		const parsed = parseViewState(new URLSearchParams(`y0=2024&y1=2018&u=${keys.join(',')}`));
		expect([parsed.yearFrom, parsed.yearTo]).toEqual([2018, 2024]);
		expect(parsed.selected).toHaveLength(MAX_SELECTED);
	});

	test('the extract page opens a report with a sentence highlighted', () => {
		const view: ViewState = {
			...DEFAULT_VIEW,
			page: 'extract',
			report: 'report-20261123T070512123Z-01a2b3c',
			highlight: [120, 184],
		};
		const query = serializeViewState(view).toString();
		expect(query).toBe('v=extract&rep=report-20261123T070512123Z-01a2b3c&hl=120-184');
		expect(parseViewState(new URLSearchParams(query))).toEqual(view);
	});

	test('a malformed report id or highlight is dropped, the rest of the view kept', () => {
		for (const [rep, hl] of [
			['seed-000', '184-120'],
			["report-x'; DROP", '12'],
			['report-', 'a-b'],
			['', '-5-9'],
		]) {
			const parsed = parseViewState(new URLSearchParams({ v: 'extract', rep: rep!, hl: hl! }));
			expect(parsed.page).toBe('extract');
			expect(parsed.report).toBeNull();
			expect(parsed.highlight).toBeNull();
		}
		expect(parseViewState(new URLSearchParams('hl=7-7')).highlight).toEqual([7, 7]);
	});
});
