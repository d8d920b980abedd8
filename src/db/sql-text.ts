/**
 * SQL text without a parser: where statements start and end (skipping strings, quoted names and
 * comments), the statement under the cursor, and whether a statement only reads.
 */

export interface StatementSpan {
	/** Offset of the first character of the statement (after leading blanks and comments). */
	from: number;
	/** Offset just past its last character (before the `;`). */
	to: number;
	text: string;
}

/**
 * The statements of a script, split at top-level semicolons. Semicolons inside '…' strings, "…" names,
 * $$…$$ strings, -- line comments and block comments do not split. Empty statements are dropped.
 */
export function splitStatements(script: string): StatementSpan[] {
	const spans: StatementSpan[] = [];
	let start = 0;
	let i = 0;
	const push = (end: number) => {
		const span = trimSpan(script, start, end);
		if (span) spans.push(span);
	};
	while (i < script.length) {
		const ch = script[i]!;
		const next = script[i + 1];
		if (ch === "'" || ch === '"') {
			i = skipQuoted(script, i, ch);
		} else if (ch === '-' && next === '-') {
			const end = script.indexOf('\n', i);
			i = end === -1 ? script.length : end + 1;
		} else if (ch === '/' && next === '*') {
			const end = script.indexOf('*/', i + 2);
			i = end === -1 ? script.length : end + 2;
		} else if (ch === '$' && next === '$') {
			const end = script.indexOf('$$', i + 2);
			i = end === -1 ? script.length : end + 2;
		} else if (ch === ';') {
			push(i);
			start = i + 1;
			i++;
		} else {
			i++;
		}
	}
	push(script.length);
	return spans;
}

/** Index past a quoted run starting at `i` (a doubled quote is an escaped quote). */
export function skipQuoted(text: string, i: number, quote: string): number {
	let j = i + 1;
	while (j < text.length) {
		if (text[j] === quote) {
			if (text[j + 1] === quote) j += 2;
			else return j + 1;
		} else {
			j++;
		}
	}
	return text.length;
}

/** The span between `start` and `end` without surrounding blanks and comments, or null if nothing is left. */
function trimSpan(text: string, start: number, end: number): StatementSpan | null {
	let from = start;
	for (;;) {
		while (from < end && /\s/.test(text[from]!)) from++;
		if (text.startsWith('--', from)) {
			const eol = text.indexOf('\n', from);
			from = eol === -1 || eol > end ? end : eol + 1;
		} else if (text.startsWith('/*', from)) {
			const close = text.indexOf('*/', from + 2);
			from = close === -1 || close + 2 > end ? end : close + 2;
		} else {
			break;
		}
	}
	let to = end;
	while (to > from && /\s/.test(text[to - 1]!)) to--;
	if (from >= to) return null;
	return { from, to, text: text.slice(from, to) };
}

/**
 * The statement the cursor is in, or the nearest one before it (a cursor just after a `;` or on a blank
 * line after a statement means that statement); null when the script has none.
 */
export function statementAt(script: string, cursor: number): StatementSpan | null {
	const spans = splitStatements(script);
	if (spans.length === 0) return null;
	let best: StatementSpan = spans[0]!;
	for (const span of spans) {
		if (span.from <= cursor) best = span;
		else break;
	}
	// A cursor before the first statement's text belongs to it.
	return best;
}

/** The first keyword of a statement, upper-case ('' if none). */
export function firstKeyword(statement: string): string {
	const span = trimSpan(statement, 0, statement.length);
	const match = /^[(\s]*([A-Za-z_]+)/.exec(span?.text ?? '');
	return match ? match[1]!.toUpperCase() : '';
}

const READ_ONLY = new Set([
	'SELECT',
	'WITH',
	'FROM',
	'VALUES',
	'TABLE',
	'SHOW',
	'DESCRIBE',
	'DESC',
	'SUMMARIZE',
	'EXPLAIN',
]);

/**
 * True when a statement can only read: SELECT, WITH, FROM-first, VALUES, TABLE, SHOW, DESCRIBE,
 * SUMMARIZE, EXPLAIN (not EXPLAIN ANALYZE of a write). Anything else (DROP, DELETE, UPDATE, INSERT,
 * ALTER, CREATE, COPY, SET, PRAGMA, ATTACH, …) may change the data or the session.
 */
export function isReadOnly(statement: string): boolean {
	const keyword = firstKeyword(statement);
	if (keyword === 'EXPLAIN') {
		const rest = statement.replace(/^\s*explain\s+(analyze\s+)?/i, '');
		return isReadOnly(rest);
	}
	return READ_ONLY.has(keyword);
}
