/**
 * The SQL workspace's query history, kept in localStorage across reloads: newest first, at most
 * HISTORY_LIMIT entries, a query run again moves to the top instead of appearing twice.
 */

export interface HistoryEntry {
	sql: string;
	/** When it ran, ISO 8601. */
	at: string;
	status: 'done' | 'cancelled' | 'error';
	rows: number;
	ms: number;
}

export const HISTORY_LIMIT = 100;
export const HISTORY_KEY = 'hdnd.sql.history';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isEntry(value: unknown): value is HistoryEntry {
	if (!value || typeof value !== 'object') return false;
	const entry = value as Record<string, unknown>;
	return typeof entry.sql === 'string' && typeof entry.at === 'string';
}

export function loadHistory(store: Store | null): HistoryEntry[] {
	try {
		const parsed: unknown = JSON.parse(store?.getItem(HISTORY_KEY) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
	} catch {
		return [];
	}
}

/** The history with `entry` added on top; saved when a store is given (a full store is ignored). */
export function addToHistory(
	history: readonly HistoryEntry[],
	entry: HistoryEntry,
	store: Store | null,
): HistoryEntry[] {
	const sql = entry.sql.trim();
	const next = [{ ...entry, sql }, ...history.filter((h) => h.sql.trim() !== sql)].slice(
		0,
		HISTORY_LIMIT,
	);
	try {
		store?.setItem(HISTORY_KEY, JSON.stringify(next));
	} catch {
		// Storage full or blocked: the history still works for this page.
	}
	return next;
}

/** localStorage when the page may use it. */
export function browserStore(): Store | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}
