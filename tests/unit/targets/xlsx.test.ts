import { describe, expect, test } from 'vitest';
import { writeXlsx } from '../../../src/import/xlsx-write.ts';
import type { Target } from '../../../src/targets/target.ts';
import { targetsFromXlsx, targetsToXlsx } from '../../../src/targets/xlsx.ts';

const TARGETS: Target[] = [
	{
		id: 'target-1',
		label: 'Mỗi HĐND phường tổ chức ít nhất 1 phiên giải trình trong năm',
		metric: 'explanatory_hearings',
		level: 'commune',
		unitTypes: ['phuong', 'thi-tran'],
		units: [],
		period: 'year',
		threshold: 1,
	},
	{
		id: 'target-2',
		label: 'Giám sát chuyên đề "trọng điểm", ít nhất 2,5 cuộc',
		metric: 'supervisions',
		level: null,
		unitTypes: [],
		// Codes with leading zeros: the column is text, so they stay as written.
		units: ['2023:00001', '2023:00004'],
		period: 'h1',
		threshold: 2.5,
	},
];

describe('targets as XLSX', () => {
	test('written and read back unchanged, Vietnamese, quotes and leading zeros', () => {
		const back = targetsFromXlsx(targetsToXlsx(TARGETS));
		expect(back.problems).toEqual([]);
		expect(back.targets).toEqual(TARGETS);
	});

	test('a bad row is refused with its line in the sheet; the good rows are kept', () => {
		const bytes = writeXlsx([
			{
				name: 'Chỉ tiêu',
				rows: [
					['label', 'metric', 'level', 'unit_types', 'period', 'threshold'],
					[
						'Mỗi HĐND xã giám sát ít nhất 3 cuộc trong năm',
						'supervisions',
						'commune',
						'xa',
						'year',
						3,
					],
					['Chỉ tiêu sai', 'kien_nghi', 'commune', '', 'year', 1],
					['Ngưỡng âm', 'supervisions', null, null, 'year', -1],
				],
			},
		]);
		const result = targetsFromXlsx(bytes, new Date('2026-12-02T00:00:00Z'));
		expect(result.targets.map((t) => t.label)).toEqual([
			'Mỗi HĐND xã giám sát ít nhất 3 cuộc trong năm',
		]);
		expect(result.targets[0]!.threshold).toBe(3);
		expect(result.problems.map((p) => p.line)).toEqual([3, 4]);
		expect(result.problems[0]!.reason.vi).toBe('Chỉ tiêu cần một số liệu hợp lệ.');
		expect(result.problems[0]!.reason.en).toBeTruthy();
		expect(result.problems[1]!.reason.vi).toMatch(/không âm/);
	});

	test('a file that is not a workbook says so in both languages, and nothing is taken', () => {
		const result = targetsFromXlsx(new TextEncoder().encode('label,metric\nA,B'));
		expect(result.targets).toEqual([]);
		expect(result.problems).toEqual([
			{
				line: 1,
				reason: {
					vi: 'Không đọc được tệp Excel (.xlsx) này.',
					en: 'This Excel (.xlsx) file cannot be read.',
				},
			},
		]);
	});
});
