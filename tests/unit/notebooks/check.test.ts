/** What counts as a notebook: UTF-8 text, not too large, with at least one SQL cell. */
import { describe, expect, test } from 'vitest';
import {
	MAX_NOTEBOOK_BYTES,
	MAX_NOTEBOOK_CELLS,
	checkNotebookBytes,
	checkNotebookText,
} from '../../../src/notebooks/check.ts';
import { notebookFileName, openNotebookFile } from '../../../src/notebooks/open-file.ts';

const GOOD = '# Giám sát chuyên đề\n\nGhi chú.\n\n```sql\nSELECT 1 AS n\n```\n';

describe('checkNotebookText', () => {
	test('a notebook with a SQL cell is kept', () => {
		const checked = checkNotebookText('a', GOOD);
		expect(checked.ok && checked.notebook.title).toBe('Giám sát chuyên đề');
	});

	test('Markdown without a SQL cell is not a notebook', () => {
		const checked = checkNotebookText('a', '# Biên bản\n\n```text\nSELECT 1\n```\n');
		expect(checked.ok).toBe(false);
		if (!checked.ok) {
			expect(checked.problem.vi).toMatch(/không phải sổ tay/);
			expect(checked.problem.en).toMatch(/not a notebook/);
		}
	});

	test('binary bytes, too many cells and too many bytes are refused', () => {
		expect(checkNotebookText('a', `${GOOD}\u0000`).ok).toBe(false);
		const cells = Array.from({ length: MAX_NOTEBOOK_CELLS + 1 }, () => '```sql\nSELECT 1\n```');
		expect(checkNotebookText('a', cells.join('\n\n')).ok).toBe(false);
		const big = checkNotebookText('a', GOOD + 'ạ'.repeat(MAX_NOTEBOOK_BYTES / 3));
		expect(big.ok).toBe(false);
		if (!big.ok) expect(big.problem.vi).toMatch(/quá lớn: 1\.000\.\d{3} byte, tối đa 1\.000\.000/);
	});
});

describe('checkNotebookBytes and openNotebookFile', () => {
	test('bytes that are not UTF-8 are refused', () => {
		const checked = checkNotebookBytes('a', new Uint8Array([0x23, 0x20, 0xc3, 0x28, 0xff]));
		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.problem.vi).toMatch(/UTF-8/);
	});

	test('a .md file is read, its byte-order mark dropped, named by its title or file name', async () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(GOOD)]);
		const opened = await openNotebookFile(new File([bom], 'giam-sat.md'));
		expect(opened).toEqual({ ok: true, name: 'Giám sát chuyên đề', markdown: GOOD });
		const untitled = await openNotebookFile(
			new File(['```sql\nSELECT 2\n```\n'], 'C:\\tài liệu\\ghi-chu.markdown'),
		);
		expect(untitled.ok && untitled.name).toBe('ghi-chu');
	});

	test('other files and oversized files are refused before reading', async () => {
		const csv = await openNotebookFile(new File([GOOD], 'so-lieu.csv'));
		expect(!csv.ok && csv.problem.vi).toMatch(/Chỉ mở được tệp Markdown/);
		const big = new File([new Uint8Array(MAX_NOTEBOOK_BYTES + 1)], 'lon.md');
		const refused = await openNotebookFile(big);
		expect(!refused.ok && refused.problem.en).toMatch(/too large/);
	});

	test('file names are plain letters', () => {
		expect(notebookFileName('Sổ tay mới: Đống Đa 2019!')).toBe('so-tay-moi-dong-da-2019');
		expect(notebookFileName('«»')).toBe('so-tay');
	});
});
