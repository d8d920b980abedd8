import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	allAreasHeadlineSql,
	allAreasMeasureSql,
	areaHeadlineOf,
	areaMeasureOf,
} from '../../../src/db/all-areas.ts';
import type { Connector } from '../../../src/db/connector.ts';
import { type ViewFilters } from '../../../src/db/queries.ts';
import {
	areaHeadlineSql,
	areaMeasureSql,
	type AreaHeadlineYear,
	type AreaMeasureYear,
} from '../../../src/db/area-queries.ts';
import { tableRows } from '../../../src/db/table-rows.ts';
import type { UnitIndex } from '../../../src/model/unit-index.ts';
import { loadedConnector, unitIndexOf } from '../../helpers/node-connector.ts';

let db: Connector;
let units: UnitIndex;
beforeAll(async () => {
	db = (await loadedConnector()).db;
	units = await unitIndexOf(db);
});
afterAll(async () => {
	await db.close();
});

const EVERY_YEAR: ViewFilters = {
	province: null,
	level: 'district',
	yearFrom: 2016,
	yearTo: 2026,
	measure: 'supervisions',
	basis: 'reported',
	brush: null,
};

/** Plain objects, for comparing answers whatever their keys' order. */
const plain = (rows: readonly object[]) => rows.map((r) => ({ ...r }));

describe('the figures of every area of a level in one answer', () => {
	const settings: ViewFilters[] = [
		EVERY_YEAR,
		{ ...EVERY_YEAR, level: 'commune', measure: 'resolution_rate' },
		{ ...EVERY_YEAR, level: 'province', measure: 'sessions_total' },
		{ ...EVERY_YEAR, level: 'commune', basis: 'units2025', form: 'perCouncil' },
		{ ...EVERY_YEAR, level: 'commune', basis: 'units2025', measure: 'petitions_received' },
		{ ...EVERY_YEAR, yearFrom: 2020, yearTo: 2022 },
	];
	const areas = [null, '2025:01', '2025:79', '2025:33', '2023:01', '2023:79', '2023:24', '2025:99'];

	for (const settingsOf of settings) {
		test(`equal each area's own queries: ${JSON.stringify(settingsOf)}`, async () => {
			const headline = tableRows<AreaHeadlineYear & { area: string | null }>(
				await db.query(allAreasHeadlineSql(settingsOf)),
			);
			const measure = tableRows<AreaMeasureYear & { area: string | null }>(
				await db.query(allAreasMeasureSql(settingsOf)),
			);
			let compared = 0;
			for (const province of areas) {
				const f = { ...settingsOf, province };
				const ownHeadline = tableRows<AreaHeadlineYear>(await db.query(areaHeadlineSql(f)));
				const ownMeasure = tableRows<AreaMeasureYear>(await db.query(areaMeasureSql(f)));
				expect(plain(areaHeadlineOf(headline, units, f)), String(province)).toEqual(
					plain(ownHeadline),
				);
				expect(plain(areaMeasureOf(measure, f)), String(province)).toEqual(plain(ownMeasure));
				compared += ownMeasure.filter((r) => r.value !== null).length;
			}
			// Figures were compared, not only empty years.
			expect(compared).toBeGreaterThan(0);
		});
	}
});
