/**
 * Native DuckDB (@duckdb/node-api) reading the bundled Parquet directly: an engine and a reader independent
 * of the app's parquet-wasm → DuckDB-WASM path, to compute expected numbers.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA_DIR } from './node-connector.ts';

export interface NativeDb {
	rows(sql: string): Promise<Record<string, unknown>[]>;
	close(): void;
}

/** Views `facts`, `units`, `sources` over the Parquet files of a dataset folder. */
export async function nativeDuckDB(dataDir = DATA_DIR): Promise<NativeDb> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const table of ['facts', 'units', 'sources', 'crosswalk']) {
		const path = join(dataDir, `${table}.parquet`).replaceAll("'", "''");
		await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${path}')`);
	}
	return {
		async rows(sql) {
			const reader = await conn.runAndReadAll(sql);
			return reader.getRowObjectsJS() as Record<string, unknown>[];
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		},
	};
}

/**
 * The own full-year figure of each unit-year, reported before simulated, written independently of the
 * app's prepare.ts (only rows filed for the whole year: part-year and term rows are left aside).
 */
export const BEST_OWN_YEAR_SQL = `
	SELECT f.*, u.level, u.province_code, u.province_2025, s.kind
	FROM facts f
	JOIN units u ON u.code = f.unit_code AND u.scheme = f.scheme
	JOIN sources s ON s.id = f.source_id
	WHERE f.period = 'year' AND f.scope = 'own'
	QUALIFY row_number() OVER (PARTITION BY f.scheme, f.unit_code, f.year ORDER BY s.kind = 'reported' DESC) = 1`;
