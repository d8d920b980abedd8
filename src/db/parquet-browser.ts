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

/** Rows per chunk of parquetToIPCChunks: the benchmark datasets' row groups hold 256 Ki rows. */
export const CHUNK_ROWS = 262_144;

/**
 * Decode a Parquet file into several Arrow IPC streams of at most `rows` rows each, in order, to be
 * inserted one after another: DuckDB copies each stream into its wasm heap, which never shrinks, so the
 * heap then has to hold one chunk at a time instead of the whole file (137 MB of IPC for the monthly
 * benchmark's facts). A file without rows gives one stream with its schema.
 */
export async function parquetToIPCChunks(
	bytes: Uint8Array,
	rows = CHUNK_ROWS,
): Promise<Uint8Array[]> {
	ready ??= initParquet({ module_or_path: parquetWasmUrl });
	await ready;
	const table = readParquet(bytes, { batchSize: rows });
	if (table.numBatches === 0) return [table.intoIPCStream()];
	const chunks: Uint8Array[] = [];
	for (let i = 0; i < table.numBatches; i++) chunks.push(table.recordBatch(i)!.intoIPCStream());
	table.free();
	return chunks;
}
