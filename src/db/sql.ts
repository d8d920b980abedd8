/** Quoting in one place: every identifier and literal that enters SQL text passes through here. */

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted SQL string literal. */
export function str(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

/** A numeric literal; refuses NaN and infinities, which have no SQL form. */
export function num(value: number): string {
	if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
	return String(value);
}

/** A parenthesised list of string literals, for `IN (…)`. */
export function strList(values: readonly string[]): string {
	return values.length === 0 ? '(NULL)' : `(${values.map(str).join(', ')})`;
}
