import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { Coordinator } from '../../../src/db/coordinator.ts';
import { coverageCellsSql, coverageCountsSql } from '../../../src/db/coverage.ts';
import {
	EXISTING_FACTS_SQL,
	HIDDEN_TABLE,
	UNITS_FOR_IMPORT_SQL,
	applyDataChange,
	insertImportSql,
	type ImportBatch,
} from '../../../src/db/imports.ts';
import { figuresToImport } from '../../../src/extract/to-import.ts';
import type { ImportedFact } from '../../../src/import/types.ts';
import { UnitCatalog, type UnitRef } from '../../../src/import/unit-catalog.ts';
import type { ViewFilters } from '../../../src/db/queries.ts';
import { nodeConnector, rows } from '../../helpers/node-connector.ts';
import { createSmallDataset } from '../../helpers/small-dataset.ts';

let db: Connector;
let coordinator: Coordinator;
beforeAll(async () => {
	db = await nodeConnector();
});
afterAll(() => db.close());
beforeEach(async () => {
	await createSmallDataset(db, [
		{ unit: '001', year: 2022, source: 'sim', values: { supervisions: 9 } },
		{ unit: '002', year: 2022, source: 'sim', values: { supervisions: 4 } },
		{ unit: '001', year: 2021, source: 'rep', values: { supervisions: 13 } },
	]);
	coordinator = new Coordinator(db);
});

const fact = (unit: string, year: number, supervisions: number, row = 2): ImportedFact => ({
	row,
	unit_code: unit,
	scheme: '2023',
	year,
	period: 'year',
	month: null,
	term: null,
	scope: 'own',
	values: { supervisions, surveys: null },
	qualifier: null,
	note: row === 2 ? 'theo báo cáo quý' : null,
});

const batch = (id: string, facts: ImportedFact[], fileName = 'so-lieu.csv'): ImportBatch => ({
	id,
	fileName,
	importedAt: '2026-11-23T14:05:12+07:00',
	facts,
});

/** Everything a failed change must leave untouched. */
async function snapshot() {
	return {
		facts: await rows(db, 'SELECT * FROM facts ORDER BY ALL'),
		sources: await rows(db, 'SELECT * FROM sources ORDER BY ALL'),
		yearly: await rows(db, 'SELECT * FROM yearly ORDER BY ALL'),
		yearly2025: await rows(db, 'SELECT * FROM yearly_2025 ORDER BY ALL'),
	};
}

describe('applying an import', () => {
	test('adds a source (file name, day, time) and facts (row noted), and the charts table uses them', async () => {
		await applyDataChange(coordinator, {
			add: [
				batch('import-20261123T070512000Z-a', [fact('002', 2022, 21), fact('003', 2022, 5, 3)]),
			],
		});
		expect(await rows(db, "SELECT * FROM sources WHERE kind = 'imported'")).toEqual([
			{
				id: 'import-20261123T070512000Z-a',
				title: 'so-lieu.csv',
				publisher: 'Nhập từ tệp lúc 14:05:12',
				date: '2026-11-23',
				url: null,
				kind: 'imported',
				note: 'Nhập vào trình duyệt lúc 2026-11-23T14:05:12+07:00; 2 dòng.',
			},
		]);
		expect(
			await rows(
				db,
				"SELECT unit_code, year, supervisions, surveys, note FROM facts WHERE source_id LIKE 'import-%' ORDER BY unit_code",
			),
		).toEqual([
			{
				unit_code: '002',
				year: 2022,
				supervisions: 21,
				surveys: null,
				note: 'Dòng 2: theo báo cáo quý',
			},
			{ unit_code: '003', year: 2022, supervisions: 5, surveys: null, note: 'Dòng 3' },
		]);
		// Imported beats simulated for 002; reported still beats everything.
		expect(
			await rows(
				db,
				'SELECT code, year, supervisions, source_kind FROM yearly ORDER BY code, year',
			),
		).toEqual([
			{ code: '001', year: 2021, supervisions: 13, source_kind: 'reported' },
			{ code: '001', year: 2022, supervisions: 9, source_kind: 'simulated' },
			{ code: '002', year: 2022, supervisions: 21, source_kind: 'imported' },
			{ code: '003', year: 2022, supervisions: 5, source_kind: 'imported' },
		]);
	});

	test('a later import replaces an earlier one for the same unit-year', async () => {
		await applyDataChange(coordinator, {
			add: [batch('import-20261123T070512000Z-a', [fact('002', 2022, 21)])],
		});
		await applyDataChange(coordinator, {
			add: [batch('import-20261124T010000000Z-b', [fact('002', 2022, 30)])],
		});
		expect(await rows(db, "SELECT supervisions, source_id FROM yearly WHERE code = '002'")).toEqual(
			[{ supervisions: 30, source_id: 'import-20261124T010000000Z-b' }],
		);
	});

	test('a failure anywhere leaves every table exactly as it was, and the cache is cleared', async () => {
		const before = await snapshot();
		const cached = await coordinator.query('SELECT COUNT(*)::INTEGER AS n FROM facts');
		const broken = batch('import-x', [fact('002', 2022, 21)]);
		// A metric that does not fit an INTEGER column fails the second statement of the transaction.
		broken.facts.push({ ...fact('002', 2023, 1), values: { supervisions: 2 ** 40 } });
		await expect(applyDataChange(coordinator, { add: [broken] })).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
		expect(await coordinator.query('SELECT COUNT(*)::INTEGER AS n FROM facts')).not.toBe(cached);
		// And the connection is usable, outside any transaction.
		await applyDataChange(coordinator, { add: [batch('import-y', [fact('002', 2022, 21)])] });
		expect(
			(await rows(db, "SELECT COUNT(*)::INTEGER AS n FROM facts WHERE source_id = 'import-y'"))[0],
		).toEqual({ n: 1 });
	});

	test('removing an import takes its facts and source away and brings the simulated figure back', async () => {
		const before = await snapshot();
		await applyDataChange(coordinator, { add: [batch('import-a', [fact('002', 2022, 21)])] });
		await applyDataChange(coordinator, { remove: ['import-a'] });
		expect(await snapshot()).toEqual(before);
	});

	test('quotes in file names and notes are data, not SQL', async () => {
		const tricky = batch(
			'import-q',
			[{ ...fact('002', 2022, 1), note: "it's'); DROP TABLE facts; --" }],
			"o'brien.csv",
		);
		await applyDataChange(coordinator, { add: [tricky] });
		expect(await rows(db, "SELECT title FROM sources WHERE id = 'import-q'")).toEqual([
			{ title: "o'brien.csv" },
		]);
		expect(insertImportSql(tricky)).toHaveLength(2);
	});

	test('existing reported and imported facts are listed for the validator', async () => {
		await applyDataChange(coordinator, { add: [batch('import-a', [fact('002', 2022, 21)])] });
		expect(await rows(db, `${EXISTING_FACTS_SQL} ORDER BY s.kind`)).toEqual([
			{
				scheme: '2023',
				unit_code: '002',
				period: 'year',
				year: 2022,
				month: null,
				term: null,
				scope: 'own',
				kind: 'imported',
				title: 'so-lieu.csv',
			},
			{
				scheme: '2023',
				unit_code: '001',
				period: 'year',
				year: 2021,
				month: null,
				term: null,
				scope: 'own',
				kind: 'reported',
				title: 'Bản tin',
			},
		]);
	});
});

describe('figures accepted from a report', () => {
	const report = (id: string, facts: ImportedFact[], url: string | null = null): ImportBatch => ({
		...batch(id, facts, 'giao-ban.txt'),
		source: {
			kind: 'reported',
			title: 'Giao ban HĐND huyện Bốn năm 2022',
			publisher: 'Trang tin huyện Bốn',
			date: '2023-01-11',
			url,
			fileName: 'giao-ban.txt',
		},
	});
	const stated = (unit: string, year: number, supervisions: number): ImportedFact => ({
		...fact(unit, year, supervisions),
		values: { supervisions, surveys: 3 },
		note: 'Trích câu: "Thường trực HĐND huyện thực hiện 21 cuộc giám sát."',
	});

	test('the source row describes the report; facts keep the sentence; yearly shows them as reported', async () => {
		await applyDataChange(coordinator, {
			add: [report('report-20261123T070512000Z-a', [stated('002', 2022, 21)])],
		});
		expect(await rows(db, "SELECT * FROM sources WHERE id LIKE 'report-%'")).toEqual([
			{
				id: 'report-20261123T070512000Z-a',
				title: 'Giao ban HĐND huyện Bốn năm 2022',
				publisher: 'Trang tin huyện Bốn',
				date: '2023-01-11',
				// No address: the file it was read from.
				url: 'giao-ban.txt',
				kind: 'reported',
				note: 'Trích từ báo cáo trong trình duyệt lúc 2026-11-23T14:05:12+07:00; 2 số liệu.',
			},
		]);
		expect(
			await rows(db, "SELECT note FROM facts WHERE source_id = 'report-20261123T070512000Z-a'"),
		).toEqual([{ note: 'Trích câu: "Thường trực HĐND huyện thực hiện 21 cuộc giám sát."' }]);
		expect(
			await rows(
				db,
				'SELECT code, supervisions, source_kind, source_id FROM yearly WHERE year = 2022 ORDER BY code',
			),
		).toEqual([
			{ code: '001', supervisions: 9, source_kind: 'simulated', source_id: 'sim' },
			{
				code: '002',
				supervisions: 21,
				source_kind: 'reported',
				source_id: 'report-20261123T070512000Z-a',
			},
		]);
		// The validator's "already there" list sees it as a report.
		expect(await rows(db, `${EXISTING_FACTS_SQL} AND s.id LIKE 'report-%'`)).toEqual([
			expect.objectContaining({ unit_code: '002', kind: 'reported' }),
		]);
	});

	test('a report with an address keeps the address', async () => {
		await applyDataChange(coordinator, {
			add: [report('report-b', [stated('002', 2022, 21)], 'https://example.vn/tin/1')],
		});
		expect(await rows(db, "SELECT url FROM sources WHERE id = 'report-b'")).toEqual([
			{ url: 'https://example.vn/tin/1' },
		]);
	});

	test('removing it takes its facts and source away and leaves the bundled report alone', async () => {
		const before = await snapshot();
		await applyDataChange(coordinator, {
			add: [report('report-a', [stated('002', 2022, 21), stated('001', 2021, 40)])],
		});
		// A bundled report keeps a unit-year it already gives; the accepted one fills the gap.
		expect(
			await rows(
				db,
				"SELECT code, year, supervisions, source_id FROM yearly WHERE source_kind = 'reported' ORDER BY code",
			),
		).toEqual([
			{ code: '001', year: 2021, supervisions: 13, source_id: 'rep' },
			{ code: '002', year: 2022, supervisions: 21, source_id: 'report-a' },
		]);
		await applyDataChange(coordinator, { remove: ['report-a'] });
		expect(await snapshot()).toEqual(before);
		// Removing by a bundled source's id (never asked) changes nothing.
		await applyDataChange(coordinator, { remove: ['rep', 'sim'] });
		expect(await snapshot()).toEqual(before);
	});

	test('a record made from accepted figures goes in and out like any import', async () => {
		const before = await snapshot();
		const units = new UnitCatalog((await rows(db, UNITS_FOR_IMPORT_SQL)) as unknown as UnitRef[]);
		const text = 'Năm 2022, Thường trực HĐND huyện Bốn thực hiện 21 cuộc giám sát.';
		const start = text.indexOf('21');
		const { record, problems } = figuresToImport({
			text,
			figures: [
				{
					id: 'f1',
					metric: 'supervisions',
					value: 21,
					qualifier: 'exact',
					scope: 'own',
					unit: 'HĐND huyện Bốn',
					unitKey: '2023:002',
					unitCandidates: [],
					period: {
						kind: 'year',
						year: 2022,
						month: null,
						quarter: null,
						term: null,
						from: null,
						to: null,
						basis: 'sentence',
					},
					evidence: '21 cuộc giám sát',
					start,
					end: start + 16,
					sentenceStart: 0,
					sentenceEnd: text.length,
					derived: false,
					reasons: [],
				},
			],
			source: {
				title: 'Bản tin huyện Bốn',
				publisher: null,
				date: '2023-01-05',
				url: null,
				fileName: null,
			},
			units,
			now: new Date('2026-11-23T07:05:12.000Z'),
		});
		expect(problems).toEqual([]);
		await applyDataChange(coordinator, { add: [record!] });
		expect(
			await rows(db, "SELECT supervisions, source_kind, source_id FROM yearly WHERE code = '002'"),
		).toEqual([{ supervisions: 21, source_kind: 'reported', source_id: record!.id }]);
		expect(
			await rows(db, `SELECT title, url, kind FROM sources WHERE id = '${record!.id}'`),
		).toEqual([{ title: 'Bản tin huyện Bốn', url: null, kind: 'reported' }]);
		await applyDataChange(coordinator, { remove: [record!.id] });
		expect(await snapshot()).toEqual(before);
	});

	test('an accepted report beats an imported file for the same unit-year', async () => {
		await applyDataChange(coordinator, {
			add: [
				batch('import-20261124T010000000Z-b', [fact('002', 2022, 30)]),
				report('report-20261123T070512000Z-a', [stated('002', 2022, 21)]),
			],
		});
		expect(
			await rows(db, "SELECT supervisions, source_kind FROM yearly WHERE code = '002'"),
		).toEqual([{ supervisions: 21, source_kind: 'reported' }]);
	});
});

describe('hiding the simulated figures', () => {
	test('moves them out of facts and back; repeating either is harmless', async () => {
		const before = await snapshot();
		await applyDataChange(coordinator, { showSimulated: false });
		await applyDataChange(coordinator, { showSimulated: false });
		expect(await rows(db, 'SELECT code, year, source_kind FROM yearly ORDER BY code')).toEqual([
			{ code: '001', year: 2021, source_kind: 'reported' },
		]);
		expect(await rows(db, `SELECT COUNT(*)::INTEGER AS n FROM ${HIDDEN_TABLE}`)).toEqual([
			{ n: 2 },
		]);
		await applyDataChange(coordinator, { showSimulated: true });
		await applyDataChange(coordinator, { showSimulated: true });
		expect(await snapshot()).toEqual(before);
	});

	test('imports added and removed while hidden stay real', async () => {
		await applyDataChange(coordinator, { showSimulated: false });
		await applyDataChange(coordinator, { add: [batch('import-a', [fact('002', 2022, 21)])] });
		expect(await rows(db, 'SELECT code, source_kind FROM yearly ORDER BY code')).toEqual([
			{ code: '001', source_kind: 'reported' },
			{ code: '002', source_kind: 'imported' },
		]);
		await applyDataChange(coordinator, { remove: ['import-a'], showSimulated: true });
		expect(
			await rows(db, 'SELECT code, source_kind FROM yearly WHERE year = 2022 ORDER BY code'),
		).toEqual([
			{ code: '001', source_kind: 'simulated' },
			{ code: '002', source_kind: 'simulated' },
		]);
	});
});

describe('coverage', () => {
	const filters: ViewFilters = {
		province: '2023:01',
		level: 'district',
		yearFrom: 2021,
		yearTo: 2022,
		measure: 'supervisions',
		basis: 'reported',
		brush: null,
	};

	test('each unit-year is reported, imported, simulated or missing; counts per year', async () => {
		await applyDataChange(coordinator, { add: [batch('import-a', [fact('002', 2022, 21)])] });
		expect(await rows(db, coverageCellsSql(filters, 10))).toEqual([
			{ unit_key: '2023:001', year: 2021, state: 'reported', source_id: 'rep', total_units: 2 },
			{ unit_key: '2023:001', year: 2022, state: 'simulated', source_id: 'sim', total_units: 2 },
			{ unit_key: '2023:002', year: 2021, state: 'missing', source_id: null, total_units: 2 },
			{
				unit_key: '2023:002',
				year: 2022,
				state: 'imported',
				source_id: 'import-a',
				total_units: 2,
			},
		]);
		expect(await rows(db, coverageCountsSql(filters))).toEqual([
			{ year: 2021, state: 'missing', units: 1 },
			{ year: 2021, state: 'reported', units: 1 },
			{ year: 2022, state: 'imported', units: 1 },
			{ year: 2022, state: 'simulated', units: 1 },
		]);
	});

	test('units of the other list are absent in years they did not exist; the row cap holds', async () => {
		const across: ViewFilters = {
			...filters,
			province: null,
			level: 'commune',
			yearFrom: 2024,
			yearTo: 2025,
		};
		const cells = await rows(db, coverageCellsSql(across, 2));
		expect(cells.map((c) => `${c.unit_key} ${c.year} ${c.state}`)).toEqual([
			'2023:00101 2024 missing',
			'2023:00101 2025 absent',
			'2023:00102 2024 missing',
			'2023:00102 2025 absent',
		]);
		expect(cells[0]!.total_units).toBe(5);
	});
});
