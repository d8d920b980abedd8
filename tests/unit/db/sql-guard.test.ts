/**
 * The console's guard by statement text: what leaves the page is refused by its keywords, with the
 * place of the refused word; the same words inside strings, comments or as plain names are not.
 */
import { describe, expect, test } from 'vitest';
import { engineRefusal, refuseStatement, tokenize } from '../../../src/db/sql-guard.ts';

describe('refuseStatement', () => {
	test.each([
		["SELECT * FROM read_csv('https://example.com/a.csv')", 'read_csv'],
		["SELECT * FROM read_parquet('http://example.com/a.parquet')", 'read_parquet'],
		["SELECT * FROM READ_JSON('https://example.com/a.json')", 'READ_JSON'],
		["SELECT * FROM main.parquet_scan ('x.parquet')", 'parquet_scan'],
		["SELECT count(*) FROM glob('/etc/*')", 'glob'],
		['SELECT * FROM "read_text"(\'/etc/hostname\')', 'read_text'],
		["ATTACH 'md:my_db'", 'ATTACH'],
		["attach 'https://example.com/x.duckdb' AS x", 'attach'],
		['INSTALL httpfs', 'INSTALL'],
		['FORCE INSTALL httpfs', 'INSTALL'],
		['LOAD httpfs', 'LOAD'],
		['  -- load the extension\n  LOAD httpfs', 'LOAD'],
		["COPY (SELECT 1) TO 'x.csv'", 'COPY'],
		["COPY yearly FROM 'x.csv'", 'COPY'],
		["EXPORT DATABASE 'dir'", 'EXPORT'],
		['SET autoinstall_known_extensions = true', 'autoinstall_known_extensions'],
		['SET autoload_known_extensions TO true', 'autoload_known_extensions'],
		['SET GLOBAL enable_external_access = true', 'enable_external_access'],
		['SET lock_configuration = false', 'lock_configuration'],
		['RESET lock_configuration', 'lock_configuration'],
		['PRAGMA enable_external_access = true', 'enable_external_access'],
		["SET custom_extension_repository = 'https://example.com'", 'custom_extension_repository'],
		["(SELECT * FROM read_csv_auto('a.csv'))", 'read_csv_auto'],
	])('refuses %s', (sql, word) => {
		const refusal = refuseStatement(sql);
		expect(refusal).toMatchObject({ reason: 'external', word });
		expect(sql.slice(refusal!.offset).replace(/^"/, '').startsWith(word)).toBe(true);
	});

	test.each([
		'SELECT * FROM yearly',
		"SELECT 'install httpfs; load httpfs' AS note",
		'SELECT "load", install FROM (SELECT 1 AS "load", 2 AS install)',
		'-- COPY (SELECT 1) TO x\nSELECT 1',
		"/* read_csv('x') */ SELECT 1",
		"SELECT 'read_csv(1)' AS text",
		'SELECT $$ATTACH md:$$',
		'SELECT glob FROM (SELECT 1 AS glob)',
		'SET VARIABLE year = 2024',
		'SET threads = 2',
		'CREATE TABLE mine AS SELECT * FROM yearly',
		'WITH x AS (SELECT 1) SELECT * FROM x',
		"SELECT lower('ATTACH') AS a",
	])('lets %s through to the engine', (sql) => {
		expect(refuseStatement(sql)).toBeNull();
	});
});

describe('tokenize', () => {
	test('skips blanks and comments, keeps strings whole and names unquoted', () => {
		const tokens = tokenize(`SELECT "a""b", 'it''s' -- note\n/* x */ FROM t`);
		expect(tokens.map((t) => [t.kind, t.text])).toEqual([
			['word', 'SELECT'],
			['word', 'a"b'],
			['punct', ','],
			['string', "it's"],
			['word', 'FROM'],
			['word', 't'],
		]);
	});
});

describe('engineRefusal', () => {
	const info = (kind: string, message: string) => ({
		kind,
		message,
		offset: null,
		line: null,
		column: null,
	});
	test('a Permission error is a refusal to leave the page, a locked setting a refusal to change it', () => {
		expect(engineRefusal(info('Permission', 'Cannot access file "x"'))).toBe('external');
		expect(
			engineRefusal(
				info(
					'Invalid Input',
					'Cannot change configuration option "threads" - the configuration has been locked',
				),
			),
		).toBe('settings');
		expect(engineRefusal(info('Binder', 'Referenced column "nn" not found'))).toBeNull();
	});
});
