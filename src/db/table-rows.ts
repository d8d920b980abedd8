/** Arrow query results as plain JavaScript rows. */
import type { Table } from 'apache-arrow';
import { columnValues } from './text-column.ts';

/**
 * Rows of an Arrow table as plain objects. Read column by column: iterating a vector is several times
 * faster than Arrow's row proxies (`toArray().map(r => r.toJSON())`), which matters for a ranking of ten
 * thousand communes, and text columns are decoded a batch at a time (text-column.ts). Values are the same as the proxies give; of two columns with one name, the last wins.
 */
export function tableRows<T>(table: Table): T[] {
	const names = table.schema.fields.map((field) => field.name);
	const columns = names.map((_, i) => columnValues(table.getChildAt(i)!));
	const rows = new Array<T>(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![r];
		rows[r] = row as T;
	}
	return rows;
}
