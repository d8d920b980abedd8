/**
 * A notebook's cells as the page holds them: taken from the file unrun, written back as the file keeps
 * them (a run or an edit in progress leaves no trace), and the sizes of their editors.
 */
import { describe, expect, test } from 'vitest';
import { parseNotebook, serializeNotebook } from '../../../../src/model/notebook.ts';
import {
	cellStatus,
	editorHeight,
	liveCell,
	newCell,
	plainCells,
	textareaRows,
} from '../../../../src/views/notebooks/live-cell.ts';

const NOTEBOOK =
	'# Tỷ lệ giải quyết\n\nGhi chú về số liệu mô phỏng.\n\n```sql chart=line x=year y=rate\nSELECT year, rate FROM yearly\n```\n';

describe('liveCell and plainCells', () => {
	test('a file goes through the page and comes back the same, whatever ran', () => {
		const { cells } = parseNotebook('a', NOTEBOOK);
		const live = cells.map((cell, i) => liveCell(cell, i));
		expect(live.map((c) => [c.key, c.kind, c.ran, c.editing])).toEqual([
			[0, 'markdown', false, false],
			[1, 'sql', false, false],
		]);
		expect(live[1]!.chart).toEqual({ chart: 'line', x: 'year', y: ['rate'] });
		Object.assign(live[1]!, { ran: true, totalRows: 3, elapsedMs: 12, editing: true });
		expect(plainCells(live)).toEqual(cells);
		expect(serializeNotebook(plainCells(live))).toBe(serializeNotebook(cells));
	});

	test('a text cell has no chart', () => {
		expect(liveCell({ kind: 'markdown', text: 'x' }, 7).chart).toBeNull();
	});
});

describe('newCell', () => {
	test('a new SQL cell runs as it is; a new text cell is empty', () => {
		expect(newCell('sql')).toEqual({
			kind: 'sql',
			text: 'SELECT * FROM yearly LIMIT 10',
			chart: null,
		});
		expect(newCell('markdown')).toEqual({ kind: 'markdown', text: '' });
	});
});

describe('cellStatus', () => {
	test('running before ran, idle until the first run', () => {
		expect(cellStatus({ running: false, ran: false })).toBe('idle');
		expect(cellStatus({ running: true, ran: false })).toBe('running');
		expect(cellStatus({ running: true, ran: true })).toBe('running');
		expect(cellStatus({ running: false, ran: true })).toBe('ran');
	});
});

describe('editor sizes', () => {
	test('the SQL editor grows 20 px a line between 64 and 420 px', () => {
		expect(editorHeight('SELECT 1')).toBe(64);
		expect(editorHeight('a\nb\nc')).toBe(74);
		expect(editorHeight('x\n'.repeat(100))).toBe(420);
	});

	test('a text area has a row more than its lines, at least 3', () => {
		expect(textareaRows('')).toBe(3);
		expect(textareaRows('a\nb\nc')).toBe(4);
	});
});
