/**
 * The first screen's answers shipped with the data (src/db/answers.ts, scripts/data/answers.ts): the file
 * is read only when it belongs to the database file beside it, the comparison catches any difference of
 * shape or value, and the built file holds what the engine answers now for the SQL the page asks now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	Table,
	Utf8,
	tableFromArrays,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import {
	ANSWERS_FILE,
	answersFileBytes,
	parseAnswers,
	sameAnswer,
} from '../../../src/db/answers.ts';
import { answeredSql } from '../../../scripts/data/answers.ts';
import { loadDataset } from '../../../src/db/load.ts';
import { flipIn } from '../../helpers/tamper.ts';
import {
	DATA_DIR,
	decodeParquetNode,
	loadedConnector,
	nodeConnector,
} from '../../helpers/node-connector.ts';

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const SHA = 'a'.repeat(64);

describe('parseAnswers', () => {
	const table = tableFromArrays({ year: Int32Array.from([2024, 2025]), value: [1.5, 2] });
	const ipc = tableToIPC(table, 'stream');

	test('gives each query with its Arrow bytes', () => {
		const answers = parseAnswers(answersFileBytes(SHA, [{ sql: 'SELECT 1', ipc }]), SHA);
		expect(answers.map((a) => a.sql)).toEqual(['SELECT 1']);
		expect(sameAnswer(tableFromIPC(answers[0]!.ipc), table)).toBe(true);
	});

	test('refuses answers computed from another database file', () => {
		expect(() => parseAnswers(bytesOf({ database: 'b'.repeat(64), answers: [] }), SHA)).toThrow(
			/another database file/,
		);
	});

	test('refuses what is not a list of answers', () => {
		for (const value of [
			[],
			{ database: SHA },
			{ database: SHA, answers: [{ sql: 1, arrow: '' }] },
		]) {
			expect(() => parseAnswers(bytesOf(value), SHA)).toThrow(/not a list of answers/);
		}
		expect(() =>
			parseAnswers(bytesOf({ database: SHA, answers: [{ sql: 'SELECT 1', arrow: '+/=' }] }), SHA),
		).toThrow(/not base64url/);
		expect(() => parseAnswers(new TextEncoder().encode('{'), SHA)).toThrow();
	});
});

describe('sameAnswer', () => {
	const base = { unit_key: ['2025:01', '2025:02'], value: [6, null] as (number | null)[] };

	test('holds for the same columns, types and values, nulls included', () => {
		expect(sameAnswer(tableFromArrays(base), tableFromArrays({ ...base }))).toBe(true);
	});

	test('fails on a changed value, a missing null, another order, another type or another column', () => {
		const a = tableFromArrays(base);
		expect(sameAnswer(a, tableFromArrays({ ...base, value: [6, 7] }))).toBe(false);
		expect(sameAnswer(a, tableFromArrays({ ...base, value: [6, 0] }))).toBe(false);
		expect(
			sameAnswer(a, tableFromArrays({ unit_key: ['2025:02', '2025:01'], value: [6, null] })),
		).toBe(false);
		expect(sameAnswer(a, tableFromArrays({ ...base, value: Float32Array.from([6, 0]) }))).toBe(
			false,
		);
		expect(sameAnswer(a, tableFromArrays({ unit_key: base.unit_key, figure: base.value }))).toBe(
			false,
		);
		expect(sameAnswer(a, tableFromArrays({ unit_key: ['2025:01'], value: [6] }))).toBe(false);
	});
});

describe('sameAnswer on text columns (compared as bytes)', () => {
	const text = (values: (string | null)[]) => vectorFromArray(values, new Utf8());
	const table = (...chunks: (string | null)[][]) =>
		chunks.map((names) => new Table({ name: text(names) })).reduce((all, next) => all.concat(next));

	test('holds across different chunkings of the same cells, nulls and empty text included', () => {
		const one = table(['Hà Nội', '', null, 'Thạch Thất', 'Phường Gò Vấp']);
		const split = table(['Hà Nội', ''], [null, 'Thạch Thất'], ['Phường Gò Vấp']);
		expect(one.getChildAt(0)!.type).toBeInstanceOf(Utf8);
		expect(split.data.length).toBe(3);
		expect(sameAnswer(one, split)).toBe(true);
		expect(sameAnswer(split, one)).toBe(true);
	});

	test('fails on one changed letter, a null for empty text, or text that only starts the same', () => {
		const one = table(['Hà Nội', '', 'Thạch Thất']);
		expect(sameAnswer(one, table(['Hà Nội'], ['', 'Thạch Thật']))).toBe(false);
		expect(sameAnswer(one, table(['Hà Nội', null, 'Thạch Thất']))).toBe(false);
		expect(sameAnswer(one, table(['Hà Nội', '', 'Thạch Thấ']))).toBe(false);
		expect(sameAnswer(one, table(['Hà Nội', '', 'Thạch Thất ']))).toBe(false);
	});
});

describe('the built answers file', () => {
	let db: Connector;
	beforeAll(async () => {
		({ db } = await loadedConnector());
	}, 120_000);
	afterAll(async () => {
		await db?.close();
	});

	test('is given by the loader with the attached file; a changed one is left out, not a failure', async () => {
		const load = async (change = (_: string, b: Uint8Array) => b) => {
			const engine = await nodeConnector();
			try {
				return await loadDataset({
					connector: engine,
					readFile: async (name) =>
						change(name, new Uint8Array(readFileSync(join(DATA_DIR, name)))),
					decodeParquet: decodeParquetNode,
				});
			} finally {
				await engine.close();
			}
		};
		const loaded = await load();
		expect(loaded.attached).toBe(true);
		expect(loaded.answers.map((a) => a.sql)).toEqual(answeredSql());
		const tampered = await load(flipIn(ANSWERS_FILE));
		expect(tampered.attached).toBe(true);
		expect(tampered.answers).toEqual([]);
	}, 120_000);

	test('answers exactly the queries the page asks first, as the engine answers them now', async () => {
		const manifest = JSON.parse(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8'));
		expect(manifest.answers.file).toBe(ANSWERS_FILE);
		const answers = parseAnswers(
			new Uint8Array(readFileSync(join(DATA_DIR, ANSWERS_FILE))),
			manifest.database.sha256,
		);
		expect(answers.map((a) => a.sql)).toEqual(answeredSql());
		for (const { sql, ipc } of answers) {
			const shipped = tableFromIPC(ipc);
			expect(shipped.numRows, sql).toBeGreaterThan(0);
			expect(sameAnswer(shipped, await db.query(sql)), sql).toBe(true);
		}
	});
});
