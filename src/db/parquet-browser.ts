/** Parquet bytes → Arrow IPC stream in the browser, with parquet-wasm (DuckDB-WASM cannot read Parquet offline). */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

/** Decode a Parquet file into an Arrow IPC stream; the wasm module is fetched from the page's origin once. */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	ready ??= initParquet({ module_or_path: parquetWasmUrl });
	await ready;
	return readParquet(bytes).intoIPCStream();
}
