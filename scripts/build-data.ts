/**
 * `npm run data`: builds the bundled dataset from the inputs in data/ into Parquet under public/data/.
 * Deterministic: the same inputs give byte-identical files (fixed seeds, fixed writer name, no clock).
 *
 * Tables: units, crosswalk, sources, facts (see data/README.md for the contract). Beside them, the province
 * boundaries of each scheme, copied unchanged as `geo-<scheme>.topojson` (listed under `geo`, not `tables`:
 * they are drawn, not queried).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METRIC_IDS, isMetricId, type MetricId } from '../src/model/metrics.ts';
import { FIRST_YEAR, LAST_YEAR } from '../src/model/periods.ts';
import { schemeOfYear, type UnitLevel } from '../src/model/units.ts';
import { compareVietnamese } from '../src/model/text.ts';
import { readCsv } from './data/csv.ts';
import { writeAnswers } from './data/answers.ts';
import { writeDatabase } from './data/database.ts';
import { arrowTable, toParquet, type ColumnSpec } from './data/parquet-write.ts';
import { Random, hashString } from './data/prng.ts';
import { PART_YEAR_PROVINCES, partYearRows } from './data/part-year.ts';
import { distributeTotal, simulateUnitYear, type Figures, type SimUnit } from './data/simulate.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
const OUT = process.env.HDND_DATA_OUT ?? join(ROOT, 'public', 'data');
const SIMULATED_SOURCE = 'simulated-v1';

/** Province boundaries by scheme: the 2016 boundaries carry the province codes of the 2023 list. */
const BOUNDARIES = [
	{ scheme: '2023', source: 'provinces_2016.topojson' },
	{ scheme: '2025', source: 'provinces_2025.topojson' },
] as const;

interface UnitRow {
	code: string;
	scheme: '2023' | '2025';
	name: string;
	name_with_type: string;
	type: string;
	level: UnitLevel;
	parent_code: string | null;
	province_code: string;
	province_2025: string;
}

interface FactRow {
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

function readUnits(): UnitRow[] {
	// Old provinces went whole into one new province (An Giang's one split commune aside): take the majority.
	const successorVotes = new Map<string, Map<string, number>>();
	for (const link of readCsv(join(DATA, 'units', 'crosswalk_2025.csv'))) {
		const votes = successorVotes.get(link.old_province_code!) ?? new Map<string, number>();
		votes.set(link.new_province_code!, (votes.get(link.new_province_code!) ?? 0) + 1);
		successorVotes.set(link.old_province_code!, votes);
	}
	const successorProvince = (old: string) =>
		[...(successorVotes.get(old) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];

	const units: UnitRow[] = [];
	for (const scheme of ['2023', '2025'] as const) {
		const rows = readCsv(join(DATA, 'units', `units_${scheme}.csv`));
		const parentOf = new Map(rows.map((r) => [r.code!, r.parent_code || null]));
		const provinceOf = (code: string): string => {
			const parent = parentOf.get(code);
			return parent ? provinceOf(parent) : code;
		};
		for (const r of rows) {
			const province = provinceOf(r.code!);
			const province2025 = scheme === '2025' ? province : successorProvince(province);
			if (!province2025) throw new Error(`No 2025 successor for province ${province}`);
			units.push({
				code: r.code!,
				scheme,
				name: r.name!,
				name_with_type: r.name_with_type!,
				type: r.type!,
				level: r.level as UnitLevel,
				parent_code: r.parent_code || null,
				province_code: province,
				province_2025: province2025,
			});
		}
	}
	return units;
}

function emptyFigures(): Figures {
	return Object.fromEntries(METRIC_IDS.map((id) => [id, null])) as Figures;
}

function readReportedFacts(): FactRow[] {
	return readCsv(join(DATA, 'reported', 'facts.csv')).map((r) => {
		const figures = emptyFigures();
		for (const id of METRIC_IDS) figures[id] = r[id] ? Number(r[id]) : null;
		return {
			unit_code: r.unit_code!,
			scheme: r.scheme!,
			year: r.year ? Number(r.year) : null,
			period: r.period!,
			month: r.month ? Number(r.month) : null,
			term: r.term || null,
			scope: r.scope!,
			figures,
			qualifier: r.qualifier || null,
			source_id: r.source_id!,
			note: r.note || null,
		};
	});
}

/**
 * Make the simulated sub-units agree with what a seed reports for their sum, so that the reported
 * roll-up and the simulated communes beside it never contradict each other.
 */
function calibrateToReportedSums(
	simulated: Map<string, Figures>,
	units: UnitRow[],
	reported: FactRow[],
) {
	for (const fact of reported) {
		if (fact.scope !== 'subunits' || fact.period !== 'year' || fact.year === null) continue;
		const children = units.filter(
			(u) => u.scheme === fact.scheme && u.parent_code === fact.unit_code,
		);
		const random = new Random(hashString(`calibrate:${fact.unit_code}:${fact.year}`));
		const rows = children.map((child) => {
			const key = `${child.scheme}:${child.code}:${fact.year}`;
			let figures = simulated.get(key);
			if (!figures) {
				// A reported sum over all sub-units means every sub-unit reported.
				figures = simulateUnitYear(child, fact.year!, LAST_YEAR) ?? emptyFigures();
				simulated.set(key, figures);
			}
			return figures;
		});
		for (const id of METRIC_IDS) {
			const total = fact.figures[id];
			if (total === null) continue;
			// An "at least" total: every sub-unit holds one or two, as the report describes.
			const shares =
				fact.qualifier === 'at_least'
					? rows.map(() => random.integer(1, 2))
					: distributeTotal(total, rows.length, id === 'sessions_regular' ? 2 : 0, random);
			rows.forEach((figures, i) => (figures[id] = shares[i] ?? 0));
		}
	}
}

function simulateAll(units: UnitRow[], reported: FactRow[]): FactRow[] {
	const simulated = new Map<string, Figures>();
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
		const scheme = schemeOfYear(year);
		for (const unit of units) {
			if (unit.scheme !== scheme) continue;
			const figures = simulateUnitYear(unit as SimUnit, year, LAST_YEAR);
			if (figures) simulated.set(`${unit.scheme}:${unit.code}:${year}`, figures);
		}
	}
	calibrateToReportedSums(simulated, units, reported);
	// A reported own figure replaces the simulated row of that unit-year: never two own rows for one unit-year.
	for (const fact of reported) {
		if (fact.scope === 'own' && fact.period === 'year') {
			simulated.delete(`${fact.scheme}:${fact.unit_code}:${fact.year}`);
		}
	}
	const rows: FactRow[] = [];
	const byKey = new Map(units.map((u) => [`${u.scheme}:${u.code}`, u]));
	for (const [key, figures] of simulated) {
		const [scheme, code, year] = key.split(':') as [string, string, string];
		const unit = byKey.get(`${scheme}:${code}`)!;
		if (PART_YEAR_PROVINCES[unit.scheme].has(unit.province_code)) {
			for (const part of partYearRows(figures, key, Number(year))) {
				rows.push({
					unit_code: code,
					scheme,
					year: Number(year),
					period: part.period,
					month: part.month,
					term: null,
					scope: 'own',
					figures: part.figures,
					qualifier: null,
					source_id: SIMULATED_SOURCE,
					note: null,
				});
			}
		}
		rows.push({
			unit_code: code,
			scheme,
			year: Number(year),
			period: 'year',
			month: null,
			term: null,
			scope: 'own',
			figures,
			qualifier: null,
			source_id: SIMULATED_SOURCE,
			note: null,
		});
	}
	return rows;
}

function sortFacts(rows: FactRow[]): FactRow[] {
	return rows.sort(
		(a, b) =>
			(a.year ?? 0) - (b.year ?? 0) ||
			a.scheme.localeCompare(b.scheme) ||
			a.unit_code.localeCompare(b.unit_code) ||
			a.period.localeCompare(b.period) ||
			(a.month ?? 0) - (b.month ?? 0) ||
			a.scope.localeCompare(b.scope) ||
			a.source_id.localeCompare(b.source_id),
	);
}

function text(values: (string | null)[]): ColumnSpec {
	return { type: 'utf8', values };
}

function factsTable(rows: FactRow[]) {
	const metricColumns = Object.fromEntries(
		METRIC_IDS.map((id: MetricId) => [
			id,
			{ type: 'int32', values: rows.map((r) => r.figures[id]) },
		]),
	) as Record<MetricId, ColumnSpec>;
	return arrowTable({
		unit_code: text(rows.map((r) => r.unit_code)),
		scheme: text(rows.map((r) => r.scheme)),
		year: { type: 'int16', values: rows.map((r) => r.year) },
		period: text(rows.map((r) => r.period)),
		month: { type: 'int16', values: rows.map((r) => r.month) },
		term: text(rows.map((r) => r.term)),
		scope: text(rows.map((r) => r.scope)),
		...metricColumns,
		qualifier: text(rows.map((r) => r.qualifier)),
		source_id: text(rows.map((r) => r.source_id)),
		note: text(rows.map((r) => r.note)),
	});
}

/**
 * Each unit's place in Vietnamese alphabetical order of `name_with_type` (equal names share a place), so
 * that the app can order thousands of tied units by a number instead of by the collator on every ranking.
 */
/** Each unit's place by one of its texts in Vietnamese order, equal texts sharing a place. */
function placeBy(units: UnitRow[], text: (u: UnitRow) => string): number[] {
	const texts = [...new Set(units.map(text))].sort(compareVietnamese);
	const place = new Map(texts.map((t, i) => [t, i]));
	return units.map((u) => place.get(text(u))!);
}

function unitsTable(units: UnitRow[]) {
	const column = (key: keyof UnitRow) => text(units.map((u) => u[key] as string | null));
	return arrowTable({
		code: column('code'),
		scheme: column('scheme'),
		name: column('name'),
		name_with_type: column('name_with_type'),
		type: column('type'),
		level: column('level'),
		parent_code: column('parent_code'),
		province_code: column('province_code'),
		province_2025: column('province_2025'),
		label_order: { type: 'int32', values: placeBy(units, (u) => u.name_with_type) },
		// The bare name's place too: rankings break ties by it, and sorting ten thousand names with the
		// collator took a tenth of a second of the first screen.
		name_order: { type: 'int32', values: placeBy(units, (u) => u.name) },
	});
}

function csvTable(path: string, columns: string[]) {
	const rows = readCsv(path);
	return arrowTable(
		Object.fromEntries(columns.map((c) => [c, text(rows.map((r) => r[c] || null))])),
	);
}

/** Build every table and write it with a manifest of rows, bytes and checksums. */
export function buildData(outDir = OUT) {
	const units = readUnits();
	const reported = readReportedFacts();
	for (const fact of reported) {
		for (const id of Object.keys(fact.figures))
			if (!isMetricId(id)) throw new Error(`Bad metric ${id}`);
	}
	const facts = sortFacts([...simulateAll(units, reported), ...reported]);

	const tables = {
		units: unitsTable(units),
		crosswalk: csvTable(join(DATA, 'units', 'crosswalk_2025.csv'), [
			'old_code',
			'old_name',
			'old_district_code',
			'old_province_code',
			'new_code',
			'new_name',
			'new_province_code',
			'kind',
		]),
		sources: csvTable(join(DATA, 'reported', 'sources.csv'), [
			'id',
			'title',
			'publisher',
			'date',
			'url',
			'kind',
			'note',
		]),
		facts: factsTable(facts),
	};

	mkdirSync(outDir, { recursive: true });
	const manifest = {
		dataset: 'hdnd-bundled',
		firstYear: FIRST_YEAR,
		lastYear: LAST_YEAR,
		tables: Object.entries(tables).map(([name, table]) => {
			const bytes = toParquet(table);
			const file = `${name}.parquet`;
			writeFileSync(join(outDir, file), bytes);
			return {
				name,
				file,
				rows: table.numRows,
				bytes: bytes.byteLength,
				sha256: createHash('sha256').update(bytes).digest('hex'),
			};
		}),
		geo: BOUNDARIES.map(({ scheme, source }) => {
			const bytes = readFileSync(join(DATA, 'geo', source));
			const file = `geo-${scheme}.topojson`;
			writeFileSync(join(outDir, file), bytes);
			return {
				scheme,
				file,
				source: `geo/${source}`,
				bytes: bytes.byteLength,
				sha256: createHash('sha256').update(bytes).digest('hex'),
			};
		}),
	};
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	return manifest;
}

/**
 * The Parquet files and manifest (buildData), then the prepared database file built from them, entered
 * in the manifest as `database`.
 */
export async function buildAll(outDir = OUT) {
	const manifest = buildData(outDir);
	const database = await writeDatabase(outDir, manifest.tables);
	const answers = await writeAnswers(outDir, database);
	const withDatabase = { ...manifest, database, answers };
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(withDatabase, null, '\t') + '\n');
	return withDatabase;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = performance.now();
	const manifest = await buildAll();
	for (const t of manifest.tables) {
		console.log(
			`${t.name.padEnd(10)} ${String(t.rows).padStart(8)} rows ${String(t.bytes).padStart(9)} bytes`,
		);
	}
	for (const g of manifest.geo) {
		console.log(`${g.file.padEnd(18)} ${String(g.bytes).padStart(9)} bytes (${g.source})`);
	}
	const db = manifest.database;
	console.log(
		`${db.file.padEnd(18)} ${String(db.bytes).padStart(9)} bytes (${db.tables.join(', ')})`,
	);
	console.log(
		`${manifest.answers.file.padEnd(18)} ${String(manifest.answers.bytes).padStart(9)} bytes`,
	);
	console.log(`data built in ${Math.round(performance.now() - started)} ms → ${OUT}`);
}
