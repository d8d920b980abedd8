/**
 * The console's engine locked, on real DuckDB (DuckDB-WASM's blocking Node bindings): the engine alone
 * refuses files, URLs and setting changes once locked; with the guard in front, every statement that
 * would leave the page is refused as such, ordinary SQL still runs, and a reset locks the new engine.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, test } from 'vitest';
import { lockEngine, LOCK_STATEMENTS } from '../../../src/db/workspace-lock.ts';
import { Workspace, type WorkspaceEngine } from '../../../src/db/workspace.ts';
import { nodeWorkspaceEngine } from '../../helpers/node-workspace-engine.ts';

/** The statements the issue lists, each of which must be refused without leaving the page. */
const ESCAPES = [
	"SELECT * FROM read_csv('https://example.com/a.csv')",
	"SELECT * FROM read_parquet('https://example.com/a.parquet')",
	"SELECT * FROM read_json('https://example.com/a.json')",
	"ATTACH 'md:my_db'",
	"ATTACH 'https://example.com/x.duckdb' AS x",
	'INSTALL httpfs',
	'LOAD httpfs',
	'SET autoinstall_known_extensions = true',
	'SET autoload_known_extensions = true',
	'SET enable_external_access = true',
	"COPY (SELECT 1) TO 'x.csv'",
	'SET lock_configuration = false',
];

const engines: WorkspaceEngine[] = [];
afterAll(async () => {
	for (const engine of engines) await engine.close().catch(() => undefined);
});

async function engine(): Promise<WorkspaceEngine> {
	const created = await nodeWorkspaceEngine();
	engines.push(created);
	return created;
}

async function failure(db: WorkspaceEngine, sql: string): Promise<string> {
	try {
		await db.query(sql);
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
	return 'ran';
}

describe('lockEngine on DuckDB', () => {
	test('takes every setting and reads them back', async () => {
		const db = await engine();
		await lockEngine(db);
		const row = (
			await db.query(
				`SELECT current_setting('enable_external_access') AS e,
					current_setting('autoinstall_known_extensions') AS i,
					current_setting('autoload_known_extensions') AS l,
					current_setting('lock_configuration') AS k`,
			)
		).get(0)!;
		expect(row.toJSON()).toEqual({ e: false, i: false, l: false, k: true });
		expect(LOCK_STATEMENTS.at(-1)).toBe('SET lock_configuration = true');
	});

	test('the engine alone refuses files, URLs and setting changes, and still takes Arrow data', async () => {
		const db = await engine();
		await db.exec('CREATE TABLE t AS SELECT 1 AS n');
		await lockEngine(db);
		for (const sql of [
			"SELECT * FROM read_csv('https://example.com/a.csv')",
			"SELECT * FROM 'https://example.com/a.csv'",
			"SELECT * FROM read_csv('/etc/hostname')",
			"ATTACH 'https://example.com/x.duckdb' AS x",
			"COPY (SELECT 1) TO 'x.csv'",
			'LOAD httpfs',
		]) {
			expect(await failure(db, sql), sql).toMatch(/"exception_type":"Permission"/);
		}
		for (const sql of [
			'SET enable_external_access = true',
			'SET autoinstall_known_extensions = true',
			'SET autoload_known_extensions = true',
			'SET lock_configuration = false',
			'RESET lock_configuration',
			'PRAGMA enable_external_access = true',
		]) {
			expect(await failure(db, sql), sql).toMatch(/configuration has been locked/);
		}
		expect((await db.query('SELECT n FROM t')).get(0)!.toJSON()).toEqual({ n: 1 });
		// Loading more data into a locked engine still works: Arrow inserts are not file accesses.
		await db.insertArrowIPC('more', tableToIPC(tableFromArrays({ k: Int32Array.from([4, 5]) })));
		expect((await db.query('SELECT sum(k)::INTEGER AS s FROM more')).get(0)!.toJSON()).toEqual({
			s: 9,
		});
		await db.exec('CREATE TABLE mine AS SELECT n + 1 AS m FROM t');
		expect((await db.query('SELECT m FROM mine')).get(0)!.toJSON()).toEqual({ m: 2 });
	});

	test('why the guard is needed: the locked engine still accepts INSTALL, and answers read_parquet with advice to install', async () => {
		const db = await engine();
		await lockEngine(db);
		expect(await failure(db, 'INSTALL httpfs')).toBe('ran');
		expect(
			await failure(db, "SELECT * FROM read_parquet('https://example.com/a.parquet')"),
		).toMatch(/INSTALL parquet/);
	});
});

describe('the console (Workspace) on a locked DuckDB', () => {
	let loads = 0;
	const ws = new Workspace({
		createEngine: engine,
		loadData: async (db) => {
			loads++;
			await db.exec('CREATE TABLE yearly AS SELECT range AS year FROM range(2016, 2027)');
		},
	});

	test.each(ESCAPES)('refuses %s as leaving the page', async (sql) => {
		const result = await ws.run(sql);
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ refused: 'external', line: 1 });
		expect(result.error!.message).not.toMatch(/call stack/i);
	});

	test('a URL read as a table is refused by the engine, with the same reason', async () => {
		const result = await ws.run("SELECT * FROM 'https://example.com/a.csv'");
		expect(result.error).toMatchObject({ refused: 'external', kind: 'Permission' });
	});

	test('any other setting is refused as locked; ordinary SQL runs', async () => {
		expect((await ws.run('SET threads = 2')).error).toMatchObject({ refused: 'settings' });
		const ok = await ws.run(
			"SET VARIABLE first = 2020; SELECT count(*) AS n FROM yearly WHERE year >= getvariable('first')",
		);
		expect(ok.error).toBeNull();
		expect(ok.table!.get(0)!.toJSON()).toEqual({ n: 7 });
		const syntax = await ws.run('SELEC 1');
		expect(syntax.error).toMatchObject({ kind: 'Parser' });
		expect(syntax.error!.refused).toBeUndefined();
	});

	test('a refused statement in a script stops it before anything runs, and is placed in the script', async () => {
		const result = await ws.run('CREATE TABLE before_it AS SELECT 1;\nSELECT 1;\n  LOAD httpfs;');
		expect(result.statements).toBe(0);
		expect(result.error).toMatchObject({ refused: 'external', line: 3, column: 3 });
		expect(
			(
				await ws.run(
					"SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'before_it'",
				)
			)
				.table!.get(0)!
				.toJSON(),
		).toEqual({ n: 0 });
	});

	test('a reset locks the new engine too', async () => {
		await ws.run('SELECT 1');
		const before = loads;
		await ws.reset();
		expect(loads).toBe(before + 1);
		const setting = await ws.run(
			"SELECT current_setting('lock_configuration') AS locked, current_setting('enable_external_access') AS external",
		);
		expect(setting.table!.get(0)!.toJSON()).toEqual({ locked: true, external: false });
		expect((await ws.run("SELECT * FROM 'https://example.com/a.csv'")).error).toMatchObject({
			refused: 'external',
		});
	});
});
