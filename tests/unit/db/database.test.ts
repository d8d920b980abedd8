/**
 * The prepared database file (scripts/data/database.ts) against the Parquet it is built from: the same
 * loader attaches it in DuckDB-WASM, every table and prepared table holds what the Parquet path computes,
 * a damaged file is refused, a file the engine cannot open falls back to the Parquet, and a data change
 * copies the attached tables into memory first without touching the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { Coordinator } from '../../../src/db/coordinator.ts';
import { applyDataChange, type ImportBatch } from '../../../src/db/imports.ts';
import { loadDataset } from '../../../src/db/load.ts';
import {
	BUNDLED,
	ownTablesSql,
	columnsOfSql,
	READ_AHEAD_TABLES,
	readAheadSql,
} from '../../../src/db/bundled.ts';
import { applyAll, changeSql } from '../../../src/db/workspace-data.ts';
import { ROW_GROUP_SIZE } from '../../../scripts/data/database.ts';
import { flipIn, withoutDatabase } from '../../helpers/tamper.ts';
import { DATA_DIR, decodeParquetNode, nodeConnector, rows } from '../../helpers/node-connector.ts';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const file = (name: string) => new Uint8Array(readFileSync(join(DATA_DIR, name)));

/** Read the dataset, with manifest.json (and any file) changed by `change`. */
const reader =
	(change: (name: string, bytes: Uint8Array) => Uint8Array = (_, b) => b) =>
	async (name: string) =>
		change(name, file(name));

const TABLES = ['units', 'crosswalk', 'sources', 'facts', 'unit_counts', 'yearly', 'yearly_2025'];

/**
 * One row per table and prepared table: its row count and a checksum over every value. Doubles are
 * rounded first: sums of shares may differ in their last bits with the order DuckDB adds them in.
 */
async function fingerprint(db: Connector): Promise<Record<string, unknown>[]> {
	const parts: string[] = [];
	for (const table of TABLES) {
		const columns = await rows(db, `SELECT column_name, column_type FROM (DESCRIBE ${table})`);
		const values = columns.map(({ column_name: name, column_type: type }) =>
			type === 'DOUBLE' ? `round("${name}", 6)` : `"${name}"`,
		);
		parts.push(
			`SELECT '${table}' AS name, COUNT(*)::INTEGER AS n, SUM(hash(${values.join(', ')}))::DOUBLE AS h FROM ${table}`,
		);
	}
	return rows(db, parts.join(' UNION ALL ') + ' ORDER BY name');
}

let attached: Connector;
let parquet: Connector;

beforeAll(async () => {
	attached = await nodeConnector();
	const fromFile = await loadDataset({
		connector: attached,
		readFile: reader(),
		decodeParquet: () => Promise.reject(new Error('the attached path decodes no Parquet')),
	});
	expect(fromFile.attached).toBe(true);
	parquet = await nodeConnector();
	const fromParquet = await loadDataset({
		connector: parquet,
		readFile: reader(withoutDatabase),
		decodeParquet: decodeParquetNode,
	});
	expect(fromParquet.attached).toBe(false);
}, 120_000);

afterAll(async () => {
	await attached.close();
	await parquet.close();
});

describe('the prepared database file', () => {
	test('holds the same tables and prepared tables as the Parquet path computes', async () => {
		const fromFile = await fingerprint(attached);
		const fromParquet = await fingerprint(parquet);
		expect(fromFile.map((r) => r.name)).toEqual([
			'crosswalk',
			'facts',
			'sources',
			'unit_counts',
			'units',
			'yearly',
			'yearly_2025',
		]);
		expect(fromFile.find((r) => r.name === 'facts')!.n).toBeGreaterThan(100_000);
		expect(fromFile).toEqual(fromParquet);
	});

	test("the facts are stored by unit in small row groups, so that one unit's detail reads little", async () => {
		const groups = await rows(
			attached,
			`SELECT row_group_id, MAX(count)::INTEGER AS n FROM pragma_storage_info('${BUNDLED}.facts')
			GROUP BY row_group_id`,
		);
		expect(groups.length).toBeGreaterThan(5);
		for (const group of groups) expect(group.n).toBeLessThanOrEqual(ROW_GROUP_SIZE.facts!);
		// Sorted by unit: a unit's rows sit in one or two row groups.
		const spread = await rows(
			attached,
			`SELECT MAX(n)::INTEGER AS most FROM (
				SELECT COUNT(DISTINCT rowid // ${ROW_GROUP_SIZE.facts}) AS n FROM ${BUNDLED}.facts GROUP BY scheme, unit_code)`,
		);
		expect(spread[0]!.most).toBeLessThanOrEqual(2);
	});

	test('its tables are views of the read-only attached file, and `figures` works on them', async () => {
		const views = await rows(
			attached,
			`SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database() ORDER BY 1`,
		);
		expect(views.map((v) => v.view_name)).toContain('facts');
		expect(views.map((v) => v.view_name)).toContain('figures');
		await expect(attached.exec(`INSERT INTO ${BUNDLED}.sources (id) VALUES ('x')`)).rejects.toThrow(
			/read-only|read only/i,
		);
		const kinds = await rows(
			attached,
			`SELECT source_kind, COUNT(*)::INTEGER AS n FROM figures GROUP BY 1 ORDER BY 1`,
		);
		expect(kinds.map((k) => k.source_kind)).toEqual(['reported', 'simulated']);
	});

	test('the read-ahead statements read every column of the prepared tables, a few at a time', async () => {
		for (const table of READ_AHEAD_TABLES) {
			const columns = (await attached.query(columnsOfSql(table))).schema.fields.map((f) => f.name);
			expect(columns.length, table).toBeGreaterThan(3);
			const statements = readAheadSql(table, columns);
			expect(statements.length).toBe(Math.ceil(columns.length / 8));
			for (const sql of statements) expect(await rows(attached, sql)).toHaveLength(1);
			const named = statements.join(' ');
			for (const name of columns) expect(named).toContain(`"${name}"`);
		}
	});

	test('a changed byte in the file is refused with the file named, before anything is attached', async () => {
		const db = await nodeConnector();
		const load = loadDataset({
			connector: db,
			readFile: reader(flipIn('dataset.duckdb')),
			decodeParquet: decodeParquetNode,
		});
		await expect(load).rejects.toMatchObject({
			failure: 'checksum_mismatch',
			file: 'dataset.duckdb',
		});
		expect(
			await rows(
				db,
				`SELECT COUNT(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = '${BUNDLED}'`,
			),
		).toEqual([{ n: 0 }]);
		await db.close();
	});

	test('a file the engine cannot open falls back to the Parquet files', async () => {
		// A file that passes its checks but is no database (as one written for another engine would fail).
		const junk = new TextEncoder().encode('not a DuckDB database file, but its checksum is right');
		const digest = await crypto.subtle.digest('SHA-256', junk);
		const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
		const db = await nodeConnector();
		const warn = console.warn;
		const warnings: string[] = [];
		console.warn = (text: string) => warnings.push(text);
		try {
			const loaded = await loadDataset({
				connector: db,
				readFile: reader((name, bytes) => {
					if (name === 'dataset.duckdb') return junk;
					if (name !== 'manifest.json') return bytes;
					const manifest = JSON.parse(new TextDecoder().decode(bytes));
					manifest.database = { ...manifest.database, bytes: junk.byteLength, sha256 };
					return json(manifest);
				}),
				decodeParquet: decodeParquetNode,
			});
			expect(loaded.attached).toBe(false);
		} finally {
			console.warn = warn;
		}
		expect(warnings.join('\n')).toContain('dataset.duckdb: not attached');
		expect(await fingerprint(db)).toEqual(await fingerprint(parquet));
		await db.close();
	}, 120_000);
});

describe('changing the data over the attached file', () => {
	const batch: ImportBatch = {
		id: 'import-2026-12-02T08:00:00+07:00',
		fileName: 'bao-cao-thach-that.csv',
		importedAt: '2026-12-02T08:00:00+07:00',
		facts: [
			{
				row: 2,
				scheme: '2023',
				unit_code: '276',
				year: 2024,
				period: 'year',
				month: null,
				term: null,
				scope: 'own',
				qualifier: null,
				note: null,
				values: { supervisions: 31 },
			},
		],
	};

	test('an import copies the changed tables into memory, and a failed one leaves the views', async () => {
		const db = await nodeConnector();
		await loadDataset({ connector: db, readFile: reader(), decodeParquet: decodeParquetNode });
		const coordinator = new Coordinator(db);
		const broken = { ...batch, id: "import-x'; DROP TABLE facts; --" };
		// A statement that fails mid-transaction rolls the copy back too.
		await expect(
			coordinator.transaction(['SELECT * FROM no_such_table'], ownTablesSql),
		).rejects.toThrow();
		const stillViews = await rows(
			db,
			`SELECT COUNT(*)::INTEGER AS n FROM duckdb_views() WHERE view_name IN ('facts', 'sources', 'yearly')`,
		);
		expect(stillViews).toEqual([{ n: 3 }]);
		await applyDataChange(coordinator, { add: [batch, broken] });
		const tables = await rows(
			db,
			`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1`,
		);
		expect(tables.map((t) => t.table_name)).toEqual(
			expect.arrayContaining(['facts', 'sources', 'yearly', 'yearly_2025', 'unit_counts']),
		);
		const figure = await rows(
			db,
			`SELECT supervisions::INTEGER AS s, source_kind FROM yearly WHERE scheme = '2023' AND code = '276' AND year = 2024`,
		);
		expect(figure).toEqual([{ s: 31, source_kind: 'imported' }]);
		// A second change finds tables of its own and copies nothing again.
		await applyDataChange(coordinator, { remove: [batch.id, broken.id] });
		expect(await fingerprint(db)).toEqual(await fingerprint(parquet));
		await db.close();
	}, 120_000);

	test("the console's copy follows the dashboard over an attached file", async () => {
		const db = await nodeConnector();
		await loadDataset({ connector: db, readFile: reader(), decodeParquet: decodeParquetNode });
		await applyAll(
			db,
			changeSql({ batches: [], showSimulated: true }, { batches: [batch], showSimulated: false }),
		);
		const kinds = await rows(db, `SELECT DISTINCT source_kind FROM figures ORDER BY 1`);
		expect(kinds.map((k) => k.source_kind)).toEqual(['imported', 'reported']);
		await db.close();
	}, 120_000);
});
