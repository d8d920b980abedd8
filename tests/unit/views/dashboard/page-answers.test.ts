import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allAreasHeadlineSql, allAreasMeasureSql } from '../../../../src/db/all-areas.ts';
import type { Connector } from '../../../../src/db/connector.ts';
import { Coordinator } from '../../../../src/db/coordinator.ts';
import { type ViewFilters } from '../../../../src/db/queries.ts';
import { areaHeadlineSql, areaMeasureSql } from '../../../../src/db/area-queries.ts';
import { tableRows } from '../../../../src/db/table-rows.ts';
import { rowValuesSql } from '../../../../src/db/unit-year-rows.ts';
import type { UnitIndex } from '../../../../src/model/unit-index.ts';
import type { DataStore } from '../../../../src/state/data.svelte.ts';
import { UnitYearStore } from '../../../../src/state/unit-year-store.ts';
import { DEFAULT_VIEW, type ViewState } from '../../../../src/state/view-state.ts';
import { everyYear, likelyNextSql } from '../../../../src/views/dashboard/overview-queries.ts';
import { PageAnswers } from '../../../../src/views/dashboard/page-answers.ts';
import { loadedConnector, unitIndexOf } from '../../../helpers/node-connector.ts';

let db: Connector;
let units: UnitIndex;
beforeAll(async () => {
	db = (await loadedConnector()).db;
	units = await unitIndexOf(db);
});
afterAll(async () => {
	await db.close();
});

/** The parts of the data store the answers read, over a real engine. */
function store(cache = true) {
	const coordinator = new Coordinator(db, { cache });
	const data = { coordinator, unitYears: new UnitYearStore(coordinator), units, dataVersion: 0 };
	return { coordinator, data, answers: new PageAnswers(data as unknown as DataStore) };
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

const HANOI: ViewFilters = {
	province: '2025:01',
	level: 'commune',
	yearFrom: 2019,
	yearTo: 2024,
	measure: 'supervisions',
	basis: 'reported',
	brush: null,
};

describe('PageAnswers', () => {
	test("answers nothing until what it needs is here, then the engine's own answers", async () => {
		const { coordinator, answers } = store();
		expect(answers.ranking(HANOI)).toBeUndefined();
		expect(answers.areaHeadline(HANOI)).toBeUndefined();
		expect(answers.areaMeasure(HANOI)).toBeUndefined();
		// What the prefetch computes for the state shown: every area's figures of its level.
		for (const sql of answers.now(HANOI)) await coordinator.query(sql);
		for (const province of ['2025:79', '2023:01', null]) {
			const f = { ...HANOI, province };
			expect(answers.areaHeadline(f)).toEqual(
				tableRows(await db.query(areaHeadlineSql(everyYear(f)))),
			);
			expect(answers.areaMeasure(f)).toEqual(
				tableRows(await db.query(areaMeasureSql(everyYear(f)))),
			);
		}
		// Another level's figures are not here.
		expect(answers.areaHeadline({ ...HANOI, level: 'district' })).toBeUndefined();
		answers.want(HANOI);
		await until(() => answers.ranking(HANOI) !== undefined);
		expect(answers.ranking(HANOI)!.some((r) => r.part === 'rank' && r.value !== null)).toBe(true);
		// A brushed span of years is the engine's.
		expect(answers.ranking({ ...HANOI, brush: [2019, 2021] })).toBeUndefined();
	});

	test('the prefetch asks for what lets the page answer the next clicks', async () => {
		const { answers } = store();
		const state: ViewState = {
			...DEFAULT_VIEW,
			basis: 'reported',
			level: 'district',
			yearTo: 2023,
		};
		const district: ViewFilters = {
			...HANOI,
			province: null,
			level: 'district',
			yearFrom: 2016,
			yearTo: 2023,
		};
		// Nothing held yet: the next states' rankings, and every area's figures of each level.
		const before = likelyNextSql(state, answers.ahead);
		expect(before).toContain(allAreasHeadlineSql(everyYear({ ...district, level: 'commune' })));
		expect(
			before.some((sql) => sql.includes("part = 'rank'") || sql.includes("'rank' AS part")),
		).toBe(true);
		answers.want({ ...district, measure: state.measure });
		await until(() => answers.ranking({ ...district, measure: state.measure }) !== undefined);
		// With the rows held: no ranking of the same measure, the other measures' values instead.
		const after = likelyNextSql(state, answers.ahead);
		expect(after.some((sql) => sql.includes("'rank' AS part"))).toBe(false);
		expect(after).toContain(rowValuesSql('surveys', 'total', 'reported'));
		// Another measure's area: its own small query, not every area's.
		const surveys = { ...district, measure: 'surveys' } as const;
		expect(after).toContain(areaMeasureSql(everyYear(surveys)));
		expect(after).not.toContain(allAreasMeasureSql(everyYear(surveys)));
		// Every area's figures of the measure shown, at the other levels, once now() has told which it is.
		answers.now({ ...district, measure: state.measure });
		expect(likelyNextSql(state, answers.ahead)).toContain(
			allAreasMeasureSql(everyYear({ ...district, measure: state.measure, level: 'commune' })),
		);
	});

	test('without a cache (the benchmark baseline) it answers nothing and changes no query', async () => {
		const { answers } = store(false);
		expect(answers.now(HANOI)).toEqual([]);
		const state: ViewState = { ...DEFAULT_VIEW, level: 'district' };
		expect(likelyNextSql(state, answers.ahead)).toEqual(likelyNextSql(state));
	});
});
