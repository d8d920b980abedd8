/**
 * The console's rules that need no state: the editor's first text, the link that carries it, a run's
 * record in the history and how a time is said.
 */
import { formatNumber } from '../../i18n/format.ts';
import type { RunResult } from '../../db/workspace.ts';
import type { HistoryEntry } from '../../state/sql-history.ts';
import type { View } from '../../state/view.svelte.ts';

/** Where the editor's text is kept between visits. */
export const DRAFT_KEY = 'hdnd.sql.draft';

export const EXAMPLE_SQL = `-- Tỷ lệ giải quyết kiến nghị cử tri của HĐND cấp tỉnh theo năm (số liệu mô phỏng)
SELECT year,
  SUM(petitions_resolved) / SUM(petitions_received) AS rate
FROM yearly
WHERE level = 'province'
  AND petitions_received IS NOT NULL AND petitions_resolved IS NOT NULL
GROUP BY year
ORDER BY year;`;

/**
 * The editor's first text: the SQL of the link the page was opened from, else the draft kept in this
 * browser (even an emptied one: the user cleared it), else the example.
 */
export function firstDraft(linkedSql: string | null, keptDraft: string | null): string {
	return linkedSql ?? keptDraft ?? EXAMPLE_SQL;
}

/** The page's address (path and query, the other parameters kept) with `sql` carrying the script. */
export function linkCarrying(sql: string, pathname: string, search: string): string {
	const params = new URLSearchParams(search);
	params.set('sql', sql);
	return `${pathname}?${params.toString()}`;
}

/** The history's record of running `sql`, finished at `at`. */
export function historyEntry(sql: string, outcome: RunResult, at: Date): HistoryEntry {
	return {
		sql,
		at: at.toISOString(),
		status: outcome.status,
		rows: outcome.totalRows,
		ms: Math.round(outcome.elapsedMs),
	};
}

/** A duration in seconds with two decimals, in the view's language. */
export function inSeconds(view: Pick<View, 't' | 'lang'>, ms: number): string {
	return view.t('sqlSeconds', { n: formatNumber(ms / 1000, view.lang, 2) });
}
