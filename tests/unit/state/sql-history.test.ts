import { describe, expect, test } from 'vitest';
import {
	addToHistory,
	HISTORY_KEY,
	HISTORY_LIMIT,
	loadHistory,
	type HistoryEntry,
} from '../../../src/state/sql-history.ts';

function memoryStore() {
	const items = new Map<string, string>();
	return {
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		removeItem: (key: string) => void items.delete(key),
	};
}

const entry = (sql: string): HistoryEntry => ({
	sql,
	at: '2026-11-23T00:00:00.000Z',
	status: 'done',
	rows: 1,
	ms: 3,
});

describe('query history', () => {
	test('newest first, a query run again moves up, saved and read back', () => {
		const store = memoryStore();
		let history = addToHistory([], entry('SELECT 1'), store);
		history = addToHistory(history, entry('SELECT 2'), store);
		history = addToHistory(history, entry(' SELECT 1 '), store);
		expect(history.map((h) => h.sql)).toEqual(['SELECT 1', 'SELECT 2']);
		expect(loadHistory(store)).toEqual(history);
	});

	test(`keeps at most ${HISTORY_LIMIT} entries`, () => {
		const store = memoryStore();
		let history: HistoryEntry[] = [];
		for (let i = 0; i < HISTORY_LIMIT + 20; i++)
			history = addToHistory(history, entry(`SELECT ${i}`), store);
		expect(history).toHaveLength(HISTORY_LIMIT);
		expect(loadHistory(store)[0]!.sql).toBe(`SELECT ${HISTORY_LIMIT + 19}`);
	});

	test('a broken or foreign value reads as an empty history', () => {
		const store = memoryStore();
		store.setItem(HISTORY_KEY, '{not json');
		expect(loadHistory(store)).toEqual([]);
		store.setItem(HISTORY_KEY, JSON.stringify([{ nope: 1 }, entry('SELECT 1')]));
		expect(loadHistory(store).map((h) => h.sql)).toEqual(['SELECT 1']);
		expect(loadHistory(null)).toEqual([]);
	});
});
