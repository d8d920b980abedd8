/**
 * DuckDB's errors made readable: the kind, the message, and where in the SQL it happened. The workspace
 * sets `errors_as_json`, so an error is a JSON object whose `position` is a UTF-8 byte offset; a plain
 * error ("… LINE 2: …" with a caret under the spot) is read as well.
 */

/** Why the console refused a statement: it reaches outside the page, or changes a locked setting. */
export type RefusalReason = 'external' | 'settings';

export interface SqlErrorInfo {
	/** DuckDB's kind of error: Parser, Binder, Catalog, Conversion… ('' when unknown). */
	kind: string;
	/** Set when the statement was refused by the console's guard or lock, not a mistake in the SQL. */
	refused?: RefusalReason;
	message: string;
	/** Offset of the error in the SQL text (a JavaScript string index), or null when not given. */
	offset: number | null;
	/** 1-based line and column of `offset`. */
	line: number | null;
	column: number | null;
}

/** The string index of a UTF-8 byte offset into `text` (clamped to the text). */
export function byteToCharOffset(text: string, byteOffset: number): number {
	let bytes = 0;
	let i = 0;
	while (i < text.length && bytes < byteOffset) {
		const code = text.codePointAt(i)!;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		i += code >= 0x10000 ? 2 : 1;
	}
	return i;
}

/** 1-based line and column (in characters) of a string index. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const lines = before.split('\n');
	return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

/** The string index of a 1-based line and column (in characters). */
function offsetOf(text: string, line: number, column: number): number | null {
	const lines = text.split('\n');
	if (line < 1 || line > lines.length) return null;
	let offset = 0;
	for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
	const chars = [...lines[line - 1]!].slice(0, Math.max(0, column - 1)).join('');
	return offset + chars.length;
}

function withPosition(kind: string, message: string, offset: number | null, sql: string) {
	if (offset === null) return { kind, message, offset: null, line: null, column: null };
	const clamped = Math.max(0, Math.min(offset, sql.length));
	return { kind, message, offset: clamped, ...lineColumn(sql, clamped) };
}

/** Read an engine error thrown while running `sql`. */
export function parseSqlError(error: unknown, sql: string): SqlErrorInfo {
	const raw = error instanceof Error ? error.message : String(error);
	const text = raw.replace(/^Error:\s*/, '');
	let json = jsonPart(text);
	// The browser build can wrap the engine's JSON error in another one: read the innermost.
	for (let depth = 0; json && depth < 3; depth++) {
		const inner =
			typeof json.exception_message === 'string' ? jsonPart(json.exception_message) : null;
		if (!inner || inner.exception_message === undefined) break;
		json = { ...json, ...inner, position: inner.position ?? json.position };
	}
	if (json) {
		const kind = typeof json.exception_type === 'string' ? json.exception_type : '';
		const message =
			typeof json.exception_message === 'string' ? json.exception_message : text.trim();
		const position = Number(json.position);
		const offset =
			json.position !== undefined && Number.isFinite(position)
				? byteToCharOffset(sql, position)
				: null;
		return withPosition(kind, message, offset, sql);
	}
	return parsePlain(text, sql);
}

function jsonPart(text: string): Record<string, unknown> | null {
	const start = text.indexOf('{');
	const end = text.lastIndexOf('}');
	if (start === -1 || end <= start) return null;
	try {
		const value: unknown = JSON.parse(text.slice(start, end + 1));
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/**
 * A plain DuckDB error: "Parser Error: syntax error at or near "FORM"\n\nLINE 1: SELECT * FORM t\n
 *                  ^". The caret counts display columns after "LINE n: " and after "..." when the line
 * was cut; the shown excerpt is found in the SQL line to place it.
 */
function parsePlain(text: string, sql: string): SqlErrorInfo {
	const head = /^(\w[\w ]*?) Error: /.exec(text);
	const kind = head ? head[1]! : '';
	const body = head ? text.slice(head[0].length) : text;
	const match = /\n\s*\nLINE (\d+): (.*)\n( *)\^/.exec(body);
	const message = (match ? body.slice(0, match.index) : body).trim();
	if (!match) {
		const near = /at or near "([^"]*)"/.exec(body);
		const at = near ? sql.indexOf(near[1]!) : -1;
		return withPosition(kind, message, at >= 0 ? at : null, sql);
	}
	const line = Number(match[1]);
	const prefix = `LINE ${line}: `;
	let excerpt = match[2]!;
	let caret = match[3]!.length - prefix.length;
	if (excerpt.startsWith('...')) {
		excerpt = excerpt.slice(3);
		caret -= 3;
	}
	if (excerpt.endsWith('...')) excerpt = excerpt.slice(0, -3);
	const sqlLine = sql.split('\n')[line - 1] ?? '';
	const shift = Math.max(0, sqlLine.indexOf(excerpt));
	const column = [...sqlLine.slice(0, shift)].length + Math.max(0, caret) + 1;
	return withPosition(kind, message, offsetOf(sql, line, column), sql);
}
