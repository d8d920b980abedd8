/**
 * Reading and checking what the server hands over: manifest.json is parsed into a dataset description
 * only when every field has the expected shape, and each data file is checked against the size and
 * SHA-256 the manifest gives before it is decoded. Nothing served is trusted: a table name goes into SQL
 * only quoted (see load.ts) and must be a plain name besides, and a file name must stay inside the
 * dataset folder.
 */
import { DataLoadError, errorText } from './load-error.ts';
import { sha256 } from './sha256.ts';
import type { Manifest, ManifestDatabase, ManifestGeo, ManifestTable } from './load.ts';

/** A plain SQL name: what the build writes, and all the prepared tables expect. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** A file inside the dataset folder: no scheme, no leading slash, no "..". */
const FILE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;
const SHA256 = /^[0-9a-f]{64}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function invalid(what: string): never {
	throw new DataLoadError('manifest_invalid', what, 'manifest.json');
}

function fileEntry(value: unknown, where: string): { file: string; bytes: number; sha256: string } {
	if (!isRecord(value)) invalid(`${where} is not an object`);
	const { file, bytes, sha256 } = value;
	if (typeof file !== 'string' || !FILE_NAME.test(file))
		invalid(`${where}.file is not a file name`);
	if (!isCount(bytes)) invalid(`${where}.bytes is not a byte count`);
	if (typeof sha256 !== 'string' || !SHA256.test(sha256))
		invalid(`${where}.sha256 is not a SHA-256`);
	return { file, bytes, sha256 };
}

/** The dataset description in manifest.json's bytes; throws DataLoadError('manifest_invalid'). */
export function parseManifest(bytes: Uint8Array): Manifest {
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder().decode(bytes));
	} catch (error) {
		invalid(errorText(error));
	}
	if (!isRecord(value)) invalid('not an object');
	const { dataset, firstYear, lastYear, tables, geo, database, answers } = value;
	if (typeof dataset !== 'string') invalid('dataset is not a text');
	if (!isCount(firstYear) || !isCount(lastYear)) invalid('firstYear or lastYear is not a year');
	if (!Array.isArray(tables) || tables.length === 0) invalid('tables is not a list of tables');
	const names = new Set<string>();
	const parsedTables = tables.map((t, i): ManifestTable => {
		const entry = fileEntry(t, `tables[${i}]`);
		const { name, rows } = t as Record<string, unknown>;
		if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
			invalid(`tables[${i}].name is not a plain table name: ${JSON.stringify(name)}`);
		}
		if (names.has(name)) invalid(`table ${name} is listed twice`);
		names.add(name);
		if (!isCount(rows)) invalid(`tables[${i}].rows is not a row count`);
		return { name, rows, ...entry };
	});
	let parsedGeo: ManifestGeo[] | undefined;
	if (geo !== undefined) {
		if (!Array.isArray(geo)) invalid('geo is not a list');
		parsedGeo = geo.map((g, i) => {
			const entry = fileEntry(g, `geo[${i}]`);
			const { scheme, source } = g as Record<string, unknown>;
			if (typeof scheme !== 'string' || typeof source !== 'string') {
				invalid(`geo[${i}] has no scheme or source`);
			}
			return { scheme, source, ...entry };
		});
	}
	let parsedDatabase: ManifestDatabase | undefined;
	if (database !== undefined) {
		const entry = fileEntry(database, 'database');
		const { tables: held } = database as Record<string, unknown>;
		if (!Array.isArray(held) || !held.every((n) => typeof n === 'string' && TABLE_NAME.test(n))) {
			invalid('database.tables is not a list of plain table names');
		}
		// The dashboard reads every table of the Parquet files from it: one it lacks would vanish.
		const missing = parsedTables.find((t) => !held.includes(t.name));
		if (missing) invalid(`database has no table ${missing.name}`);
		parsedDatabase = { ...entry, tables: held as string[] };
	}
	// Computed from the database file: without it (the Parquet path) they are not read.
	const parsedAnswers = answers === undefined ? undefined : fileEntry(answers, 'answers');
	return {
		dataset,
		firstYear,
		lastYear,
		tables: parsedTables,
		...(parsedGeo && { geo: parsedGeo }),
		...(parsedDatabase && { database: parsedDatabase }),
		...(parsedAnswers && { answers: parsedAnswers }),
	};
}

/**
 * Lower-case hex SHA-256 of bytes, with WebCrypto (the browser's, or Node's global one); where the page
 * has none (plain HTTP from another machine is not a secure context), with the plain TypeScript one.
 */
export async function sha256Hex(
	bytes: Uint8Array,
	subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle,
): Promise<string> {
	const digest = subtle
		? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
		: sha256(bytes);
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Check a served file against its manifest entry: first the size (cheap, and what a truncated download
 * gets wrong), then the SHA-256. Throws DataLoadError naming the file.
 */
export async function verifyFile(
	entry: { file: string; bytes: number; sha256: string },
	bytes: Uint8Array,
): Promise<void> {
	if (bytes.byteLength !== entry.bytes) {
		throw new DataLoadError(
			'size_mismatch',
			`${entry.file}: ${bytes.byteLength} bytes, manifest.json says ${entry.bytes}`,
			entry.file,
		);
	}
	const actual = await sha256Hex(bytes);
	if (actual !== entry.sha256) {
		throw new DataLoadError(
			'checksum_mismatch',
			`${entry.file}: SHA-256 ${actual}, manifest.json says ${entry.sha256}`,
			entry.file,
		);
	}
}
