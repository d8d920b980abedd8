import { describe, expect, test } from 'vitest';
import {
	firstKeyword,
	isReadOnly,
	splitStatements,
	statementAt,
} from '../../../src/db/sql-text.ts';

describe('splitStatements', () => {
	test('splits at top-level semicolons and keeps offsets into the script', () => {
		const script = 'SELECT 1;\n\nSELECT 2 ;  SELECT 3';
		const spans = splitStatements(script);
		expect(spans.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
		for (const span of spans) expect(script.slice(span.from, span.to)).toBe(span.text);
	});

	test('ignores semicolons in strings, quoted names, comments and $$ strings', () => {
		const script = `SELECT 'a;b', "c;d" FROM t -- x;y
/* p;q */ WHERE e = 'it''s;';
SELECT $$;$$`;
		const spans = splitStatements(script);
		expect(spans).toHaveLength(2);
		expect(spans[0]!.text).toMatch(/^SELECT 'a;b'.*'it''s;'$/s);
		expect(spans[1]!.text).toBe('SELECT $$;$$');
	});

	test('drops empty statements and leading comments', () => {
		const spans = splitStatements(';; -- only a comment\n/* and this */ SELECT 1;  ;');
		expect(spans.map((s) => s.text)).toEqual(['SELECT 1']);
	});
});

describe('statementAt', () => {
	const script = 'SELECT 1;\nSELECT 2;\n\nSELECT 3';
	test('is the statement the cursor is in', () => {
		expect(statementAt(script, 3)?.text).toBe('SELECT 1');
		expect(statementAt(script, script.indexOf('2'))?.text).toBe('SELECT 2');
		expect(statementAt(script, script.length)?.text).toBe('SELECT 3');
	});
	test('a cursor after a semicolon or on a blank line means the statement before it', () => {
		expect(statementAt(script, script.indexOf('2;') + 2)?.text).toBe('SELECT 2');
		expect(statementAt(script, script.indexOf('\n\n') + 1)?.text).toBe('SELECT 2');
	});
	test('is null for a script of comments only', () => {
		expect(statementAt('-- nothing', 3)).toBeNull();
	});
});

describe('isReadOnly', () => {
	test.each([
		['SELECT * FROM facts', true],
		['  with t AS (SELECT 1) SELECT * FROM t', true],
		['FROM facts LIMIT 3', true],
		['-- note\nDESCRIBE facts', true],
		['EXPLAIN SELECT 1', true],
		['EXPLAIN ANALYZE DELETE FROM facts', false],
		['DROP TABLE facts', false],
		['delete from facts', false],
		['UPDATE facts SET year = 0', false],
		['INSERT INTO facts SELECT * FROM facts', false],
		['CREATE OR REPLACE TABLE yearly AS SELECT 1', false],
		['ALTER TABLE facts DROP COLUMN note', false],
		['SET threads = 1', false],
	])('%s → %s', (sql, expected) => {
		expect(isReadOnly(sql)).toBe(expected);
	});

	test('firstKeyword skips comments and parentheses', () => {
		expect(firstKeyword('/* x */ (select 1)')).toBe('SELECT');
	});
});
