/**
 * Parquet → rows of cells. The decoding itself (parquet-wasm) belongs to the data layer and is handed in
 * as a function from Parquet bytes to an Arrow IPC stream (src/db/parquet-browser.ts in the page,
 * parquet-wasm's Node build in tests); this module only turns the Arrow table into header and rows.
 */
import { tableFromIPC } from 'apache-arrow';
import type { LimitId } from './limits.ts';
import { parquetShape } from './parquet-footer.ts';
import type { Cell, SheetRow } from './types.ts';

export type ParquetDecoder = (bytes: Uint8Array) => Promise<Uint8Array>;

export type ParquetGrid =
	| { ok: true; headers: string[]; rows: SheetRow[] }
	| { ok: false; reason: string; limit?: LimitId };

export interface ParquetLimits {
	rows: number;
	columns: number;
	cells: number;
}

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

const tooMany = (limit: LimitId): ParquetGrid => ({
	ok: false,
	reason: `too many ${limit}`,
	limit,
});

/** Which limit a table of this shape passes, if any. */
function limitPassed(rows: number, columns: number, limits: ParquetLimits): LimitId | null {
	if (rows > limits.rows) return 'rows';
	if (columns > limits.columns) return 'columns';
	if (rows * columns > limits.cells) return 'cells';
	return null;
}

/**
 * Header (column names) and rows (row 1 is the header, as a spreadsheet would show it). The footer's
 * counts are checked before decoding, the decoded table's again after. Never throws.
 */
export async function readParquet(
	bytes: Uint8Array,
	decode: ParquetDecoder,
	limits: ParquetLimits = { rows: 200_000, columns: 256, cells: 3_000_000 },
): Promise<ParquetGrid> {
	try {
		const shape = parquetShape(bytes);
		const declared = shape && limitPassed(shape.rows, shape.columns, limits);
		if (declared) return tooMany(declared);
		const table = tableFromIPC(await decode(bytes));
		const decoded = limitPassed(table.numRows, table.numCols, limits);
		if (decoded) return tooMany(decoded);
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
