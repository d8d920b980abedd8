import { tableFromArrays, Table } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { tableRows } from '../../../src/db/table-rows.ts';
import { loadedConnector } from '../../helpers/node-connector.ts';

/** What Arrow's row proxies give: the reference tableRows must agree with. */
const proxyRows = (table: Table) => table.toArray().map((row) => ({ ...row.toJSON() }));

describe('tableRows', () => {
	test('gives the same plain rows as the row proxies, nulls included', () => {
		const table = tableFromArrays({
			key: ['2023:01', '2023:02', '2023:03'],
			value: Float64Array.from([1.5, 0, 3]),
		});
		expect(tableRows(table)).toEqual([
			{ key: '2023:01', value: 1.5 },
			{ key: '2023:02', value: 0 },
			{ key: '2023:03', value: 3 },
		]);
		expect(tableRows(new Table())).toEqual([]);
	});

	test('agrees with the row proxies on a DuckDB result of many batches, with NULLs, booleans and counts', async () => {
		const { db } = await loadedConnector();
		try {
			const table =
				await db.query(`SELECT unit_key, year, sessions_regular, approx, COUNT(*) OVER () AS n
				FROM yearly WHERE level = 'commune'`);
			expect(table.batches.length, 'batches').toBeGreaterThan(1);
			expect(table.getChild('sessions_regular')!.nullCount).toBeGreaterThan(0);
			const rows = tableRows<Record<string, unknown>>(table);
			expect(rows).toEqual(proxyRows(table));
			expect(rows.length).toBe(Number(rows[0]!.n));
		} finally {
			await db.close?.();
		}
	});
});
