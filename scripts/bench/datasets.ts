/**
 * The benchmark's datasets, generated deterministically from the bundled one:
 *
 * - `yearly`: the bundled national dataset (one row per unit-year), built by the data build itself.
 * - `monthly`: every unit of the country, every month from January 2016 to December 2026 (the bundled
 *   data's last year: months after today are simulated like the rest, so the default view has data):
 *   12 rows per reporting unit-year, scope 'own', source 'simulated-v1', the year's simulated figures
 *   split over its months; plus the bundled reported (non-simulated) rows. The app rolls the months up.
 * - `stress`: the monthly rows three times, from three simulated sources (`simulated-v1` to `-v3`, the
 *   two extra ones with their own figures, and listed in the dataset's sources table), plus monthly
 *   sub-unit sums (scope 'subunits') for every province and district. The app shows the same dashboard
 *   (v1 wins the tie between simulated sources); every query on `facts` reads about 3× more rows.
 *
 * Units, crosswalk, sources and the other files of the bundled manifest (map boundaries) are the
 * bundled ones (stress: sources plus the two extra rows); the manifest keeps its other entries. Facts
 * are written year by year through parquet-wasm's streaming writer (zstd, 256 Ki-row row groups).
 * Output: bench/out/data-<name>/ with a manifest.json like the bundled one; reused while the generator
 * and the bundled data are unchanged.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Table as ArrowTable, tableFromIPC, tableToIPC } from 'apache-arrow';
import {
	Compression,
	Table as WasmTable,
	WriterPropertiesBuilder,
	readParquet,
	transformParquetStream,
	type RecordBatch as WasmRecordBatch,
} from 'parquet-wasm';
import { METRIC_IDS, type MetricId } from '../../src/model/metrics.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../src/model/periods.ts';
import { schemeOfYear, type UnitLevel } from '../../src/model/units.ts';
import { buildAll } from '../build-data.ts';
import { writeAnswers } from '../data/answers.ts';
import { writeDatabase } from '../data/database.ts';
import { arrowTable, toParquet } from '../data/parquet-write.ts';
import { Random, hashString } from '../data/prng.ts';
import { simulateUnitYear, type Figures, type SimUnit } from '../data/simulate.ts';
import { IntColumn, Utf8Column, recordBatch } from './columns.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const OUT = join(ROOT, 'bench', 'out');

export type DatasetName = 'yearly' | 'monthly' | 'stress';
export const DATASETS: readonly DatasetName[] = ['yearly', 'monthly', 'stress'];

export interface DatasetTable {
	name: string;
	file: string;
	rows: number;
	bytes: number;
	sha256: string;
}

export interface Dataset {
	name: DatasetName;
	/** The folder the app loads with `?data=` (the server mounts the dataset there). */
	folder: string;
	description: string;
	tables: DatasetTable[];
	factsRows: number;
	totalBytes: number;
	/** The prepared database file's size (the file the app loads when it is there). */
	databaseBytes: number | null;
}

interface Unit extends SimUnit {
	parent_code: string | null;
}

interface FactInput {
	unit_code: string;
	scheme: string;
	year: number | null;
	period: string;
	month: number | null;
	term: string | null;
	scope: string;
	figures: Figures;
	qualifier: string | null;
	source_id: string;
	note: string | null;
}

const SOURCES_OF: Record<'monthly' | 'stress', string[]> = {
	monthly: ['simulated-v1'],
	stress: ['simulated-v1', 'simulated-v2', 'simulated-v3'],
};

const DESCRIPTIONS: Record<DatasetName, string> = {
	yearly: 'bundled national dataset: one row per unit-year, 2016–2026',
	monthly: 'every unit, every month 2016–2026 (12 rows per unit-year, one simulated source)',
	stress: 'monthly × 3 simulated sources + monthly sub-unit sums of every province and district',
};

function readTable(path: string): ArrowTable {
	return tableFromIPC(readParquet(readFileSync(path)).intoIPCStream());
}

function rowsOf(table: ArrowTable): Record<string, unknown>[] {
	return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

const REGULAR_SESSION_WEIGHTS = Array.from({ length: 12 }, (_, i) =>
	i === 6 || i === 11 ? 1 : 0.02,
);

/**
 * The year's figure spread over its months in proportion to the weights, summing exactly: each month
 * gets the difference of the rounded cumulative shares.
 */
function splitOverMonths(total: number, weights: readonly number[], out: number[]): void {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += weights[i]!;
	let cumulative = 0;
	let given = 0;
	for (let i = 0; i < 12; i++) {
		cumulative += weights[i]!;
		const upTo = i === 11 ? total : Math.round((total * cumulative) / sum);
		out[i] = upTo - given;
		given = upTo;
	}
}

/** Twelve monthly figure sets for one unit-year of one source. */
function monthsOf(unit: Unit, year: number, source: string, figures: Figures): Figures[] {
	const random = new Random(hashString(`month:${source}:${unit.scheme}:${unit.code}:${year}`));
	const months: Figures[] = Array.from({ length: 12 }, () => ({}) as Figures);
	const weights = new Array<number>(12);
	const parts = new Array<number>(12);
	for (const id of METRIC_IDS) {
		const total = figures[id];
		if (total === null) {
			for (const m of months) m[id] = null;
			continue;
		}
		// Regular sessions sit mid-year and at year end; everything else spreads over the year.
		if (id === 'sessions_regular') splitOverMonths(total, REGULAR_SESSION_WEIGHTS, parts);
		else {
			for (let i = 0; i < 12; i++) weights[i] = 0.5 + random.next();
			splitOverMonths(total, weights, parts);
		}
		for (let i = 0; i < 12; i++) months[i]![id] = parts[i]!;
	}
	return months;
}

/** Another source's figures for the same unit-year: the same shape, scaled by its own factor. */
function otherSource(figures: Figures, random: Random): Figures {
	const factor = 0.85 + 0.3 * random.next();
	const out = {} as Figures;
	for (const id of METRIC_IDS) {
		const v = figures[id];
		out[id] = v === null ? null : Math.round(v * factor);
	}
	return out;
}

class FactColumns {
	readonly unit_code: Utf8Column;
	readonly scheme: Utf8Column;
	readonly year: IntColumn;
	readonly period: Utf8Column;
	readonly month: IntColumn;
	readonly term: Utf8Column;
	readonly scope: Utf8Column;
	readonly metrics: Record<MetricId, IntColumn>;
	readonly qualifier: Utf8Column;
	readonly source_id: Utf8Column;
	readonly note: Utf8Column;

	constructor(capacity: number) {
		this.unit_code = new Utf8Column(capacity);
		this.scheme = new Utf8Column(capacity);
		this.year = new IntColumn('int16', capacity);
		this.period = new Utf8Column(capacity);
		this.month = new IntColumn('int16', capacity);
		this.term = new Utf8Column(capacity);
		this.scope = new Utf8Column(capacity);
		this.metrics = Object.fromEntries(
			METRIC_IDS.map((id) => [id, new IntColumn('int32', capacity)]),
		) as Record<MetricId, IntColumn>;
		this.qualifier = new Utf8Column(capacity);
		this.source_id = new Utf8Column(capacity);
		this.note = new Utf8Column(capacity);
	}

	get length(): number {
		return this.year.length;
	}

	push(f: FactInput): void {
		this.unit_code.push(f.unit_code);
		this.scheme.push(f.scheme);
		this.year.push(f.year);
		this.period.push(f.period);
		this.month.push(f.month);
		this.term.push(f.term);
		this.scope.push(f.scope);
		for (const id of METRIC_IDS) this.metrics[id].push(f.figures[id]);
		this.qualifier.push(f.qualifier);
		this.source_id.push(f.source_id);
		this.note.push(f.note);
	}

	/** The columns in the order of the facts contract, as IPC stream bytes. */
	ipc(): Uint8Array {
		const batch = recordBatch({
			unit_code: this.unit_code,
			scheme: this.scheme,
			year: this.year,
			period: this.period,
			month: this.month,
			term: this.term,
			scope: this.scope,
			...this.metrics,
			qualifier: this.qualifier,
			source_id: this.source_id,
			note: this.note,
		});
		return tableToIPC(new ArrowTable([batch]), 'stream');
	}
}

/** Facts of one year of a generated dataset (monthly rows of every source, sub-unit sums for stress). */
function yearFacts(name: 'monthly' | 'stress', year: number, units: Unit[]): FactInput[] {
	const scheme = schemeOfYear(year);
	const rows: FactInput[] = [];
	const sums = new Map<string, (number | null)[][]>(); // parent code → month → metric sums
	const byCode = new Map(units.filter((u) => u.scheme === scheme).map((u) => [u.code, u]));
	const codes = [...byCode.keys()].sort();
	for (const code of codes) {
		const unit = byCode.get(code)!;
		const figures = simulateUnitYear(unit, year, LAST_YEAR);
		if (!figures) continue;
		const random = new Random(hashString(`sources:${unit.scheme}:${unit.code}:${year}`));
		for (const source of SOURCES_OF[name]) {
			const own = source === 'simulated-v1' ? figures : otherSource(figures, random);
			const months = monthsOf(unit, year, source, own);
			months.forEach((monthFigures, i) => {
				rows.push({
					unit_code: unit.code,
					scheme: unit.scheme,
					year,
					period: 'month',
					month: i + 1,
					term: null,
					scope: 'own',
					figures: monthFigures,
					qualifier: null,
					source_id: source,
					note: null,
				});
			});
			if (name === 'stress' && source === 'simulated-v1' && unit.parent_code) {
				let parent = sums.get(unit.parent_code);
				if (!parent) {
					parent = Array.from({ length: 12 }, () => METRIC_IDS.map(() => null));
					sums.set(unit.parent_code, parent);
				}
				months.forEach((monthFigures, m) => {
					METRIC_IDS.forEach((id, k) => {
						const v = monthFigures[id];
						if (v !== null) parent[m]![k] = (parent[m]![k] ?? 0) + v;
					});
				});
			}
		}
	}
	for (const parentCode of [...sums.keys()].sort()) {
		sums.get(parentCode)!.forEach((values, m) => {
			rows.push({
				unit_code: parentCode,
				scheme,
				year,
				period: 'month',
				month: m + 1,
				term: null,
				scope: 'subunits',
				figures: Object.fromEntries(METRIC_IDS.map((id, k) => [id, values[k]])) as Figures,
				qualifier: null,
				source_id: 'simulated-v1',
				note: null,
			});
		});
	}
	return rows;
}

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Write the facts of a generated dataset year by year; resolves to its rows and bytes. */
async function writeFacts(
	name: 'monthly' | 'stress',
	units: Unit[],
	reported: FactInput[],
	path: string,
): Promise<{ rows: number; bytes: Uint8Array }> {
	const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
	let rows = 0;
	let step = 0;
	// Pulled one year at a time by the writer, so only one year's rows are ever in memory.
	const batches = new ReadableStream<WasmRecordBatch>({
		pull(controller) {
			if (step > years.length) {
				controller.close();
				return;
			}
			const facts = step === 0 ? reported : yearFacts(name, years[step - 1]!, units);
			step++;
			if (facts.length === 0) return;
			const columns = new FactColumns(facts.length);
			for (const f of facts) columns.push(f);
			rows += columns.length;
			for (const batch of WasmTable.fromIPCStream(columns.ipc()).recordBatches()) {
				controller.enqueue(batch);
			}
		},
	});
	const properties = new WriterPropertiesBuilder()
		.setCompression(Compression.ZSTD)
		.setCreatedBy('hdnd-dashboard data build')
		.setMaxRowGroupSize(256 * 1024)
		.build();
	const parquet = await transformParquetStream(batches, properties);
	const chunks: Uint8Array[] = [];
	for await (const chunk of parquet as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
	const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	await writeFile(path, bytes);
	return { rows, bytes };
}

/** A fingerprint of everything a generated dataset depends on: reuse it while this is unchanged. */
function inputsStamp(bundledManifest: string): string {
	// The Parquet entries only: the database file's bytes (and so the answers' record of them) may differ
	// from one build to the next.
	const { database: _database, answers: _answers, ...parquet } = JSON.parse(bundledManifest);
	const hash = createHash('sha256').update(JSON.stringify(parquet));
	for (const file of [
		join(HERE, 'datasets.ts'),
		join(HERE, 'columns.ts'),
		join(ROOT, 'scripts', 'data', 'simulate.ts'),
		join(ROOT, 'scripts', 'data', 'prng.ts'),
		join(ROOT, 'scripts', 'data', 'parquet-write.ts'),
		join(ROOT, 'scripts', 'build-data.ts'),
		join(ROOT, 'scripts', 'data', 'database.ts'),
		join(ROOT, 'src', 'db', 'prepare.ts'),
		// The shipped answers are keyed by the SQL the page asks: a change of it makes them stale.
		join(ROOT, 'scripts', 'data', 'answers.ts'),
		join(ROOT, 'src', 'db', 'queries.ts'),
		join(ROOT, 'src', 'views', 'dashboard', 'overview-queries.ts'),
	]) {
		hash.update(readFileSync(file));
	}
	return hash.digest('hex');
}

async function generate(
	name: 'monthly' | 'stress',
	bundledDir: string,
	outDir: string,
): Promise<void> {
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const units: Unit[] = rowsOf(readTable(join(bundledDir, 'units.parquet'))).map((r) => ({
		code: String(r.code),
		scheme: r.scheme as '2023' | '2025',
		level: r.level as UnitLevel,
		type: String(r.type),
		parent_code: (r.parent_code as string | null) ?? null,
	}));
	const reported: FactInput[] = rowsOf(readTable(join(bundledDir, 'facts.parquet')))
		.filter((r) => r.source_id !== 'simulated-v1')
		.map((r) => ({
			unit_code: String(r.unit_code),
			scheme: String(r.scheme),
			year: (r.year as number | null) ?? null,
			period: String(r.period),
			month: (r.month as number | null) ?? null,
			term: (r.term as string | null) ?? null,
			scope: String(r.scope),
			figures: Object.fromEntries(
				METRIC_IDS.map((id) => [id, (r[id] as number | null) ?? null]),
			) as Figures,
			qualifier: (r.qualifier as string | null) ?? null,
			source_id: String(r.source_id),
			note: (r.note as string | null) ?? null,
		}));

	// Units, crosswalk and any other table but sources and facts as they are, and every other file the
	// bundled manifest lists (the map's boundaries), with the manifest entries that describe them.
	const bundled = JSON.parse(readFileSync(join(bundledDir, 'manifest.json'), 'utf8')) as {
		tables: DatasetTable[];
	} & Record<string, unknown>;
	const tables: DatasetTable[] = [];
	for (const table of bundled.tables.filter((t) => t.name !== 'sources' && t.name !== 'facts')) {
		copyFileSync(join(bundledDir, table.file), join(outDir, table.file));
		tables.push(table);
	}
	for (const [key, value] of Object.entries(bundled)) {
		if (key === 'tables' || !Array.isArray(value)) continue;
		for (const entry of value as { file?: unknown }[]) {
			if (typeof entry.file === 'string') {
				copyFileSync(join(bundledDir, entry.file), join(outDir, entry.file));
			}
		}
	}

	const sourceRows = rowsOf(readTable(join(bundledDir, 'sources.parquet')));
	const columns = ['id', 'title', 'publisher', 'date', 'url', 'kind', 'note'];
	for (const id of SOURCES_OF[name].filter((s) => !sourceRows.some((r) => r.id === s))) {
		sourceRows.push({
			id,
			title: `Benchmark: simulated figures, variant ${id.slice(-2)}`,
			publisher: 'hdnd-dashboard benchmark',
			date: null,
			url: null,
			kind: 'simulated',
			note: 'A second simulated source for the stress dataset; never shown over simulated-v1.',
		});
	}
	const sources = arrowTable(
		Object.fromEntries(
			columns.map((c) => [
				c,
				{ type: 'utf8', values: sourceRows.map((r) => (r[c] as string | null) ?? null) },
			]),
		),
	);
	const sourceBytes = toParquet(sources);
	writeFileSync(join(outDir, 'sources.parquet'), sourceBytes);
	tables.push({
		name: 'sources',
		file: 'sources.parquet',
		rows: sources.numRows,
		bytes: sourceBytes.byteLength,
		sha256: sha256(sourceBytes),
	});

	const facts = await writeFacts(name, units, reported, join(outDir, 'facts.parquet'));
	tables.push({
		name: 'facts',
		file: 'facts.parquet',
		rows: facts.rows,
		bytes: facts.bytes.byteLength,
		sha256: sha256(facts.bytes),
	});
	// Its own prepared database file, built from its own Parquet (never the bundled one's entry).
	const database = await writeDatabase(outDir, tables);
	const answers = await writeAnswers(outDir, database);
	const manifest = {
		...bundled,
		dataset: `bench-${name}`,
		firstYear: FIRST_YEAR,
		lastYear: LAST_YEAR,
		tables,
		database,
		answers,
	};
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
}

function describe(name: DatasetName, dir: string): Dataset {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
		tables: DatasetTable[];
		database?: { bytes: number };
	};
	return {
		name,
		folder: `bench-${name}`,
		description: DESCRIPTIONS[name],
		tables: manifest.tables,
		factsRows: manifest.tables.find((t) => t.name === 'facts')?.rows ?? 0,
		totalBytes: manifest.tables.reduce((n, t) => n + t.bytes, 0),
		databaseBytes: manifest.database?.bytes ?? null,
	};
}

/**
 * Build the datasets into bench/out/data-<name>/: the bundled one with the data build itself
 * (`buildAll`, the same Parquet as public/data), the others generated from it unless already there.
 * The server mounts each folder at /bench-<name>/ (see run.ts), so the app loads `?data=bench-<name>`.
 */
export async function prepareDatasets(
	names: readonly DatasetName[],
	log: (line: string) => void,
): Promise<Dataset[]> {
	const bundledDir = join(OUT, 'data-yearly');
	const started = performance.now();
	await buildAll(bundledDir);
	log(`dataset yearly: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	const stamp = inputsStamp(readFileSync(join(bundledDir, 'manifest.json'), 'utf8'));
	const result: Dataset[] = [];
	for (const name of names) {
		const outDir = datasetDir(name);
		if (name !== 'yearly') {
			const stampFile = join(outDir, 'inputs.sha256');
			if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
				log(`dataset ${name}: up to date in bench/out/data-${name}/`);
			} else {
				const begun = performance.now();
				await generate(name, bundledDir, outDir);
				writeFileSync(stampFile, stamp);
				log(`dataset ${name}: generated in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
			}
		}
		result.push(describe(name, outDir));
	}
	return result;
}

/** Where a dataset's files are. */
export function datasetDir(name: DatasetName): string {
	return join(OUT, `data-${name}`);
}
