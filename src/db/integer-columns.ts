/**
 * Whole-number columns given back their integer type before a result is written to a file.
 *
 * Engines are opened with `castBigIntToDouble` so that JavaScript gets plain numbers: a BIGINT (COUNT(*))
 * or HUGEINT (SUM of integers) column arrives as Float64, and a Parquet file written from it would say
 * "double" where the analyst summed whole petitions. DuckDB still knows the type (DESCRIBE of the query),
 * so those columns, and only those, are turned back into Int64 (a real DOUBLE that happens to be whole,
 * like AVG = 2.0, stays a double).
 */
import {
	Int64,
	makeData,
	makeVector,
	Precision,
	Table,
	Type,
	type Data,
	type DataType,
	type Float,
	type Vector,
} from 'apache-arrow';

/**
 * A 64-bit float type. Compared by type id, not instanceof: DuckDB's Arrow objects may come from
 * another copy of Arrow.
 */
export function isDouble(type: DataType): boolean {
	return type.typeId === Type.Float && (type as Float).precision === Precision.DOUBLE;
}

/** DuckDB types that `castBigIntToDouble` turns into Float64. */
const WIDE_INTEGER = /^U?(BIGINT|HUGEINT)$/i;

/** Whole numbers that Int64 holds exactly (a double is exact up to 2^53). */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * One chunk of doubles as Int64, or null when a value is not a whole number that Int64 holds exactly.
 * Built from typed arrays, not with Arrow's builders (vectorFromArray): those compile code with
 * `new Function`, which the page's Content-Security-Policy forbids.
 */
function chunkAsInt64(chunk: Data): Data<Int64> | null {
	const doubles = makeVector(chunk);
	const values = new BigInt64Array(chunk.length);
	const valid = new Uint8Array(Math.ceil(chunk.length / 8));
	let nulls = 0;
	for (let row = 0; row < chunk.length; row++) {
		const value = doubles.get(row) as number | null;
		if (value === null) {
			nulls++;
			continue;
		}
		if (!Number.isInteger(value) || Math.abs(value) > SAFE) return null;
		values[row] = BigInt(value);
		valid[row >> 3]! |= 1 << (row & 7);
	}
	return makeData({
		type: new Int64(),
		length: chunk.length,
		nullCount: nulls,
		nullBitmap: nulls > 0 ? valid : null,
		data: values,
	});
}

function asInt64(vector: Vector): Vector | null {
	const chunks: Data<Int64>[] = [];
	for (const chunk of vector.data) {
		const converted = chunkAsInt64(chunk);
		// Larger than a double holds exactly (a huge HUGEINT sum): keep the column as it was.
		if (!converted) return null;
		chunks.push(converted);
	}
	return makeVector(chunks);
}

/**
 * `table` with each Float64 column whose DuckDB type (`types`, in column order, from DESCRIBE) is a
 * BIGINT or HUGEINT as Int64. Without types, or when they do not match the columns, the table as is.
 */
export function restoreIntegers(table: Table, types: readonly string[] | null): Table {
	const fields = table.schema.fields;
	if (!types || types.length !== fields.length) return table;
	const columns: Record<string, Vector> = {};
	let changed = false;
	for (const [i, field] of fields.entries()) {
		const vector = table.getChildAt(i)!;
		const restored = isDouble(field.type) && WIDE_INTEGER.test(types[i]!) ? asInt64(vector) : null;
		if (restored) changed = true;
		columns[field.name] = restored ?? vector;
	}
	// Duplicate column names cannot be rebuilt by name: keep such a table as it is.
	if (!changed || Object.keys(columns).length !== fields.length) return table;
	return new Table(columns);
}
