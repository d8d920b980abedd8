/** Columns → Arrow → Parquet bytes, with parquet-wasm (the same library the browser reads with). */
import {
	Table as ArrowTable,
	tableToIPC,
	vectorFromArray,
	Utf8,
	Int16,
	Int32,
	type DataType,
	type Vector,
} from 'apache-arrow';
import {
	Table as WasmTable,
	writeParquet,
	WriterPropertiesBuilder,
	Compression,
} from 'parquet-wasm';

/** A column to write: its Arrow type and its values (null where not reported). */
export interface ColumnSpec {
	type: 'utf8' | 'int16' | 'int32';
	values: (string | number | null)[];
}

function arrowType(type: ColumnSpec['type']): DataType {
	if (type === 'utf8') return new Utf8();
	if (type === 'int16') return new Int16();
	return new Int32();
}

/** Build an Arrow table from named columns, keeping the given column order. */
export function arrowTable(columns: Record<string, ColumnSpec>): ArrowTable {
	const vectors: Record<string, Vector> = {};
	for (const [name, spec] of Object.entries(columns)) {
		vectors[name] = vectorFromArray(spec.values, arrowType(spec.type));
	}
	return new ArrowTable(vectors);
}

/**
 * Encode an Arrow table as zstd Parquet. The writer name is fixed so that the bytes depend on the data only.
 */
export function toParquet(table: ArrowTable): Uint8Array {
	const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
	const properties = new WriterPropertiesBuilder()
		.setCompression(Compression.ZSTD)
		.setCreatedBy('hdnd-dashboard data build')
		.setMaxRowGroupSize(256 * 1024)
		.build();
	return writeParquet(wasmTable, properties);
}
