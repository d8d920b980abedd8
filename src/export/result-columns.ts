/**
 * The columns of a query result as plain values: what kind each column is, and its cells as numbers,
 * text, booleans, dates or null. Tables, charts and files read results through here.
 */
import { DataType, type Table } from 'apache-arrow';

export type ColumnKind = 'integer' | 'number' | 'text' | 'boolean' | 'date' | 'timestamp' | 'other';

export interface ResultColumn {
	name: string;
	kind: ColumnKind;
	/** The engine's type, as Arrow names it (Int32, Utf8, Float64…). */
	type: string;
}

export type CellValue = number | string | boolean | null;

export function columnKind(type: DataType): ColumnKind {
	if (DataType.isInt(type)) return 'integer';
	if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'text';
	if (DataType.isBool(type)) return 'boolean';
	if (DataType.isDate(type)) return 'date';
	if (DataType.isTimestamp(type)) return 'timestamp';
	return 'other';
}

export function resultColumns(table: Table): ResultColumn[] {
	return table.schema.fields.map((field) => ({
		name: field.name,
		kind: columnKind(field.type),
		type: String(field.type),
	}));
}

/** ISO date (YYYY-MM-DD) of epoch milliseconds, in UTC as the engine stores dates. */
function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** A cell as a plain value: dates as ISO text, 64-bit integers as numbers, nested values as JSON. */
export function plainValue(value: unknown, kind: ColumnKind): CellValue {
	if (value === null || value === undefined) return null;
	switch (kind) {
		case 'integer':
		case 'number':
			return typeof value === 'bigint' ? Number(value) : Number(value);
		case 'text':
			return String(value);
		case 'boolean':
			return Boolean(value);
		case 'date':
			return isoDate(value instanceof Date ? value.getTime() : Number(value));
		case 'timestamp': {
			const ms = value instanceof Date ? value.getTime() : Number(value);
			return new Date(ms)
				.toISOString()
				.replace('T', ' ')
				.replace(/\.000Z$|Z$/, '');
		}
		default: {
			const json =
				typeof value === 'object' && 'toJSON' in value
					? (value as { toJSON(): unknown }).toJSON()
					: value;
			return JSON.stringify(json, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
		}
	}
}

/** The cells of a table, column by column, as plain values. */
export function columnValues(table: Table, limit = table.numRows): CellValue[][] {
	return resultColumns(table).map((column, i) => {
		const vector = table.getChildAt(i);
		const n = Math.min(limit, table.numRows);
		const values: CellValue[] = new Array<CellValue>(n);
		for (let row = 0; row < n; row++) values[row] = plainValue(vector?.get(row), column.kind);
		return values;
	});
}
