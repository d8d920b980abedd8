import { describe, expect, test } from 'vitest';
import type { RunResult } from '../../../../src/db/workspace.ts';
import { DEFAULT_VIEW } from '../../../../src/state/view-state.ts';
import { View } from '../../../../src/state/view.svelte.ts';
import {
	EXAMPLE_SQL,
	firstDraft,
	historyEntry,
	inSeconds,
	linkCarrying,
} from '../../../../src/views/sql/console-rules.ts';

describe('firstDraft', () => {
	test("a link's SQL comes before the kept draft, which comes before the example", () => {
		expect(firstDraft('SELECT 1', 'SELECT 2')).toBe('SELECT 1');
		expect(firstDraft(null, 'SELECT 2')).toBe('SELECT 2');
		expect(firstDraft(null, null)).toBe(EXAMPLE_SQL);
	});

	test('an emptied draft or an empty link stays empty: the example does not come back', () => {
		expect(firstDraft(null, '')).toBe('');
		expect(firstDraft('', 'SELECT 2')).toBe('');
	});
});

describe('linkCarrying', () => {
	test('sets sql beside the other parameters, replacing an older one', () => {
		const link = linkCarrying(
			"SELECT * FROM yearly WHERE level = 'province'",
			'/app/',
			'?v=sql&lang=en&sql=old',
		);
		expect(link.startsWith('/app/?')).toBe(true);
		const params = new URLSearchParams(link.slice('/app/'.length));
		expect(params.get('v')).toBe('sql');
		expect(params.get('lang')).toBe('en');
		expect(params.getAll('sql')).toEqual(["SELECT * FROM yearly WHERE level = 'province'"]);
	});

	test('keeps line breaks, Vietnamese letters and & = # intact through the address', () => {
		const sql = "-- Số kỳ họp\nSELECT 'a&b=c#d' AS x";
		const link = linkCarrying(sql, '/', '');
		expect(link).not.toContain('#');
		expect(new URLSearchParams(link.slice(2)).get('sql')).toBe(sql);
	});
});

describe('historyEntry', () => {
	const outcome: RunResult = {
		status: 'cancelled',
		statements: 2,
		table: null,
		totalRows: 1234,
		keptRows: 0,
		elapsedMs: 1500.6,
		error: null,
		changedData: false,
		restarted: false,
		died: false,
		columnTypes: null,
	};

	test('records the SQL, the end time, the status, the rows and the whole milliseconds', () => {
		const at = new Date(Date.UTC(2026, 11, 3, 20, 15, 16));
		expect(historyEntry('SELECT 1', outcome, at)).toEqual({
			sql: 'SELECT 1',
			at: '2026-12-03T20:15:16.000Z',
			status: 'cancelled',
			rows: 1234,
			ms: 1501,
		});
	});
});

describe('inSeconds', () => {
	test('says milliseconds as seconds with two decimals, in the view language', () => {
		const vi = new View({ ...DEFAULT_VIEW, selected: [], lang: 'vi' });
		const en = new View({ ...DEFAULT_VIEW, selected: [], lang: 'en' });
		expect(inSeconds(vi, 1234)).toBe('1,23 giây');
		expect(inSeconds(en, 1234)).toBe('1.23 s');
		expect(inSeconds(en, 25)).toBe('0.03 s');
	});
});
