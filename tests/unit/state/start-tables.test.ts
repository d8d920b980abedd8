/**
 * The unit index built from the shipped answers before the engine is ready (src/state/start-tables.ts):
 * taken as it is when the coordinator answers with those very tables, built anew from any other answer.
 */
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { CROSSWALK_SQL, SOURCES_SQL, UNITS_SQL } from '../../../src/db/start-queries.ts';
import { StartTables } from '../../../src/state/start-tables.ts';

const units = (name: string) =>
	tableFromArrays({
		code: ['01', '01'],
		scheme: ['2023', '2025'],
		name: [name, name],
		name_with_type: [`Thành phố ${name}`, `Thành phố ${name}`],
		type: ['Thành phố Trung ương', 'Thành phố Trung ương'],
		level: ['province', 'province'],
		parent_code: [null, null] as (string | null)[],
		province_code: ['01', '01'],
		province_2025: ['01', '01'],
	});
const links = tableFromArrays({ old_code: ['00004'], new_code: ['00004'] });
const answer = (sql: string, table: Table) => ({ sql, ipc: tableToIPC(table, 'stream') });

describe('StartTables', () => {
	test('builds the index from the shipped answers, and reuses it for those very tables', () => {
		const start = new StartTables();
		start.take([
			answer(UNITS_SQL, units('Hà Nội')),
			answer(SOURCES_SQL, tableFromArrays({ id: ['simulated-v1'] })),
			answer(CROSSWALK_SQL, links),
		]);
		expect(start.shipped.map((a) => a.sql)).toEqual([UNITS_SQL, SOURCES_SQL, CROSSWALK_SQL]);
		const [shippedUnits, , shippedLinks] = start.shipped.map((a) => a.table);
		const built = start.unitTables(shippedUnits!, shippedLinks!);
		expect(built.units.get('2025:01')?.name).toBe('Hà Nội');
		expect(built.lineage.successors('2023:01')).toEqual(['2025:01']);
		expect(start.unitTables(shippedUnits!, shippedLinks!)).toBe(built);
	});

	test("builds anew from the engine's own answer (another table), and without shipped answers", () => {
		const start = new StartTables();
		start.take([answer(UNITS_SQL, units('Hà Nội')), answer(CROSSWALK_SQL, links)]);
		const shippedUnits = start.shipped[0]!.table;
		const fromEngine = start.unitTables(units('Huế'), links);
		expect(fromEngine.units.get('2025:01')?.name).toBe('Huế');
		expect(start.unitTables(shippedUnits, links)).not.toBe(fromEngine);
		expect(new StartTables().unitTables(units('Huế'), links).units.get('2023:01')?.name).toBe(
			'Huế',
		);
	});
});
