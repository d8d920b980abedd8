/**
 * Lookups in tables keyed by text that comes from outside (a cell, a report, an XML attribute). A plain
 * object answers "constructor", "toString" or "__proto__" from its prototype, so `table[word]` takes such
 * a word for an entry (a function, an object) and the caller breaks further on. These read only the
 * table's own keys, or build tables without a prototype.
 */

/** The value a table holds under `key` itself; undefined for a key it only inherits. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An empty table with no prototype: every key read from it is one that was written to it. */
export function bareTable<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}
