/**
 * Nothing served is trusted: manifest.json is checked field by field (table names plain, files inside
 * the folder), each data file against its size and SHA-256, and a failed load says in plain words which
 * file, with the raw text kept apart.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../../src/db/load.ts';
import { DataLoadError, loadErrorMessage } from '../../../src/db/load-error.ts';
import { parseManifest, sha256Hex, verifyFile } from '../../../src/db/manifest.ts';
import { flipIn, withoutDatabase } from '../../helpers/tamper.ts';
import { DATA_DIR, decodeParquetNode, nodeConnector, rows } from '../../helpers/node-connector.ts';

const SHA_A = 'a'.repeat(64);
const good = {
	dataset: 'thu-nghiem',
	firstYear: 2016,
	lastYear: 2026,
	tables: [{ name: 'units', file: 'units.parquet', rows: 3, bytes: 10, sha256: SHA_A }],
	geo: [{ scheme: '2023', file: 'geo-2023.topojson', source: 'geo/x', bytes: 5, sha256: SHA_A }],
};
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const withTable = (change: Record<string, unknown>) => ({
	...good,
	tables: [{ ...good.tables[0], ...change }],
});

function failure(run: () => unknown): DataLoadError {
	try {
		run();
	} catch (error) {
		if (error instanceof DataLoadError) return error;
		throw error;
	}
	throw new Error('no failure');
}

describe('manifest.json', () => {
	test('a well-formed manifest is read as it is', () => {
		expect(parseManifest(json(good))).toEqual(good);
	});

	test("the first screen's answers are an entry like any file, refused from another host", () => {
		const withAnswers = { ...good, answers: { file: 'answers.json', bytes: 5, sha256: SHA_A } };
		expect(parseManifest(json(withAnswers))).toEqual(withAnswers);
		const elsewhere = { ...withAnswers.answers, file: 'https://example.com/answers.json' };
		expect(failure(() => parseManifest(json({ ...good, answers: elsewhere }))).failure).toBe(
			'manifest_invalid',
		);
	});

	test.each([
		['a table name that is SQL', withTable({ name: 'units"; DROP TABLE units; --' })],
		['a table name with a space', withTable({ name: 'my units' })],
		['a table named twice', { ...good, tables: [good.tables[0], good.tables[0]] }],
		['a file outside the folder', withTable({ file: '../secret.parquet' })],
		['a file on another host', withTable({ file: 'https://example.com/facts.parquet' })],
		['a file from the root', withTable({ file: '/facts.parquet' })],
		['a size that is not a count', withTable({ bytes: -1 })],
		['a checksum that is not SHA-256', withTable({ sha256: 'abc' })],
		['tables that are not a list', { ...good, tables: { reduce: 1 } }],
		['no tables', { ...good, tables: [] }],
		['a geo entry without its checksum', { ...good, geo: [{ scheme: '2023', file: 'g.json' }] }],
		['a list instead of an object', [good]],
	])('refused: %s', (_, manifest) => {
		const error = failure(() => parseManifest(json(manifest)));
		expect(error.failure).toBe('manifest_invalid');
		expect(error.file).toBe('manifest.json');
	});

	test('text that is not JSON is refused the same way', () => {
		expect(failure(() => parseManifest(new TextEncoder().encode('<html>'))).failure).toBe(
			'manifest_invalid',
		);
	});
});

describe('a served file against its manifest entry', () => {
	const bytes = new TextEncoder().encode('nội dung tệp');
	const entry = {
		file: 'facts.parquet',
		bytes: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
	};

	test('WebCrypto gives the same SHA-256 as the build', async () => {
		expect(await sha256Hex(bytes)).toBe(entry.sha256);
	});

	test('without WebCrypto (plain HTTP), the TypeScript SHA-256 gives the same', async () => {
		expect(await sha256Hex(bytes, undefined)).toBe(entry.sha256);
		// Lengths around the 64-byte blocks and their padding, and a real data file.
		for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
			const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
			expect(await sha256Hex(data, undefined), String(length)).toBe(
				createHash('sha256').update(data).digest('hex'),
			);
		}
		const sources = new Uint8Array(readFileSync(join(DATA_DIR, 'sources.parquet')));
		expect(await sha256Hex(sources, undefined)).toBe(
			createHash('sha256').update(sources).digest('hex'),
		);
	});

	test('the same bytes pass; another size or one changed byte is refused, naming the file', async () => {
		await expect(verifyFile(entry, bytes)).resolves.toBeUndefined();
		await expect(verifyFile(entry, bytes.subarray(1))).rejects.toMatchObject({
			failure: 'size_mismatch',
			file: 'facts.parquet',
		});
		const changed = bytes.slice();
		changed[3] = changed[3]! ^ 1;
		await expect(verifyFile(entry, changed)).rejects.toMatchObject({
			failure: 'checksum_mismatch',
			file: 'facts.parquet',
		});
	});

	test('the messages name the file in both languages, in plain words', () => {
		for (const failureKind of [
			'size_mismatch',
			'checksum_mismatch',
			'file_missing',
			'decode',
		] as const) {
			const message = loadErrorMessage(new DataLoadError(failureKind, 'raw text', 'facts.parquet'));
			expect(message.vi).toContain('facts.parquet');
			expect(message.en).toContain('facts.parquet');
			expect(message.vi).not.toContain('raw text');
		}
	});
});

describe('loading a tampered dataset', () => {
	// The Parquet path: the manifest read without its prepared database file (see database.test.ts).
	const read = (tamper: (name: string, bytes: Uint8Array) => Uint8Array) => async (name: string) =>
		tamper(name, withoutDatabase(name, new Uint8Array(readFileSync(join(DATA_DIR, name)))));

	test('a replaced facts.parquet of the same size is refused, and nothing is loaded', async () => {
		const db = await nodeConnector();
		const load = loadDataset({
			connector: db,
			readFile: read(flipIn('facts.parquet')),
			decodeParquet: decodeParquetNode,
		});
		await expect(load).rejects.toMatchObject({
			failure: 'checksum_mismatch',
			file: 'facts.parquet',
		});
		expect(
			await rows(
				db,
				"SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'facts'",
			),
		).toEqual([{ n: 0 }]);
		await db.close();
	});

	test('a manifest whose table name is SQL is refused before any SQL runs', async () => {
		const db = await nodeConnector();
		const load = loadDataset({
			connector: db,
			readFile: read((name, bytes) => {
				if (name !== 'manifest.json') return bytes;
				const manifest = JSON.parse(new TextDecoder().decode(bytes));
				manifest.tables[0].name = 'units"; DROP TABLE facts; --';
				return json(manifest);
			}),
			decodeParquet: decodeParquetNode,
		});
		await expect(load).rejects.toMatchObject({ failure: 'manifest_invalid' });
		await db.close();
	});

	test('a missing file and a failing decoder say which file', async () => {
		const missing = loadDataset({
			connector: nodeConnector(),
			readFile: async (name) => {
				if (name === 'sources.parquet') throw new Error('sources.parquet: not found (HTTP 404)');
				return withoutDatabase(name, new Uint8Array(readFileSync(join(DATA_DIR, name))));
			},
			decodeParquet: decodeParquetNode,
		});
		await expect(missing).rejects.toMatchObject({
			failure: 'file_missing',
			file: 'sources.parquet',
			detail: 'sources.parquet: not found (HTTP 404)',
		});
		let ended = 0;
		const undecodable = loadDataset({
			connector: nodeConnector(),
			readFile: read((_, bytes) => bytes),
			decodeParquet: () => Promise.reject(new Error('Parquet magic bytes not found')),
			afterDecode: () => ended++,
		});
		await expect(undecodable).rejects.toMatchObject({ failure: 'decode', file: 'units.parquet' });
		// The decoder's worker is ended even when a file could not be decoded.
		expect(ended).toBe(1);
	});

	test('the decoder is ended once, after the last file and before any insert', async () => {
		const db = await nodeConnector();
		const events: string[] = [];
		const insert = db.insertArrowIPC.bind(db);
		db.insertArrowIPC = async (name, ipc) => {
			events.push(`insert ${name}`);
			return insert(name, ipc);
		};
		const { manifest } = await loadDataset({
			connector: db,
			readFile: read((_, bytes) => bytes),
			decodeParquet: async (bytes) => {
				events.push('decode');
				return decodeParquetNode(bytes);
			},
			afterDecode: () => events.push('end decoder'),
		});
		const files = manifest.tables.length;
		expect(events.slice(0, files + 1)).toEqual([...Array(files).fill('decode'), 'end decoder']);
		expect(events.filter((e) => e === 'end decoder')).toHaveLength(1);
		expect(events.filter((e) => e.startsWith('insert'))).toHaveLength(files);
		await db.close();
	});
});
