/**
 * Engine ratio: the dashboard's own SQL (src/db/prepare.ts and src/db/queries.ts) timed in native DuckDB
 * (`@duckdb/node-api`) on the same Parquet files; the DuckDB-WASM side runs the very same strings on
 * the floor page (see cold-start.ts), and the report divides one by the other per query.
 *
 * Native runs twice: with one thread (like DuckDB-WASM, which has one) and with every core.
 */
import { resolveForm } from '../../src/model/comparable.ts';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { prepareSql } from '../../src/db/prepare.ts';
import { rankingSql, seriesSql, unitAllFactsSql, type ViewFilters } from '../../src/db/queries.ts';
import { areaYearsSql } from '../../src/db/area-queries.ts';
import { DEFAULT_VIEW } from '../../src/state/view-state.ts';
import { median } from './stats.ts';

/** One query of the engine comparison. */
export interface BenchQuery {
	id: string;
	/** What the dashboard does with it. */
	label: string;
	sql: string;
}

export interface EngineTiming {
	id: string;
	/** Milliseconds of each timed run. */
	ms: number[];
	rows: number;
}

export interface NativeResult {
	version: string;
	threads: number;
	/** The CREATE TABLE yearly statement, run once. */
	prepareMs: number;
	loadMs: number;
	queries: EngineTiming[];
}

const TABLES = ['units', 'crosswalk', 'sources', 'facts'] as const;

/** The app's default view; every field of ViewFilters comes from the view state of the same name. */
const DEFAULT: ViewFilters = {
	...DEFAULT_VIEW,
	form: resolveForm(DEFAULT_VIEW.form, DEFAULT_VIEW),
};

/** The statement that builds `yearly` (the optimised app's pre-aggregation). */
export function prepareStatements(): string[] {
	return prepareSql(true);
}

/**
 * The queries the dashboard runs, for a few typical views. Series keys are the top 20 of the view's
 * ranking (as the heatmap shows them), found with `topKeys`, so both engines get identical SQL.
 */
export async function benchQueries(
	topKeys: (rankingSql: string) => Promise<string[]>,
): Promise<BenchQuery[]> {
	const views: { id: string; label: string; filters: ViewFilters }[] = [
		{ id: 'country-provinces', label: 'default view: provinces, 2019–2026', filters: DEFAULT },
		{
			id: 'country-communes-2024',
			label: 'whole country, 10 599 communes of 2024, resolution rate',
			filters: { ...DEFAULT, level: 'commune', yearTo: 2024, measure: 'resolution_rate' },
		},
		{
			id: 'units2025-provinces',
			label: '2016–2026 re-aggregated onto the 2025 provinces',
			filters: { ...DEFAULT, basis: 'units2025', yearFrom: 2016 },
		},
		{
			id: 'province-communes',
			label: 'one 2025 province (Hà Nội), its communes, 2016–2026',
			filters: { ...DEFAULT, province: '2025:01', level: 'commune', yearFrom: 2016 },
		},
	];
	const queries: BenchQuery[] = [];
	for (const view of views) {
		const f = view.filters;
		const ranking = rankingSql(f);
		const keys = await topKeys(ranking);
		queries.push({
			id: `area/${view.id}`,
			label: `tiles + totals, ${view.label}`,
			sql: areaYearsSql(f),
		});
		queries.push({ id: `ranking/${view.id}`, label: `ranking, ${view.label}`, sql: ranking });
		queries.push({
			id: `series/${view.id}`,
			label: `trend + heatmap (${keys.length} units), ${view.label}`,
			sql: seriesSql(f, keys),
		});
	}
	queries.push({
		id: 'unit-facts/province',
		label: 'unit detail: every fact of a province (scans facts)',
		sql: unitAllFactsSql('2023:01'),
	});
	queries.push({
		id: 'unit-facts/commune',
		label: 'unit detail: every fact of a commune (scans facts)',
		sql: unitAllFactsSql('2025:00004'),
	});
	return queries;
}

/** The ranking's top keys by value, the way the heatmap picks its rows. */
export function topKeysSql(ranking: string, limit = 20): string {
	return `SELECT unit_key FROM (${ranking}) WHERE value IS NOT NULL ORDER BY value DESC, unit_key LIMIT ${limit}`;
}

async function timed(connection: DuckDBConnection, sql: string): Promise<[number, number]> {
	const started = performance.now();
	const reader = await connection.runAndReadAll(sql);
	return [performance.now() - started, reader.currentRowCount];
}

/** Load a dataset folder into native DuckDB, prepare `yearly`, then time every query. */
export async function runNative(
	datasetDir: string,
	threads: number,
	queries: BenchQuery[],
	runs: number,
): Promise<NativeResult> {
	const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
	const connection = await instance.connect();
	try {
		const version = String(
			(await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]?.v,
		);
		let started = performance.now();
		for (const table of TABLES) {
			const file = join(datasetDir, `${table}.parquet`).replaceAll("'", "''");
			await connection.run(`CREATE TABLE "${table}" AS FROM read_parquet('${file}')`);
		}
		const loadMs = performance.now() - started;
		started = performance.now();
		for (const sql of prepareStatements()) await connection.run(sql);
		const prepareMs = performance.now() - started;
		const timings: EngineTiming[] = [];
		for (const query of queries) {
			await timed(connection, query.sql); // warm-up
			const ms: number[] = [];
			let rows = 0;
			for (let i = 0; i < runs; i++) {
				const [t, n] = await timed(connection, query.sql);
				ms.push(t);
				rows = n;
			}
			timings.push({ id: query.id, ms, rows });
		}
		return { version, threads, prepareMs, loadMs, queries: timings };
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

/** Build the query list with native DuckDB finding the series keys. */
export async function nativeQueryList(datasetDir: string): Promise<BenchQuery[]> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const connection = await instance.connect();
	try {
		for (const table of TABLES) {
			const file = join(datasetDir, `${table}.parquet`).replaceAll("'", "''");
			await connection.run(`CREATE TABLE "${table}" AS FROM read_parquet('${file}')`);
		}
		for (const sql of prepareStatements()) await connection.run(sql);
		return await benchQueries(async (ranking) => {
			const reader = await connection.runAndReadAll(topKeysSql(ranking));
			return reader.getRowObjects().map((r) => String(r.unit_key));
		});
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

/** Median ms per query id. */
export function medians(timings: EngineTiming[]): Map<string, number> {
	return new Map(timings.map((t) => [t.id, median(t.ms)]));
}
