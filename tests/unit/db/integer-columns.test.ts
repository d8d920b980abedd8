/**
 * Whole-number sums stay integers in a downloaded Parquet file: the workspace describes the query on
 * real DuckDB (blocking bindings, opened with castBigIntToDouble like the browser's), the BIGINT and
 * HUGEINT columns become Int64 again, a real DOUBLE stays a double, and native DuckDB reads the file
 * written by parquet-wasm back with those types and values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Int64, Table, tableFromArrays, tableToIPC, Type, vectorFromArray } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { afterAll, describe, expect, test } from 'vitest';
import { restoreIntegers } from '../../../src/db/integer-columns.ts';
import { Workspace, type WorkspaceEngine } from '../../../src/db/workspace.ts';
import { nativeDuckDB } from '../../helpers/native-duckdb.ts';
import { nodeWorkspaceEngine } from '../../helpers/node-workspace-engine.ts';

const engines: WorkspaceEngine[] = [];
const folder = mkdtempSync(join(tmpdir(), 'hdnd-int-'));
afterAll(async () => {
	for (const engine of engines) await engine.close().catch(() => undefined);
	rmSync(folder, { recursive: true, force: true });
});

const ws = new Workspace({
	createEngine: async () => {
		const engine = await nodeWorkspaceEngine();
		engines.push(engine);
		return engine;
	},
	loadData: (engine) =>
		engine.exec(`CREATE TABLE petitions AS
			SELECT unit, received, share::DOUBLE AS share FROM (VALUES ('a', 120, 0.5), ('a', 35, 1.0), ('b', 7, 2.0), ('c', NULL, NULL))
			AS t(unit, received, share)`),
});

const SUMS = `SELECT unit, SUM(received) AS received, COUNT(*) AS reports,
	AVG(received) AS mean, SUM(share) AS shares
	FROM petitions GROUP BY unit ORDER BY unit`;

describe('restoreIntegers', () => {
	test('the workspace gives the DuckDB types of a result that arrived as doubles', async () => {
		const result = await ws.run(SUMS);
		expect(result.error).toBeNull();
		expect(result.table!.schema.fields.map((f) => f.typeId)).toEqual([
			Type.Utf8,
			Type.Float,
			Type.Float,
			Type.Float,
			Type.Float,
		]);
		expect(result.columnTypes).toEqual(['VARCHAR', 'HUGEINT', 'BIGINT', 'DOUBLE', 'DOUBLE']);
		// Nothing to describe: no double column, or a statement DESCRIBE cannot bind.
		expect((await ws.run('SELECT 1 AS one')).columnTypes).toBeNull();
		expect((await ws.run('SHOW TABLES')).columnTypes).toBeNull();
	});

	test('BIGINT and HUGEINT columns become Int64 with their values and nulls; doubles stay', async () => {
		const result = await ws.run(SUMS);
		const table = restoreIntegers(result.table!, result.columnTypes);
		expect(table.schema.fields.map((f) => [f.name, f.typeId])).toEqual([
			['unit', Type.Utf8],
			['received', Type.Int],
			['reports', Type.Int],
			['mean', Type.Float],
			['shares', Type.Float],
		]);
		expect(table.getChild('received')!.toJSON()).toEqual([155n, 7n, null]);
		expect(table.getChild('reports')!.toJSON()).toEqual([2n, 1n, 1n]);
		expect(table.getChild('mean')!.toJSON()).toEqual([77.5, 7, null]);
	});

	test('the Parquet file says BIGINT where DuckDB summed whole numbers', async () => {
		const result = await ws.run(SUMS);
		const table = restoreIntegers(result.table!, result.columnTypes);
		const path = join(folder, 'sums.parquet');
		writeFileSync(path, writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream'))));
		const native = await nativeDuckDB();
		try {
			const quoted = path.replaceAll("'", "''");
			const types = await native.rows(`DESCRIBE SELECT * FROM read_parquet('${quoted}')`);
			expect(types.map((r) => r.column_type)).toEqual([
				'VARCHAR',
				'BIGINT',
				'BIGINT',
				'DOUBLE',
				'DOUBLE',
			]);
			const rows = await native.rows(
				`SELECT unit, received::VARCHAR AS received FROM read_parquet('${quoted}') ORDER BY unit`,
			);
			expect(rows).toEqual([
				{ unit: 'a', received: '155' },
				{ unit: 'b', received: '7' },
				{ unit: 'c', received: null },
			]);
		} finally {
			native.close();
		}
	});

	test('compiles no code: the page forbids eval (Arrow builders use new Function)', async () => {
		const result = await ws.run(SUMS);
		const original = globalThis.Function;
		const refuse = () => {
			throw new EvalError('eval is refused by the Content-Security-Policy');
		};
		globalThis.Function = new Proxy(original, { apply: refuse, construct: refuse });
		try {
			// The stand-in works: Arrow's builders do compile code.
			expect(() => vectorFromArray([1n, null], new Int64())).toThrow(EvalError);
			const table = restoreIntegers(result.table!, result.columnTypes);
			expect(table.getChild('received')!.toJSON()).toEqual([155n, 7n, null]);
		} finally {
			globalThis.Function = original;
		}
	});

	test('a result of several batches keeps its batches', () => {
		const first = tableFromArrays({ n: Float64Array.from([1, 2]) });
		const second = tableFromArrays({ n: Float64Array.from([3, 4]) });
		const withNull = new Table(first.batches[0]!, second.batches[0]!);
		const restored = restoreIntegers(withNull, ['BIGINT']);
		expect(restored.batches).toHaveLength(2);
		expect(restored.getChild('n')!.toJSON()).toEqual([1n, 2n, 3n, 4n]);
	});

	test('without types, with types that do not match, or past 2^53, the table is kept as it is', () => {
		const table = tableFromArrays({ n: Float64Array.from([1, 2]) });
		expect(restoreIntegers(table, null)).toBe(table);
		expect(restoreIntegers(table, ['BIGINT', 'BIGINT'])).toBe(table);
		const huge = tableFromArrays({ n: Float64Array.from([2 ** 60]) });
		expect(restoreIntegers(huge, ['HUGEINT'])).toBe(huge);
		expect(restoreIntegers(table, ['DOUBLE'])).toBe(table);
		expect(restoreIntegers(table, ['BIGINT'])).toBeInstanceOf(Table);
	});
});
