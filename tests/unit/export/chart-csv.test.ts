// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
	csvCell,
	exportFileName,
	imageFileName,
	tableCells,
	toCsv,
} from '../../../src/export/chart-csv.ts';

describe('chart data as CSV', () => {
	test('a byte-order mark, a header row, CRLF, machine numbers, empty when not reported', () => {
		const text = toCsv([
			['Đơn vị', 'Giá trị'],
			['Xã Thạch Thất', 1234.5],
			['Phường "Mới", Hà Nội', null],
		]);
		expect(text).toBe(
			'\uFEFFĐơn vị,Giá trị\r\nXã Thạch Thất,1234.5\r\n"Phường ""Mới"", Hà Nội",\r\n',
		);
	});

	test('the sources go first as "#" comment lines, one line each', () => {
		const text = toCsv(
			[['Đơn vị'], ['Huyện Thạch Thất']],
			['Nguồn: Báo cáo: Giao ban, huyện: 1 số liệu', 'Ranh giới\ntỉnh'],
		);
		expect(text).toBe(
			'\uFEFF# Nguồn: Báo cáo: Giao ban, huyện: 1 số liệu\r\n# Ranh giới tỉnh\r\nĐơn vị\r\nHuyện Thạch Thất\r\n',
		);
	});

	test('fields with commas, quotes, breaks or edge blanks are quoted', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell(' a')).toBe('" a"');
		expect(csvCell('dòng\nhai')).toBe('"dòng\nhai"');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(0)).toBe('0');
	});

	test('a rendered table: data-value wins over the formatted text', () => {
		document.body.innerHTML = `<table>
			<thead><tr><th>Đơn vị</th><th>Giá trị</th></tr></thead>
			<tbody>
				<tr><td>Tỉnh Sơn La</td><td data-value="1234.5">1.234,5</td></tr>
				<tr><td>Tỉnh Lào Cai</td><td data-value="">—</td></tr>
			</tbody></table>`;
		expect(tableCells(document.querySelector('table')!)).toEqual([
			['Đơn vị', 'Giá trị'],
			['Tỉnh Sơn La', 1234.5],
			['Tỉnh Lào Cai', null],
		]);
	});

	test('file names are plain ASCII with the date', () => {
		expect(exportFileName('ranking', new Date(2026, 10, 3), 'png', '-slide@2x')).toBe(
			'hdnd-ranking-2026-11-03-slide@2x.png',
		);
		expect(exportFileName('map units', new Date(2026, 0, 1), 'csv')).toBe(
			'hdnd-map-units-2026-01-01.csv',
		);
	});

	test('an image names its size, a dark background and a PNG its density', () => {
		const day = new Date(2026, 10, 23);
		expect(imageFileName('ranking', day, { preset: 'slide', theme: 'dark' }, { kind: 'svg' })).toBe(
			'hdnd-ranking-2026-11-23-slide-dark.svg',
		);
		expect(
			imageFileName(
				'screen-map',
				day,
				{ preset: 'a4', theme: 'light' },
				{ kind: 'png', density: 3 },
			),
		).toBe('hdnd-screen-map-2026-11-23-a4@3x.png');
	});
});
