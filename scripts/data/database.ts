/**
 * The bundled data also as a prepared DuckDB database file, built here with native DuckDB from the
 * dataset's own Parquet files: the tables, and the prepared tables (`yearly`, `yearly_2025`,
 * `unit_counts`) already computed. The app attaches it read-only instead of decoding the Parquet and
 * inserting it (src/db/load.ts): DuckDB then reads the compressed blocks it needs, which keeps the
 * engine's memory near the file's size and takes the inserts and the preparation off the cold start.
 *
 * Parquet stays the format of the data: the file is built from it, is described in the same manifest,
 * and a dataset without it loads from the Parquet as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { prepareSql } from '../../src/db/prepare.ts';

/**
 * The file format DuckDB-WASM 1.32 reads: its engine is DuckDB 1.4, and native DuckDB writes its own newer
 * format unless told (pitfalls.md).
 */
const STORAGE_VERSION = 'v1.2.0';

export const DATABASE_FILE = 'dataset.duckdb';

/** The manifest's entry for the database file. */
export interface DatabaseEntry {
	file: string;
	bytes: number;
	sha256: string;
	/** Every table in it, the prepared ones included. */
	tables: string[];
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The order a table's rows are stored in, where it matters. The facts of one unit (the detail panel's
 * queries) then sit in one or two row groups, which the engine finds by their minimum and maximum and
 * reads alone: on the monthly dataset's 1.2 million facts, a unit's two queries took a third of the time
 * of a scan in year order. The Parquet files keep their own order.
 */
const STORED_ORDER: Record<string, string> = {
	facts: 'scheme, unit_code, year, period, month, term, scope, source_id',
};

/**
 * Rows per row group where DuckDB's default (122,880) does not suit. The engine finds a unit's facts by
 * each row group's minimum and maximum, then reads the groups it found: smaller groups read fewer rows
 * besides the unit's own. Measured in DuckDB-WASM (Node) on the monthly benchmark dataset, 60 units × 2:
 * the detail query took 4.8 ms at the median against 7.8 with the default (8.2 against 12.3 at p90);
 * 4,096 rows gave no more and made the file 5% larger.
 */
export const ROW_GROUP_SIZE: Record<string, number> = {
	facts: 16_384,
};

/**
 * Write `dataset.duckdb` in `dir` from the Parquet files of `tables` (name → file in `dir`), with the
 * prepared tables, and return its manifest entry.
 */
export async function writeDatabase(
	dir: string,
	tables: readonly { name: string; file: string }[],
): Promise<DatabaseEntry> {
	const path = join(dir, DATABASE_FILE);
	rmSync(path, { force: true });
	rmSync(`${path}.wal`, { force: true });
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		for (const { name, file } of tables) {
			await conn.run(
				`CREATE TABLE "${name}" AS SELECT * FROM read_parquet(${quote(join(dir, file))})`,
			);
		}
		// The same statements the app runs when it loads from Parquet, so both paths hold the same tables.
		for (const sql of prepareSql(true)) await conn.run(sql);
		const names = (
			await conn.runAndReadAll(
				`SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory' ORDER BY table_name`,
			)
		)
			.getRowObjectsJS()
			.map((row) => String(row.table_name));
		// A table with its own row group size is written in an attachment of its own: the size is an
		// option of the attachment, and the file keeps each table's row groups as they were written.
		for (const size of [null, ...new Set(Object.values(ROW_GROUP_SIZE))]) {
			const sizeOption = size === null ? '' : `, ROW_GROUP_SIZE ${size}`;
			await conn.run(
				`ATTACH ${quote(path)} AS prepared (STORAGE_VERSION '${STORAGE_VERSION}'${sizeOption})`,
			);
			for (const name of names.filter((n) => (ROW_GROUP_SIZE[n] ?? null) === size)) {
				const order = STORED_ORDER[name];
				await conn.run(
					`CREATE TABLE prepared."${name}" AS SELECT * FROM memory."${name}"${order ? ` ORDER BY ${order}` : ''}`,
				);
			}
			await conn.run('DETACH prepared');
		}
		const bytes = readFileSync(path);
		return {
			file: DATABASE_FILE,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			tables: names,
		};
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
