/**
 * DuckDB-WASM's blocking Node bindings behind the app's Connector, with the bundled data loaded through
 * the same loadDataset() the browser uses: the prepared database file attached when the dataset has one,
 * or else parquet-wasm decode, Arrow IPC insert and the prepared tables.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readParquet } from 'parquet-wasm';
import type { Connector } from '../../src/db/connector.ts';
import { ownTablesSql } from '../../src/db/bundled.ts';
import { loadDataset, type Manifest } from '../../src/db/load.ts';
import { prepareSql } from '../../src/db/prepare.ts';
import { unitAllFactsSql } from '../../src/db/queries.ts';
import { UNITS_SQL } from '../../src/db/start-queries.ts';
import { tableRows } from '../../src/db/table-rows.ts';
import { UnitIndex, type UnitRowInput } from '../../src/model/unit-index.ts';
import type { UnitFactRow } from '../../src/model/unit-facts.ts';
import { nodeConnector } from '../../scripts/data/wasm-node.ts';

export { nodeConnector };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = join(ROOT, 'public', 'data');

/** Decode Parquet with parquet-wasm in Node (the package's Node build needs no init). */
export async function decodeParquetNode(bytes: Uint8Array): Promise<Uint8Array> {
	return readParquet(bytes).intoIPCStream();
}

/** A connector with the bundled dataset (public/data, built by `npm run data`) loaded and prepared. */
export async function loadedConnector(
	dataDir = DATA_DIR,
): Promise<{ db: Connector; manifest: Manifest }> {
	const db = await nodeConnector();
	const { manifest } = await loadDataset({
		connector: db,
		readFile: async (name) => new Uint8Array(readFileSync(join(dataDir, name))),
		decodeParquet: decodeParquetNode,
	});
	return { db, manifest };
}

/**
 * Make the loaded tables writable, as the app does before its first import: the attached file's tables
 * copied into memory and the prepared tables rebuilt (for tests that write rows themselves).
 */
export async function ownTables(db: Connector): Promise<void> {
	const statements = await ownTablesSql(db);
	if (statements.length === 0) return;
	for (const sql of [...statements, ...prepareSql(true)]) await db.exec(sql);
}

/** Rows of a query as plain objects. */
export async function rows(db: Connector, sql: string): Promise<Record<string, unknown>[]> {
	return (await db.query(sql)).toArray().map((r) => ({ ...r.toJSON() }));
}

/** The units of the loaded data in memory, as the page builds them from its first query. */
export async function unitIndexOf(db: Connector): Promise<UnitIndex> {
	return new UnitIndex(tableRows<UnitRowInput>(await db.query(UNITS_SQL)));
}

/** Every fact of a unit with its source, as the unit detail asks for them. */
export async function unitFacts(
	db: Connector,
	unitKey: string,
): Promise<(UnitFactRow & Record<string, unknown>)[]> {
	return tableRows(await db.query(unitAllFactsSql(unitKey)));
}
