import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { ident, num, str, strList } from '../../../src/db/sql.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';

let db: Connector;
beforeAll(async () => {
	db = await nodeConnector();
});
afterAll(() => db.close());

describe('quoting', () => {
	test('string literals survive quotes and Vietnamese text in a real DuckDB', async () => {
		const text = "Xã Ea H'leo; DROP TABLE facts; --";
		expect(await rows(db, `SELECT ${str(text)} AS t`)).toEqual([{ t: text }]);
	});

	test('identifiers with quotes are quoted', async () => {
		expect(ident('a"b')).toBe('"a""b"');
		expect(await rows(db, `SELECT 1 AS ${ident('kỳ "họp"')}`)).toEqual([{ 'kỳ "họp"': 1 }]);
	});

	test('lists and numbers', async () => {
		expect(strList([])).toBe('(NULL)');
		expect(await rows(db, `SELECT 'b' IN ${strList(['a', 'b'])} AS found`)).toEqual([
			{ found: true },
		]);
		expect(num(2022)).toBe('2022');
		expect(() => num(Number.NaN)).toThrow();
	});
});
