/**
 * The import worker's job, driven as the worker drives it: the issue's hostile files get an answer (never
 * an exception), with progress, and moving a column re-checks the file the job holds.
 */
import { describe, expect, test } from 'vitest';
import {
	CheckJob,
	type CheckReply,
	type CheckRequest,
	type Checked,
	type Opened,
} from '../../../src/import/check-job.ts';
import type { ValidationResult } from '../../../src/import/validate.ts';
import { UNITS } from '../../helpers/import-fixtures.ts';
import { decodeParquetNode } from '../../helpers/node-connector.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function ask(job: CheckJob, request: CheckRequest) {
	const replies: CheckReply[] = [];
	await job.handle(request, (reply) => replies.push(reply));
	const last = replies.at(-1);
	if (!last || last.type === 'progress') throw new Error('no answer');
	return { last, progress: replies.filter((r) => r.type === 'progress') };
}

function newJob() {
	const job = new CheckJob(decodeParquetNode);
	void job.handle({ type: 'units', units: UNITS.map((u) => ({ ...u, parent: null })) }, () => {});
	return job;
}

describe('the check job', () => {
	test('the "constructor" file of the issue is checked, not thrown on', async () => {
		const text = 'Tính chất số liệu,Kỳ họp thường lệ\nconstructor,khoảng 5';
		const bytes = utf8(text);
		const { last } = await ask(newJob(), { type: 'open', id: 1, bytes, existing: [] });
		if (last.type !== 'done') throw new Error(last.message.en);
		const opened = last.value as Opened;
		expect(opened.read.ok).toBe(true);
		const codes = opened.checked!.result.issues.map((i) => i.code);
		expect(codes).toContain('invalid_qualifier');
		expect(codes).toContain('no_code_column');
	});

	test('a file refused by a limit is answered with the limit, not an error', async () => {
		const bytes = new Uint8Array(49_000_000).fill(0x0a);
		const { last } = await ask(newJob(), { type: 'open', id: 2, bytes, existing: [] });
		if (last.type !== 'done') throw new Error(last.message.en);
		const opened = last.value as Opened;
		expect(opened.read.ok ? 'read' : opened.read.error.code).toBe('too_many_lines');
		expect(opened.checked).toBeNull();
	});

	test('checking reports its progress, and a new mapping re-checks the file held', async () => {
		const job = newJob();
		const rows = Array.from({ length: 1_200 }, (_, i) => `${90_000 + i},2023,2023,2`).join('\n');
		const bytes = utf8(`Mã đơn vị,Danh mục,Năm,Kỳ họp thường lệ\n${rows}\n`);
		const { last, progress } = await ask(job, {
			type: 'open',
			id: 3,
			bytes,
			existing: [['2023|276|year|2023|||own', { kind: 'reported', title: 'Báo cáo' }]],
		});
		if (last.type !== 'done') throw new Error(last.message.en);
		const checked = (last.value as Opened).checked as Checked;
		expect(checked.result.rejectedRows).toHaveLength(1_200);
		expect(progress.map((p) => p.type === 'progress' && `${p.phase}:${p.done}/${p.total}`)).toEqual(
			[
				'read:0/' + bytes.length,
				'check:0/1200',
				'check:500/1200',
				'check:1000/1200',
				'check:1200/1200',
			],
		);
		// Without the code column, no row is checked against the unit lists.
		const mapping = checked.mapping.map((c) => (c === 'unit_code' ? null : c));
		const again = await ask(job, { type: 'validate', id: 4, mapping });
		if (again.last.type !== 'done') throw new Error('failed');
		const result = again.last.value as ValidationResult;
		expect(result.issues.some((i) => i.code === 'no_code_column')).toBe(true);
	});

	test('a step without a file is a failed reply in both languages', async () => {
		const { last } = await ask(newJob(), { type: 'validate', id: 5, mapping: [] });
		expect(last.type).toBe('failed');
		if (last.type === 'failed') expect(last.message.vi).toContain('Không đọc được tệp');
	});
});
