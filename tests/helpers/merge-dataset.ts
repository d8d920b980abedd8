/**
 * A hand-made reorganisation for the per-council tests, built with SQL in the bundled tables' shape:
 * - a full merge of three communes: old 00101, 00102, 00103 → new 00001;
 * - a split commune: old 00104 goes half to new 00002 (with old 00105) and half to new 00003 (with 00106);
 * - a province merge: old provinces 01 and 02 → new 01; old 03 stays whole as new 03.
 * Every council is equally active before and after (flat data): per council, nothing changes at 2025.
 */
import type { Connector } from '../../src/db/connector.ts';
import { prepareSql } from '../../src/db/prepare.ts';
import { METRIC_IDS, type MetricId } from '../../src/model/metrics.ts';

/** What every commune council reports each year, and every province council. */
export const COMMUNE_FIGURES: Partial<Record<MetricId, number>> = {
	sessions_regular: 2,
	sessions_thematic: 1,
	supervisions: 4,
	petitions_received: 10,
	petitions_resolved: 8,
};
export const PROVINCE_FIGURES: Partial<Record<MetricId, number>> = { supervisions: 12 };

const OLD_COMMUNES = ['00101', '00102', '00103', '00104', '00105', '00106'];
const NEW_COMMUNES = ['00001', '00002', '00003'];

/**
 * The units, crosswalk and sources above, with flat figures for 2024 (old list) and 2025 (new list);
 * the old units in `silent` sent nothing for 2024.
 */
export async function createMergeDataset(db: Connector, silent: string[] = []): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE units (code VARCHAR, scheme VARCHAR, name VARCHAR, name_with_type VARCHAR,
		type VARCHAR, level VARCHAR, parent_code VARCHAR, province_code VARCHAR, province_2025 VARCHAR)`);
	await db.exec(`INSERT INTO units VALUES
		('01', '2023', 'Đông', 'Tỉnh Đông', 'tinh', 'province', NULL, '01', '01'),
		('02', '2023', 'Tây', 'Tỉnh Tây', 'tinh', 'province', NULL, '02', '01'),
		('03', '2023', 'Nam', 'Tỉnh Nam', 'tinh', 'province', NULL, '03', '03'),
		('001', '2023', 'Bến', 'Huyện Bến', 'huyen', 'district', '01', '01', '01'),
		('002', '2023', 'Đồi', 'Huyện Đồi', 'huyen', 'district', '02', '02', '01'),
		('00101', '2023', 'An', 'Xã An', 'xa', 'commune', '001', '01', '01'),
		('00102', '2023', 'Bình', 'Xã Bình', 'xa', 'commune', '001', '01', '01'),
		('00103', '2023', 'Cát', 'Xã Cát', 'xa', 'commune', '001', '01', '01'),
		('00104', '2023', 'Dương', 'Xã Dương', 'xa', 'commune', '002', '02', '01'),
		('00105', '2023', 'Giang', 'Xã Giang', 'xa', 'commune', '002', '02', '01'),
		('00106', '2023', 'Hà', 'Xã Hà', 'xa', 'commune', '002', '02', '01'),
		('01', '2025', 'Đông Tây', 'Tỉnh Đông Tây', 'tinh', 'province', NULL, '01', '01'),
		('03', '2025', 'Nam', 'Tỉnh Nam', 'tinh', 'province', NULL, '03', '03'),
		('00001', '2025', 'An Bình', 'Xã An Bình', 'xa', 'commune', '01', '01', '01'),
		('00002', '2025', 'Dương Giang', 'Xã Dương Giang', 'xa', 'commune', '01', '01', '01'),
		('00003', '2025', 'Dương Hà', 'Xã Dương Hà', 'xa', 'commune', '01', '01', '01')`);
	await db.exec(`CREATE OR REPLACE TABLE crosswalk (old_code VARCHAR, old_name VARCHAR, old_district_code VARCHAR,
		old_province_code VARCHAR, new_code VARCHAR, new_name VARCHAR, new_province_code VARCHAR, kind VARCHAR)`);
	await db.exec(`INSERT INTO crosswalk VALUES
		('00101', 'Xã An', '001', '01', '00001', 'Xã An Bình', '01', 'full'),
		('00102', 'Xã Bình', '001', '01', '00001', 'Xã An Bình', '01', 'full'),
		('00103', 'Xã Cát', '001', '01', '00001', 'Xã An Bình', '01', 'full'),
		('00104', 'Xã Dương', '002', '02', '00002', 'Xã Dương Giang', '01', 'partial'),
		('00104', 'Xã Dương', '002', '02', '00003', 'Xã Dương Hà', '01', 'partial'),
		('00105', 'Xã Giang', '002', '02', '00002', 'Xã Dương Giang', '01', 'full'),
		('00106', 'Xã Hà', '002', '02', '00003', 'Xã Dương Hà', '01', 'full')`);
	await db.exec(`CREATE OR REPLACE TABLE sources (id VARCHAR, title VARCHAR, publisher VARCHAR, date VARCHAR,
		url VARCHAR, kind VARCHAR, note VARCHAR)`);
	await db.exec(
		`INSERT INTO sources VALUES ('sim', 'Mô phỏng', NULL, NULL, NULL, 'simulated', NULL)`,
	);
	const columns = METRIC_IDS.map((id) => `${id} INTEGER`).join(', ');
	await db.exec(`CREATE OR REPLACE TABLE facts (unit_code VARCHAR, scheme VARCHAR, year SMALLINT, period VARCHAR,
		month SMALLINT, term VARCHAR, scope VARCHAR, ${columns}, qualifier VARCHAR, source_id VARCHAR, note VARCHAR)`);
	const insert = (unit: string, scheme: string, year: number, figures: typeof COMMUNE_FIGURES) => {
		const values = METRIC_IDS.map((id) => String(figures[id] ?? 'NULL')).join(', ');
		return db.exec(`INSERT INTO facts VALUES ('${unit}', '${scheme}', ${year}, 'year', NULL, NULL, 'own',
			${values}, NULL, 'sim', NULL)`);
	};
	for (const code of OLD_COMMUNES) {
		if (!silent.includes(code)) await insert(code, '2023', 2024, COMMUNE_FIGURES);
	}
	for (const code of ['01', '02', '03']) await insert(code, '2023', 2024, PROVINCE_FIGURES);
	for (const code of NEW_COMMUNES) await insert(code, '2025', 2025, COMMUNE_FIGURES);
	for (const code of ['01', '03']) await insert(code, '2025', 2025, PROVINCE_FIGURES);
	for (const sql of prepareSql()) await db.exec(sql);
}
