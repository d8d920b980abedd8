import { describe, expect, test } from 'vitest';
import { byteToCharOffset, lineColumn, parseSqlError } from '../../../src/db/sql-error.ts';

describe('JSON errors (errors_as_json)', () => {
	test('a parser error: kind, message and the position as line and column', () => {
		const sql = 'SELECT code,\n  name\nFORM units';
		const error = new Error(
			'Parser Error: {"exception_type":"Parser","exception_message":"syntax error at or near \\"units\\"","error_subtype":"SYNTAX_ERROR","position":"25"}',
		);
		expect(parseSqlError(error, sql)).toEqual({
			kind: 'Parser',
			message: 'syntax error at or near "units"',
			offset: 25,
			line: 3,
			column: 6,
		});
	});

	test('the position is a UTF-8 byte offset: Vietnamese text before it is counted in characters', () => {
		const sql = "SELECT 'Thạch Thất' AS ten, nosuch FROM units";
		const byteOffset = new TextEncoder().encode(sql.slice(0, sql.indexOf('nosuch'))).length;
		const error = `{"exception_type":"Binder","exception_message":"Referenced column \\"nosuch\\" not found","position":"${byteOffset}"}`;
		const info = parseSqlError(error, sql);
		expect(info.kind).toBe('Binder');
		expect(info.offset).toBe(sql.indexOf('nosuch'));
		expect(info.column).toBe(sql.indexOf('nosuch') + 1);
	});

	test('a JSON error wrapped in another one (the browser build) is read from the inside', () => {
		const inner =
			'{"exception_type":"Parser","exception_message":"syntax error at or near \\"units\\"","error_subtype":"SYNTAX_ERROR","position":"25"}';
		const outer = JSON.stringify({ exception_type: 'Parser', exception_message: inner });
		const info = parseSqlError(
			new Error(`Parser Error: ${outer}`),
			'SELECT code,\n  name\nFORM units',
		);
		expect(info).toMatchObject({
			kind: 'Parser',
			message: 'syntax error at or near "units"',
			line: 3,
			column: 6,
		});
	});

	test('an error without a position has none', () => {
		const info = parseSqlError(
			new Error(
				'{"exception_type":"Catalog","exception_message":"Table with name x does not exist!"}',
			),
			'SELECT * FROM x',
		);
		expect(info).toMatchObject({ kind: 'Catalog', offset: null, line: null, column: null });
	});
});

describe('plain errors (LINE n: with a caret)', () => {
	test('a caret under a short line', () => {
		const sql = 'SELECT *\nFROM facts WHERE yeer = 2020';
		const message =
			'Binder Error: Referenced column "yeer" not found in FROM clause!\n\nLINE 2: FROM facts WHERE yeer = 2020\n                         ^';
		const info = parseSqlError(new Error(message), sql);
		expect(info.kind).toBe('Binder');
		expect(info.message).toBe('Referenced column "yeer" not found in FROM clause!');
		expect([info.line, info.column]).toEqual([2, 18]);
		expect(sql.slice(info.offset!, info.offset! + 4)).toBe('yeer');
	});

	test('a caret under a line DuckDB cut short with "..."', () => {
		const sql =
			'SELECT level, year <= 2022 AS before, AVG(explanatory_hearings) h, AVG((explanatory_hearings > 0)::INT) share FROM yearly GROUP BY ALL ORDER BY ALL';
		const message = `Parser Error: syntax error at or near "share"

LINE 1: ...(explanatory_hearings) h, AVG((explanatory_hearings > 0)::INT) share FROM yearly GROUP BY ALL ORDER BY ALL
                                                                          ^`;
		const info = parseSqlError(new Error(message), sql);
		expect(info.message).toBe('syntax error at or near "share"');
		expect(sql.slice(info.offset!, info.offset! + 5)).toBe('share');
	});

	test('an error without LINE falls back to "at or near"', () => {
		const info = parseSqlError('Parser Error: syntax error at or near "FORM"', 'SELECT 1 FORM t');
		expect(info.offset).toBe(9);
	});
});

test('byteToCharOffset and lineColumn', () => {
	expect(byteToCharOffset('ắa', 3)).toBe(1);
	expect(byteToCharOffset('ắa', 4)).toBe(2);
	expect(byteToCharOffset('😀x', 4)).toBe(2);
	expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
});
