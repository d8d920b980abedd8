/**
 * `npm run --silent extract`: the command data staff run, on files made here (a text, a DOCX and a PDF
 * of the same short report, and a file with no figure), checked for the documented item shape.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { makeDocx, makePdf } from '../../helpers/report-files.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hdnd-extract-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
	'Giao ban Thường trực HĐND huyện Mê Linh năm 2023',
	'Ngày 10/01/2024, Thường trực HĐND huyện Mê Linh tổ chức hội nghị giao ban với Thường trực HĐND các xã, thị trấn.',
	'Năm 2023, HĐND huyện tổ chức 4 kỳ họp, trong đó có 2 kỳ họp chuyên đề; Thường trực HĐND các xã, thị trấn tổ chức 96 cuộc giám sát.',
];

async function extract(...args: string[]) {
	const { stdout, stderr } = await run('npx', ['tsx', 'scripts/extract.ts', ...args], {
		cwd: ROOT,
	}).catch((error: { stdout: string; stderr: string; code: number }) => ({
		...error,
		failed: error.code,
	}));
	return { stdout, stderr };
}

describe('npm run extract', () => {
	test('a text, a DOCX and a PDF give the same figures, as documented JSON items', async () => {
		const txt = join(dir, 'me-linh.txt');
		const docx = join(dir, 'me-linh.docx');
		const pdf = join(dir, 'me-linh.pdf');
		writeFileSync(txt, LINES.join('\n'));
		writeFileSync(docx, makeDocx(LINES));
		writeFileSync(pdf, await makePdf(LINES));
		const { stdout } = await extract('--json', txt, docx, pdf);
		const items = JSON.parse(stdout) as Record<string, unknown>[];
		for (const file of [txt, docx, pdf]) {
			const mine = items.filter((i) => i.file === file);
			expect(mine.map((i) => [i.metric, i.value, i.scope, i.unit_key])).toEqual([
				['sessions_total', 4, 'own', '2023:250'],
				['sessions_regular', 2, 'own', '2023:250'],
				['sessions_thematic', 2, 'own', '2023:250'],
				['supervisions', 96, 'subunits', '2023:250'],
			]);
			expect(mine[1]).toMatchObject({
				derived: true,
				period: 'year',
				year: 2023,
				qualifier: 'exact',
			});
			for (const item of mine) {
				expect(Object.keys(item)).toEqual(
					expect.arrayContaining([
						'file',
						'metric',
						'value',
						'qualifier',
						'scope',
						'unit',
						'unit_key',
						'unit_candidates',
						'period',
						'year',
						'term',
						'evidence',
						'start',
						'end',
					]),
				);
				expect(typeof item.evidence).toBe('string');
			}
		}
	}, 120_000);

	test('--csv prints rows of the facts contract; a file with no figure says so on stderr', async () => {
		const txt = join(dir, 'me-linh.txt');
		const empty = join(dir, 'empty.txt');
		writeFileSync(txt, LINES.join('\n'));
		writeFileSync(empty, 'Giá lúa vụ đông xuân tăng nhẹ so với năm trước.');
		const { stdout, stderr } = await extract('--csv', txt, empty);
		const [header, ...rows] = stdout.trim().split('\n');
		expect(
			header!.startsWith('unit_code,scheme,year,period,month,term,scope,sessions_regular'),
		).toBe(true);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatch(/^250,2023,2023,year,,,own,2,2,/);
		expect(stderr).toContain('empty.txt: no figure found');
	}, 120_000);
});
