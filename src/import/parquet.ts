/**
 * Parquet → rows of cells. The decoding itself (parquet-wasm) belongs to the data layer and is handed in
 * as a function from Parquet bytes to an Arrow IPC stream (src/db/parquet-browser.ts in the page,
 * parquet-wasm's Node build in tests); this module only turns the Arrow table into header and rows.
 */
import { tableFromIPC } from 'apache-arrow';
import type { Cell, SheetRow } from './types.ts';

export type ParquetDecoder = (bytes: Uint8Array) => Promise<Uint8Array>;

export type ParquetGrid =
	{ ok: true; headers: string[]; rows: SheetRow[] } | { ok: false; reason: string };

function toCell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
	if (typeof value === 'bigint') {
		return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
			? Number(value)
			: value.toString();
	}
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return value.toISOString();
	return String(value);
}

/** Header (column names) and rows (row 1 is the header, as a spreadsheet would show it). Never throws. */
export async function readParquet(
	bytes: Uint8Array,
	decode: ParquetDecoder,
	maxRows = 200_000,
): Promise<ParquetGrid> {
	try {
		const table = tableFromIPC(await decode(bytes));
		if (table.numRows > maxRows) return { ok: false, reason: 'too many rows' };
		const headers = table.schema.fields.map((f) => f.name);
		const columns = headers.map((_, i) => table.getChildAt(i));
		const rows: SheetRow[] = [];
		for (let r = 0; r < table.numRows; r++) {
			rows.push({ number: r + 2, cells: columns.map((c) => toCell(c?.get(r))) });
		}
		return { ok: true, headers, rows };
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}
