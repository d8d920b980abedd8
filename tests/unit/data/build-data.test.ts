import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildData } from '../../../scripts/build-data.ts';
import { METRIC_IDS } from '../../../src/model/metrics.ts';
import { compareVietnamese } from '../../../src/model/text.ts';
import { nativeDuckDB, type NativeDb } from '../../helpers/native-duckdb.ts';
import { ROOT } from '../../helpers/node-connector.ts';

let dirs: string[] = [];
let manifest: ReturnType<typeof buildData>;
let db: NativeDb;

beforeAll(async () => {
	dirs = [mkdtempSync(join(tmpdir(), 'hdnd-data-a-')), mkdtempSync(join(tmpdir(), 'hdnd-data-b-'))];
	manifest = buildData(dirs[0]);
	db = await nativeDuckDB(dirs[0]);
});
afterAll(() => {
	db.close();
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const num = (rows: Record<string, unknown>[]) =>
	rows.map((r) => Object.values(r).map((v) => (typeof v === 'bigint' ? Number(v) : v)));

describe('npm run data', () => {
	test('is deterministic: a second build writes byte-identical files', () => {
		const again = buildData(dirs[1]);
		expect(again.tables.map((t) => t.sha256)).toEqual(manifest.tables.map((t) => t.sha256));
		for (const t of manifest.tables) {
			const hash = createHash('sha256')
				.update(readFileSync(join(dirs[1]!, t.file)))
				.digest('hex');
			expect(hash, t.file).toBe(t.sha256);
		}
	});

	test('writes the four tables of the contract, with the catalogue as facts columns', async () => {
		expect(manifest.tables.map((t) => t.name)).toEqual(['units', 'crosswalk', 'sources', 'facts']);
		const columns = (await db.rows('DESCRIBE facts')).map((r) => r.column_name);
		expect(columns).toEqual([
			'unit_code',
			'scheme',
			'year',
			'period',
			'month',
			'term',
			'scope',
			...METRIC_IDS,
			'qualifier',
			'source_id',
			'note',
		]);
	});

	test('units of both lists: 63/705/10,599 before July 2025, 34/0/3,321 after', async () => {
		const counts = await db.rows(
			'SELECT scheme, level, COUNT(*) AS n FROM units GROUP BY ALL ORDER BY ALL',
		);
		expect(num(counts)).toEqual([
			['2023', 'commune', 10599],
			['2023', 'district', 705],
			['2023', 'province', 63],
			['2025', 'commune', 3321],
			['2025', 'province', 34],
		]);
	});

	test("label_order is each unit's place in Vietnamese order of its name, equal names sharing one", async () => {
		const units = await db.rows('SELECT name_with_type AS label, label_order FROM units');
		const sorted = [...units].sort((a, b) => Number(a.label_order) - Number(b.label_order));
		for (let i = 1; i < sorted.length; i++) {
			const before = sorted[i - 1]!;
			const after = sorted[i]!;
			if (before.label === after.label) expect(after.label_order).toBe(before.label_order);
			else
				expect(compareVietnamese(String(before.label), String(after.label))).toBeLessThanOrEqual(0);
		}
		// Đ sorts after D (code-point order would put it after Z).
		const place = new Map(units.map((u) => [u.label, Number(u.label_order)]));
		expect(place.get('Quận Đống Đa')).toBeGreaterThan(place.get('Quận Cầu Giấy')!);
		expect(place.get('Quận Đống Đa')).toBeLessThan(place.get('Quận Hai Bà Trưng')!);
	});

	test("name_order is the place of the unit's bare name in the same order", async () => {
		const units = await db.rows('SELECT name, name_order FROM units');
		const sorted = [...units].sort((a, b) => Number(a.name_order) - Number(b.name_order));
		for (let i = 1; i < sorted.length; i++) {
			const [before, after] = [sorted[i - 1]!, sorted[i]!];
			if (before.name === after.name) expect(after.name_order).toBe(before.name_order);
			// Two spellings the collator holds equal may come in either order.
			else
				expect(compareVietnamese(String(before.name), String(after.name))).toBeLessThanOrEqual(0);
		}
	});

	test('every fact names a unit of its own list and a known source', async () => {
		const orphans = await db.rows(`SELECT COUNT(*) AS n FROM facts f
			LEFT JOIN units u ON u.code = f.unit_code AND u.scheme = f.scheme WHERE u.code IS NULL`);
		const unknownSources = await db.rows(
			`SELECT COUNT(*) AS n FROM facts WHERE source_id NOT IN (SELECT id FROM sources)`,
		);
		expect(num([...orphans, ...unknownSources])).toEqual([[0], [0]]);
	});

	test('each year is reported by the list valid in it, for most but not all of its units', async () => {
		const coverage = await db.rows(`
			SELECT f.year, u.scheme, u.level, COUNT(*) AS reported,
				(SELECT COUNT(*) FROM units x WHERE x.scheme = u.scheme AND x.level = u.level) AS units
			FROM facts f JOIN units u ON u.code = f.unit_code AND u.scheme = f.scheme
			WHERE f.period = 'year' AND f.scope = 'own' AND f.source_id = 'simulated-v1'
			GROUP BY ALL ORDER BY ALL`);
		const byYear = new Map<number, string[]>();
		for (const row of coverage) {
			const year = Number(row.year);
			byYear.set(year, [...(byYear.get(year) ?? []), `${row.scheme}:${row.level}`]);
			const share = Number(row.reported) / Number(row.units);
			expect(share, `${year} ${row.level}`).toBeGreaterThan(0.8);
			expect(share, `${year} ${row.level}`).toBeLessThanOrEqual(1);
		}
		for (let year = 2016; year <= 2026; year++) {
			expect(byYear.get(year)).toEqual(
				year < 2025
					? ['2023:commune', '2023:district', '2023:province']
					: ['2025:commune', '2025:province'],
			);
		}
		const unreportedUnitYears = coverage.reduce(
			(n, r) => n + Number(r.units) - Number(r.reported),
			0,
		);
		expect(unreportedUnitYears).toBeGreaterThan(1000);
	});

	test('no negative counts, never more petitions resolved than received, and gaps stay NULL', async () => {
		const negatives = METRIC_IDS.map((id) => `COUNT(*) FILTER (WHERE ${id} < 0)`).join(' + ');
		const nulls = METRIC_IDS.map((id) => `COUNT(*) FILTER (WHERE ${id} IS NULL)`).join(' + ');
		const [row] = await db.rows(`SELECT ${negatives} AS negatives,
			COUNT(*) FILTER (WHERE petitions_resolved > petitions_received) AS over_resolved,
			${nulls} AS nulls FROM facts`);
		expect(Number(row!.negatives)).toBe(0);
		expect(Number(row!.over_resolved)).toBe(0);
		expect(Number(row!.nulls)).toBeGreaterThan(10_000);
	});

	test('simulated magnitudes match the seeds: a few sessions a year, supervisions in the tens, most petitions resolved', async () => {
		const rows = await db.rows(`
			SELECT u.level, AVG(sessions_regular + sessions_thematic) AS sessions, AVG(supervisions) AS supervisions,
				AVG(petitions_received) AS petitions, SUM(petitions_resolved) / SUM(petitions_received) AS rate
			FROM facts f JOIN units u ON u.code = f.unit_code AND u.scheme = f.scheme
			WHERE f.source_id = 'simulated-v1' AND u.scheme = '2023' GROUP BY u.level ORDER BY u.level`);
		const [commune, district, province] = rows.map((r) => ({
			sessions: Number(r.sessions),
			supervisions: Number(r.supervisions),
			petitions: Number(r.petitions),
			rate: Number(r.rate),
		}));
		expect(commune!.sessions).toBeGreaterThan(2);
		expect(commune!.sessions).toBeLessThan(4);
		expect(district!.sessions).toBeGreaterThan(3);
		expect(district!.sessions).toBeLessThan(7);
		expect(district!.supervisions).toBeGreaterThan(5);
		expect(district!.supervisions).toBeLessThan(20);
		expect(province!.petitions).toBeGreaterThan(district!.petitions);
		expect(district!.petitions).toBeGreaterThan(commune!.petitions);
		for (const level of [commune!, district!, province!]) {
			expect(level.rate).toBeGreaterThan(0.7);
			expect(level.rate).toBeLessThan(0.97);
		}
	});

	test('the seed figures are stored as reported, with unit, period, scope and source', async () => {
		const seeds =
			await db.rows(`SELECT unit_code, year, period, month, scope, sessions_regular, sessions_thematic,
			supervisions, surveys, explanatory_hearings, qualifier, source_id
			FROM facts WHERE source_id LIKE 'seed-%' ORDER BY year, unit_code, scope`);
		expect(num(seeds)).toEqual([
			['006', 2019, 'year', null, 'own', null, null, null, null, 2, null, 'seed-004'],
			['006', 2019, 'year', null, 'subunits', null, null, null, null, 21, 'at_least', 'seed-004'],
			['276', 2022, 'year', null, 'own', 2, 3, 13, 3, null, null, 'seed-000'],
			['276', 2022, 'year', null, 'subunits', 46, 7, 177, null, null, null, 'seed-000'],
			['351', 2024, 'month', 2, 'own', null, null, 1, null, null, null, 'seed-001'],
		]);
	});

	test("the simulated communes of Thạch Thất add up to the report's 46, 7 and 177 for 2022", async () => {
		const [sums] = await db.rows(`SELECT SUM(sessions_regular) AS r, SUM(sessions_thematic) AS t,
			SUM(supervisions) AS s, COUNT(*) AS communes
			FROM facts f JOIN units u ON u.code = f.unit_code AND u.scheme = f.scheme
			WHERE u.parent_code = '276' AND u.scheme = '2023' AND f.year = 2022 AND f.period = 'year'`);
		expect(num([sums!])).toEqual([[46, 7, 177, 23]]);
	});

	test('part-year rows for the sample provinces only, simulated, and consistent with their year', async () => {
		const provinces = await db.rows(`SELECT DISTINCT f.scheme, u.province_code AS p, f.source_id
			FROM facts f JOIN units u ON u.code = f.unit_code AND u.scheme = f.scheme
			WHERE f.period IN ('h1', 'm9', 'month') AND f.source_id = 'simulated-v1' ORDER BY ALL`);
		expect(num(provinces)).toEqual([
			['2023', '01', 'simulated-v1'],
			['2023', '08', 'simulated-v1'],
			['2023', '35', 'simulated-v1'],
			['2023', '46', 'simulated-v1'],
			['2025', '01', 'simulated-v1'],
			['2025', '08', 'simulated-v1'],
			['2025', '37', 'simulated-v1'],
			['2025', '46', 'simulated-v1'],
		]);
		// The first half within the nine months within the year; the months add up to the year.
		const [bad] = await db.rows(`WITH p AS (
				SELECT scheme, unit_code, year,
					MAX(supervisions) FILTER (WHERE period = 'h1') AS h1,
					MAX(supervisions) FILTER (WHERE period = 'm9') AS m9,
					MAX(supervisions) FILTER (WHERE period = 'year') AS y,
					SUM(supervisions) FILTER (WHERE period = 'month') AS months,
					COUNT(*) FILTER (WHERE period = 'month') AS n_months,
					SUM(petitions_resolved) FILTER (WHERE period = 'month' AND petitions_resolved > petitions_received) AS over
				FROM facts WHERE source_id = 'simulated-v1' AND scope = 'own' GROUP BY ALL)
			SELECT COUNT(*) FILTER (WHERE h1 > m9 OR m9 > y) AS order_broken,
				COUNT(*) FILTER (WHERE n_months = 12 AND months IS DISTINCT FROM y) AS months_off,
				COUNT(*) FILTER (WHERE n_months NOT IN (0, 12)) AS months_missing,
				COUNT(*) FILTER (WHERE over > 0) AS resolved_over,
				COUNT(*) FILTER (WHERE h1 IS NOT NULL) AS with_h1
			FROM p`);
		expect(num([bad!])).toEqual([[0, 0, 0, 0, num([{ n: bad!.with_h1 }])[0]![0]]]);
		expect(Number(bad!.with_h1)).toBeGreaterThan(9000);
	});

	test('copies the province boundaries of each scheme unchanged, listed under geo', () => {
		expect(manifest.geo.map((g) => [g.scheme, g.file, g.source])).toEqual([
			['2023', 'geo-2023.topojson', 'geo/provinces_2016.topojson'],
			['2025', 'geo-2025.topojson', 'geo/provinces_2025.topojson'],
		]);
		for (const g of manifest.geo) {
			const copied = readFileSync(join(dirs[0]!, g.file));
			expect(copied.equals(readFileSync(join(ROOT, 'data', g.source))), g.file).toBe(true);
			expect(copied.byteLength).toBe(g.bytes);
			expect(createHash('sha256').update(copied).digest('hex')).toBe(g.sha256);
			const topology = JSON.parse(copied.toString('utf8'));
			expect(topology.objects.provinces.geometries).toHaveLength(g.scheme === '2023' ? 63 : 34);
		}
	});

	test('a reported unit-year has no simulated own row beside it', async () => {
		const [row] = await db.rows(`SELECT COUNT(*) AS n FROM facts
			WHERE unit_code = '276' AND scheme = '2023' AND year = 2022 AND scope = 'own' AND period = 'year'`);
		expect(Number(row!.n)).toBe(1);
	});
});
