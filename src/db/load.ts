/**
 * Loading the dataset: manifest → Parquet bytes from the page's own origin, each checked against the
 * manifest's size and SHA-256 → Arrow IPC → DuckDB tables, then the prepared tables. Progress is
 * reported by stage and bytes; a failure is a DataLoadError saying which step and which file.
 */
import type { Connector } from './connector.ts';
import { DataLoadError, errorText, type LoadFailure } from './load-error.ts';
import { parseManifest, verifyFile } from './manifest.ts';
import { prepareSql } from './prepare.ts';
import { ident } from './sql.ts';

/** Run a step; whatever it throws becomes a DataLoadError of that step (one already is stays). */
async function step<T>(
	failure: LoadFailure,
	file: string | null,
	run: () => Promise<T>,
): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof DataLoadError) throw error;
		throw new DataLoadError(failure, errorText(error), file);
	}
}

export interface ManifestTable {
	name: string;
	file: string;
	rows: number;
	bytes: number;
	sha256: string;
}

/** Province boundaries of one scheme (TopoJSON), drawn by the map; not loaded into DuckDB. */
export interface ManifestGeo {
	scheme: string;
	file: string;
	/** The input it was copied from, under data/. */
	source: string;
	bytes: number;
	sha256: string;
}

export interface Manifest {
	dataset: string;
	firstYear: number;
	lastYear: number;
	tables: ManifestTable[];
	/** Province boundaries by scheme; a dataset without them has no map. */
	geo?: ManifestGeo[];
}

export type LoadStage = 'engine' | 'download' | 'decode' | 'prepare' | 'ready';

export interface LoadProgress {
	stage: LoadStage;
	loadedBytes: number;
	totalBytes: number;
}

export interface LoadOptions {
	/** The engine, or its start: files are fetched and decoded while it starts. */
	connector: Connector | Promise<Connector>;
	/** Reads a file of the dataset folder by name. */
	readFile: (name: string, onBytes: (n: number) => void) => Promise<Uint8Array>;
	/** Parquet bytes → Arrow IPC stream. */
	decodeParquet: (bytes: Uint8Array) => Promise<Uint8Array>;
	/**
	 * Called once the last file is decoded (or decoding failed), before the inserts: the decoder's
	 * worker ends here, so its heap is gone before DuckDB's grows (see parquet-worker.ts).
	 */
	afterDecode?: () => void;
	onProgress?: (progress: LoadProgress) => void;
	/** False builds `yearly` as a view (the benchmark's no-optimisation baseline). */
	optimised?: boolean;
	/** Leave `yearly_2025` for later (see prepareSql). */
	deferReaggregation?: boolean;
}

/**
 * Load every table of the manifest into DuckDB and prepare the derived tables. Fetching and decoding do
 * not wait for the engine: the two run side by side, and only the inserts wait for both.
 */
export async function loadDataset(options: LoadOptions): Promise<Manifest> {
	const { readFile, decodeParquet, onProgress } = options;
	// A failed engine start is reported when the engine is needed, not as an unhandled rejection now.
	const engine = Promise.resolve(options.connector);
	engine.catch(() => undefined);
	const manifest = parseManifest(
		await step('manifest_missing', 'manifest.json', () => readFile('manifest.json', () => {})),
	);
	const totalBytes = manifest.tables.reduce((sum, t) => sum + t.bytes, 0);
	let loadedBytes = 0;
	const report = (stage: LoadStage) => onProgress?.({ stage, loadedBytes, totalBytes });

	report('download');
	const files = await Promise.all(
		manifest.tables.map(async (t) => {
			const bytes = await step('file_missing', t.file, () =>
				readFile(t.file, (n) => {
					loadedBytes += n;
					report('download');
				}),
			);
			await verifyFile(t, bytes);
			return bytes;
		}),
	);
	report('decode');
	const decoded: Uint8Array[] = [];
	try {
		for (const [i, bytes] of files.entries()) {
			const file = manifest.tables[i]!.file;
			decoded.push(await step('decode', file, () => decodeParquet(bytes)));
		}
	} finally {
		options.afterDecode?.();
	}
	report('engine');
	const connector = await step('engine', null, () => engine);
	report('prepare');
	await step('engine', null, async () => {
		for (const [i, table] of manifest.tables.entries()) {
			await connector.exec(`DROP TABLE IF EXISTS ${ident(table.name)}`);
			await connector.insertArrowIPC(table.name, decoded[i]!);
		}
		const prepare = prepareSql(options.optimised ?? true, {
			reaggregate: !options.deferReaggregation,
		});
		for (const sql of prepare) await connector.exec(sql);
	});
	report('ready');
	return manifest;
}

/** Read a file from a URL folder, reporting bytes as they arrive. */
export function fetchFrom(baseUrl: string) {
	return async (name: string, onBytes: (n: number) => void): Promise<Uint8Array> => {
		const response = await fetch(new URL(name, baseUrl));
		if (!response.ok) throw new Error(`${name}: not found (HTTP ${response.status})`);
		// Single-page servers answer a missing file with the app's own page instead of a 404.
		if (response.headers.get('content-type')?.includes('text/html')) {
			throw new Error(`${name}: not found (the server answered with a web page)`);
		}
		if (!response.body) return new Uint8Array(await response.arrayBuffer());
		const chunks: Uint8Array[] = [];
		const reader = response.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			onBytes(value.byteLength);
		}
		const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
		let offset = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, offset);
			offset += chunk.byteLength;
		}
		return bytes;
	};
}
