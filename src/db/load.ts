/**
 * Loading the dataset: manifest → Parquet bytes from the page's own origin, each checked against the
 * manifest's size and SHA-256 → Arrow IPC → DuckDB tables, then the prepared tables. Progress is
 * reported by stage and bytes; a failure is a DataLoadError saying which step and which file.
 */
import type { Connector } from './connector.ts';
import { DataLoadError, errorText, type LoadFailure } from './load-error.ts';
import { parseManifest, verifyFile } from './manifest.ts';
import { attachSql, BUNDLED } from './bundled.ts';
import { parseAnswers, type PreparedAnswer } from './answers.ts';
import { prepareSql } from './prepare.ts';
import { ident } from './sql.ts';

/** What the load gave: the dataset's manifest, and whether its prepared database file was attached. */
export interface LoadedDataset {
	manifest: Manifest;
	/** True when the tables are views of the attached database file (bundled.ts), prepared tables included. */
	attached: boolean;
	/** The first screen's answers computed from the attached file (answers.ts); none otherwise. */
	answers: PreparedAnswer[];
}

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

/**
 * The same data as a prepared DuckDB database file (scripts/data/database.ts), the prepared tables
 * included: attached read-only instead of decoding and inserting the Parquet.
 */
export interface ManifestDatabase {
	file: string;
	bytes: number;
	sha256: string;
	/** Every table in it. */
	tables: string[];
}

/**
 * The first screen's answers computed from the database file at build time (src/db/answers.ts): the
 * charts are drawn from them while the engine, still cold, checks them in idle time.
 */
export interface ManifestFile {
	file: string;
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
	/** The prepared database file, when the dataset has one. */
	database?: ManifestDatabase;
	/** The first screen's answers, when the dataset has a database file (never without one). */
	answers?: ManifestFile;
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
	/**
	 * The reader keeps the bytes it returns (a cache): the engine is given a copy of the database file,
	 * since registering a file moves its bytes to the engine's worker.
	 */
	keepFiles?: boolean;
	/** Leave `yearly_2025` for later (see prepareSql). */
	deferReaggregation?: boolean;
	/**
	 * Called with the first screen's answers as soon as they are read, before the engine may be ready;
	 * they count only if the database file is then attached (LoadedDataset.answers).
	 */
	onAnswers?: (answers: PreparedAnswer[]) => void;
}

/**
 * Load every table of the manifest into DuckDB and prepare the derived tables. Fetching and decoding do
 * not wait for the engine: the two run side by side, and only the inserts wait for both.
 */
export async function loadDataset(options: LoadOptions): Promise<LoadedDataset> {
	const { readFile, decodeParquet, onProgress } = options;
	// A failed engine start is reported when the engine is needed, not as an unhandled rejection now.
	const engine = Promise.resolve(options.connector);
	engine.catch(() => undefined);
	const manifest = parseManifest(
		await step('manifest_missing', 'manifest.json', () => readFile('manifest.json', () => {})),
	);
	const database = manifest.database;
	if (database && (options.optimised ?? true)) {
		// Small, and fetched beside the database file: ready by the time the file is attached.
		const answers = manifest.answers
			? readAnswers(manifest.answers, database, options.readFile).then((read) => {
					if (read.length > 0) options.onAnswers?.(read);
					return read;
				})
			: Promise.resolve([]);
		const attached = await attachDatabase(database, engine, options);
		if (attached) return { manifest, attached: true, answers: await answers };
	}
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
	return { manifest, attached: false, answers: [] };
}

/**
 * The answers file, checked like every file of the dataset; none when it cannot be used. Never a load
 * failure: the engine computes the same answers, only later. Said in the console for whoever looks.
 */
async function readAnswers(
	entry: ManifestFile,
	database: ManifestDatabase,
	readFile: LoadOptions['readFile'],
): Promise<PreparedAnswer[]> {
	try {
		const bytes = await readFile(entry.file, () => {});
		await verifyFile(entry, bytes);
		return parseAnswers(bytes, database.sha256);
	} catch (error) {
		console.warn(`${entry.file}: not used (${errorText(error)})`);
		return [];
	}
}

/**
 * Fetch, check and attach the prepared database file; false (the Parquet path follows) when the engine
 * cannot take files or cannot open this one (a file written for another engine version). A missing or
 * damaged file fails the load like a missing Parquet file would.
 */
async function attachDatabase(
	database: ManifestDatabase,
	engine: Promise<Connector>,
	options: LoadOptions,
): Promise<boolean> {
	const progress = (stage: LoadStage, loadedBytes: number) =>
		options.onProgress?.({ stage, loadedBytes, totalBytes: database.bytes });
	let loaded = 0;
	progress('download', 0);
	const bytes = await step('file_missing', database.file, () =>
		options.readFile(database.file, (n) => progress('download', (loaded += n))),
	);
	await verifyFile(database, bytes);
	progress('engine', loaded);
	const connector = await step('engine', null, () => engine);
	if (!connector.registerFile) return false;
	progress('prepare', loaded);
	try {
		await connector.registerFile(database.file, options.keepFiles ? bytes.slice() : bytes);
		await connector.exec(attachSql(database.file, database.tables));
	} catch (error) {
		// Not fatal: the same data is in the Parquet files. Said in the console for whoever looks.
		console.warn(`${database.file}: not attached (${errorText(error)}); loading the Parquet files`);
		await connector.exec(`DETACH DATABASE IF EXISTS ${BUNDLED}`).catch(() => undefined);
		return false;
	}
	progress('ready', loaded);
	return true;
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
