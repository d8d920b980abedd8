/**
 * A small hand-made dataset in the bundled tables' shape, created with SQL, for tests that need exact numbers.
 */
import type { Connector } from '../../src/db/connector.ts';
import { prepareSql } from '../../src/db/prepare.ts';
import { METRIC_IDS } from '../../src/model/metrics.ts';

const METRIC_COLUMNS = METRIC_IDS.map((id) => `${id} INTEGER`).join(', ');

export interface SmallFact {
	unit: string;
	scheme?: '2023' | '2025';
	year: number;
	period?: 'year' | 'month' | 'term' | 'h1';
	month?: number;
	scope?: 'own' | 'subunits';
	source?: string;
	values: Partial<Record<(typeof METRIC_IDS)[number], number | null>>;
}

/**
 * Units: old list: province 01 with districts 001 (commune 00101) and 002 (communes 00102, 00103),
 * province 02 with district 003; 2025 list: province 01 (old 01 and 02 merged) with communes 00001 and
 * 00002. Crosswalk: 00101 → 00001 (full), 00102 → 00001 and 00002 (partial), 00103 → 00002 (full).
 * Sources: sim (simulated), rep (reported).
 */
export async function createSmallDataset(db: Connector, facts: SmallFact[]): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE units (code VARCHAR, scheme VARCHAR, name VARCHAR, name_with_type VARCHAR,
		type VARCHAR, level VARCHAR, parent_code VARCHAR, province_code VARCHAR, province_2025 VARCHAR)`);
	await db.exec(`INSERT INTO units VALUES
		('01', '2023', 'Một', 'Tỉnh Một', 'tinh', 'province', NULL, '01', '01'),
		('02', '2023', 'Hai', 'Tỉnh Hai', 'tinh', 'province', NULL, '02', '01'),
		('001', '2023', 'Ba', 'Huyện Ba', 'huyen', 'district', '01', '01', '01'),
		('002', '2023', 'Bốn', 'Huyện Bốn', 'huyen', 'district', '01', '01', '01'),
		('003', '2023', 'Năm', 'Huyện Năm', 'huyen', 'district', '02', '02', '01'),
		('00101', '2023', 'Mười', 'Xã Mười', 'xa', 'commune', '001', '01', '01'),
		('00102', '2023', 'Mười một', 'Xã Mười một', 'xa', 'commune', '002', '01', '01'),
		('00103', '2023', 'Mười hai', 'Xã Mười hai', 'xa', 'commune', '002', '01', '01'),
		('01', '2025', 'Một', 'Tỉnh Một', 'tinh', 'province', NULL, '01', '01'),
		('00001', '2025', 'Sáu', 'Xã Sáu', 'xa', 'commune', '01', '01', '01'),
		('00002', '2025', 'Bảy', 'Phường Bảy', 'phuong', 'commune', '01', '01', '01')`);
	await db.exec(`CREATE OR REPLACE TABLE crosswalk (old_code VARCHAR, old_name VARCHAR, old_district_code VARCHAR,
		old_province_code VARCHAR, new_code VARCHAR, new_name VARCHAR, new_province_code VARCHAR, kind VARCHAR)`);
	await db.exec(`INSERT INTO crosswalk VALUES
		('00101', 'Xã Mười', '001', '01', '00001', 'Xã Sáu', '01', 'full'),
		('00102', 'Xã Mười một', '002', '01', '00001', 'Xã Sáu', '01', 'partial'),
		('00102', 'Xã Mười một', '002', '01', '00002', 'Phường Bảy', '01', 'partial'),
		('00103', 'Xã Mười hai', '002', '01', '00002', 'Phường Bảy', '01', 'full')`);
	await db.exec(`CREATE OR REPLACE TABLE sources (id VARCHAR, title VARCHAR, publisher VARCHAR, date VARCHAR,
		url VARCHAR, kind VARCHAR, note VARCHAR)`);
	await db.exec(`INSERT INTO sources VALUES
		('sim', 'Mô phỏng', NULL, NULL, NULL, 'simulated', NULL),
		('rep', 'Bản tin', 'Báo', '2023-01-11', NULL, 'reported', NULL)`);
	await db.exec(`CREATE OR REPLACE TABLE facts (unit_code VARCHAR, scheme VARCHAR, year SMALLINT, period VARCHAR,
		month SMALLINT, term VARCHAR, scope VARCHAR, ${METRIC_COLUMNS}, qualifier VARCHAR, source_id VARCHAR, note VARCHAR)`);
	for (const f of facts) {
		const values = METRIC_IDS.map((id) => {
			const v = f.values[id];
			return v === undefined || v === null ? 'NULL' : String(v);
		}).join(', ');
		await db.exec(`INSERT INTO facts VALUES ('${f.unit}', '${f.scheme ?? '2023'}', ${f.year}, '${f.period ?? 'year'}',
			${f.month ?? 'NULL'}, NULL, '${f.scope ?? 'own'}', ${values}, NULL, '${f.source ?? 'sim'}', NULL)`);
	}
	for (const sql of prepareSql()) await db.exec(sql);
}
