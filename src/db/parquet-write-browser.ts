/**
 * Arrow → Parquet bytes in the browser with parquet-wasm (DuckDB-WASM cannot write Parquet without an
 * extension from the internet). The table crosses as an Arrow IPC stream.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import initParquet, { Table as WasmTable, writeParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

/** The Parquet file of an Arrow table. */
export async function tableToParquet(table: Table): Promise<Uint8Array> {
	ready ??= initParquet({ module_or_path: parquetWasmUrl });
	await ready;
	const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
	return writeParquet(wasmTable);
}
