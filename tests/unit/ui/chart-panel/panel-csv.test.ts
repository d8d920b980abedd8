import { describe, expect, test } from 'vitest';
import type { FigureScope } from '../../../../src/db/source-queries.ts';
import type { CountedSource } from '../../../../src/export/describe.ts';
import {
	csvComments,
	dataTableCells,
	sourceScope,
} from '../../../../src/ui/chart-panel/panel-csv.ts';

const source = (id: string, figures: number): CountedSource => ({
	id,
	kind: 'report',
	title: `Báo cáo ${id}`,
	publisher: null,
	date: null,
	figures,
});

const chartScope: FigureScope = {
	basis: 'units2025',
	measure: 'sessions_total',
	from: 2025,
	to: 2025,
	units: ['2025:01'],
};
const tableScope: FigureScope = { ...chartScope, units: ['2025:01', '2025:04'] };

describe("a chart panel's CSV", () => {
	test('the rows of the chart data: its column labels, then its rows as they are', () => {
		const format = (v: number | null) => String(v);
		expect(
			dataTableCells({
				columns: [{ label: 'Đơn vị' }, { label: 'Số kỳ họp', format }],
				rows: [
					['Tỉnh Sơn La', 12],
					['Tỉnh Lào Cai', null],
				],
			}),
		).toEqual([
			['Đơn vị', 'Số kỳ họp'],
			['Tỉnh Sơn La', 12],
			['Tỉnh Lào Cai', null],
		]);
	});

	test("the table's own rows name its sources, else the chart's; the chart always names its own", () => {
		expect(sourceScope(chartScope, tableScope, true)).toBe(tableScope);
		expect(sourceScope(chartScope, undefined, true)).toBe(chartScope);
		expect(sourceScope(chartScope, tableScope, false)).toBe(chartScope);
		// A chart that draws nothing now names no source; one that cannot say stays undefined.
		expect(sourceScope(null, undefined, true)).toBeNull();
		expect(sourceScope(undefined, undefined, false)).toBeUndefined();
	});

	test('comments: the notes, one line per source, then the credits', () => {
		const comments = csvComments(
			['Bình quân mỗi HĐND'],
			[source('a', 3), source('b', 1)],
			(s) => `Nguồn: ${s.title}: ${s.figures} số liệu`,
			[{ id: 'boundaries-2025', text: 'Ranh giới: MIT', licence: 'MIT', licenceUrl: 'x' }],
		);
		expect(comments).toEqual([
			'Bình quân mỗi HĐND',
			'Nguồn: Báo cáo a: 3 số liệu',
			'Nguồn: Báo cáo b: 1 số liệu',
			'Ranh giới: MIT',
		]);
		expect(csvComments([], null, () => 'never', [])).toEqual([]);
	});
});
