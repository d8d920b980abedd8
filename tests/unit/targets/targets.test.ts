import { describe, expect, test } from 'vitest';
import { targetsFromCsv, targetsToCsv } from '../../../src/targets/csv.ts';
import {
	evaluateTarget,
	targetSentence,
	type TargetSubunit,
} from '../../../src/targets/evaluate.ts';
import { memoryTargets } from '../../../src/targets/store.ts';
import { BUILTIN_TARGETS, targetProblem, type Target } from '../../../src/targets/target.ts';

const HEARINGS: Target = {
	id: 'target-1',
	label: 'Mỗi HĐND phường tổ chức ít nhất 1 phiên giải trình trong năm',
	metric: 'explanatory_hearings',
	level: 'commune',
	unitTypes: ['phuong'],
	units: [],
	period: 'year',
	threshold: 1,
};

const ward = (n: number, value: number | null, type = 'phuong'): TargetSubunit => ({
	key: `2023:0${n}`,
	name: `Phường ${n}`,
	level: 'commune',
	type,
	value,
});

describe('evaluating a target', () => {
	test('met, missed and not reported are three groups; the share is of those who reported', () => {
		const result = evaluateTarget(HEARINGS, [
			ward(1, 2),
			ward(2, 1),
			ward(3, 0),
			ward(4, null),
			ward(5, 3, 'xa'), // a commune, not a ward: outside this target
		]);
		expect(result.met.map((u) => u.name)).toEqual(['Phường 1', 'Phường 2']);
		expect(result.missed.map((u) => u.name)).toEqual(['Phường 3']);
		expect(result.notReported.map((u) => u.name)).toEqual(['Phường 4']);
		expect(result.share).toBeCloseTo(2 / 3);
		expect(targetSentence(result, 'vi')).toBe(
			'66,7 % HĐND phường đã tổ chức phiên giải trình (2/3 đơn vị đã báo cáo; 1 đơn vị chưa báo cáo).',
		);
	});

	test('"100 % HĐND phường đã tổ chức phiên giải trình" when every ward did', () => {
		const wards = Array.from({ length: 21 }, (_, i) => ward(i + 1, 1 + (i % 2)));
		const result = evaluateTarget(HEARINGS, wards);
		expect(targetSentence(result, 'vi')).toBe(
			'100 % HĐND phường đã tổ chức phiên giải trình (21/21 đơn vị đã báo cáo).',
		);
		expect(targetSentence(result, 'en')).toMatch(/^100 % of ward councils held/);
	});

	test('nobody reported: no share, never 0 %', () => {
		const result = evaluateTarget(HEARINGS, [ward(1, null), ward(2, null)]);
		expect(result.share).toBeNull();
		expect(targetSentence(result, 'vi')).toMatch(/^Chưa có HĐND phường nào báo cáo/);
	});

	test('the law: at least two regular sessions, for councils of every level', () => {
		const law = BUILTIN_TARGETS[0]!;
		const result = evaluateTarget(law, [ward(1, 2), ward(2, 1, 'xa'), ward(3, 3, 'thi-tran')]);
		expect(result.met.length).toBe(2);
		expect(result.missed.map((u) => u.type)).toEqual(['xa']);
		expect(targetSentence(result, 'vi')).toMatch(/đã họp ít nhất 2 kỳ họp thường lệ/);
	});
});

describe('targets as CSV', () => {
	test('written and read back unchanged, Vietnamese and all', () => {
		const csv = targetsToCsv([
			HEARINGS,
			{
				...HEARINGS,
				id: 'target-2',
				label: 'Giám sát, "chuyên đề"',
				metric: 'supervisions',
				threshold: 2.5,
				unitTypes: [],
				units: ['2023:00001', '2023:00004'],
				level: null,
			},
		]);
		expect(csv.startsWith('\uFEFFid,label,metric')).toBe(true);
		const back = targetsFromCsv(csv);
		expect(back.problems).toEqual([]);
		expect(back.targets).toEqual([
			HEARINGS,
			{
				...HEARINGS,
				id: 'target-2',
				label: 'Giám sát, "chuyên đề"',
				metric: 'supervisions',
				threshold: 2.5,
				unitTypes: [],
				units: ['2023:00001', '2023:00004'],
				level: null,
			},
		]);
	});

	test('bad rows are refused with their line and reason; good rows are kept', () => {
		const csv = [
			'label;metric;period;threshold',
			'Họp đủ kỳ;sessions_regular;year;2',
			'Sai số liệu;kien_nghi;year;1',
			'Âm;supervisions;h1;-1',
			'Sai kỳ;supervisions;quarterly;1',
		].join('\n');
		const result = targetsFromCsv(csv, new Date('2026-12-02T00:00:00Z'));
		expect(result.targets.map((t) => t.label)).toEqual(['Họp đủ kỳ']);
		expect(result.targets[0]!.id).toMatch(/^target-20261202T/);
		expect(result.problems.map((p) => p.line)).toEqual([3, 4, 5]);
		expect(result.problems[1]!.reason.vi).toMatch(/không âm/);
	});

	test('a file without the needed columns says which are missing', () => {
		const result = targetsFromCsv('ten,so\nA,1');
		expect(result.targets).toEqual([]);
		expect(result.problems[0]!.reason.en).toMatch(/label, metric, period, threshold/);
	});

	test('inherited words are plain text, not code paths', () => {
		expect(targetProblem({ ...HEARINGS, metric: 'constructor' as never })).not.toBeNull();
	});
});

describe('the target store', () => {
	test('create, edit and remove', async () => {
		const store = memoryTargets();
		await store.put(HEARINGS);
		await store.put({ ...HEARINGS, threshold: 2 });
		expect((await store.list()).map((t) => t.threshold)).toEqual([2]);
		await store.delete(HEARINGS.id);
		expect(await store.list()).toEqual([]);
	});
});
