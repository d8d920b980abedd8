import { describe, expect, test } from 'vitest';
import type { Target } from '../../../../../src/targets/target.ts';
import { targetsToXlsx } from '../../../../../src/targets/xlsx.ts';
import {
	importNotes,
	readTargetsFile,
} from '../../../../../src/views/briefing/targets/targets-file.ts';

const TARGET: Target = {
	id: 't1',
	label: 'Mỗi HĐND xã giám sát ít nhất 3 cuộc trong năm',
	metric: 'supervisions',
	level: 'commune',
	unitTypes: ['xa'],
	units: [],
	period: 'year',
	threshold: 3,
};
const WANT = {
	label: TARGET.label,
	metric: 'supervisions',
	level: 'commune',
	unitTypes: ['xa'],
	period: 'year',
	threshold: 3,
};

describe('readTargetsFile', () => {
	test('reads a workbook by its zip signature, whatever the file was called', () => {
		const bytes = targetsToXlsx([TARGET]);
		expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
		const read = readTargetsFile(bytes);
		expect(read.problems).toEqual([]);
		expect(read.targets).toEqual([expect.objectContaining(WANT)]);
	});

	test('reads anything else as CSV text, refusing bad rows with their line', () => {
		const csv = [
			'label,metric,level,unit_types,period,threshold',
			`${TARGET.label},supervisions,commune,xa,year,3`,
			'Chỉ tiêu sai,kien_nghi,commune,,year,1',
		].join('\n');
		const read = readTargetsFile(new TextEncoder().encode(csv));
		expect(read.targets).toEqual([expect.objectContaining(WANT)]);
		expect(read.problems.map((p) => p.line)).toEqual([3]);
	});
});

describe('importNotes', () => {
	const result = {
		targets: [TARGET, { ...TARGET, id: 't2' }],
		problems: [{ line: 3, reason: { vi: 'Sai số liệu.', en: 'Bad metric.' } }],
	};

	test('says how many came in, then each refused row with its line, in the language asked', () => {
		expect(importNotes(result, 'vi')).toEqual(['Đã nhập 2 chỉ tiêu.', 'Dòng 3: Sai số liệu.']);
		expect(importNotes(result, 'en')).toEqual(['2 targets imported.', 'Line 3: Bad metric.']);
	});

	test('says 0 targets when the file held none', () => {
		expect(importNotes({ targets: [], problems: [] }, 'en')).toEqual(['0 targets imported.']);
	});
});
