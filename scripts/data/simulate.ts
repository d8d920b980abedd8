/**
 * The simulated national dataset: one row per unit and year for every unit of the list valid in that year.
 * Magnitudes follow the seed reports (a district holds about five sessions and a dozen supervisions a year,
 * a commune two or three sessions); some unit-years and some figures are left unreported (NULL, never 0).
 */
import { METRIC_IDS, type MetricId } from '../../src/model/metrics.ts';
import type { UnitLevel } from '../../src/model/units.ts';
import { Random, hashString } from './prng.ts';

/** A unit as the simulation needs it. */
export interface SimUnit {
	code: string;
	scheme: '2023' | '2025';
	level: UnitLevel;
	type: string;
}

/** Simulated figures of one unit-year; null means not reported. */
export type Figures = Record<MetricId, number | null>;

/** Typical yearly means per level for a unit of average size. */
const BASE: Record<
	UnitLevel,
	Record<Exclude<MetricId, 'sessions_regular' | 'petitions_resolved'>, number>
> = {
	province: {
		sessions_thematic: 3,
		resolutions_adopted: 75,
		supervisions: 14,
		surveys: 9,
		explanatory_hearings: 2,
		interpellation_sessions: 2.2,
		voter_meetings: 190,
		petitions_received: 1300,
		citizen_receptions: 280,
		complaints_received: 1100,
	},
	district: {
		sessions_thematic: 1.6,
		resolutions_adopted: 26,
		supervisions: 10,
		surveys: 3.5,
		explanatory_hearings: 1.2,
		interpellation_sessions: 1.8,
		voter_meetings: 42,
		petitions_received: 330,
		citizen_receptions: 75,
		complaints_received: 140,
	},
	commune: {
		sessions_thematic: 0.4,
		resolutions_adopted: 12,
		supervisions: 4,
		surveys: 0.9,
		explanatory_hearings: 0.5,
		interpellation_sessions: 1.1,
		voter_meetings: 8,
		petitions_received: 65,
		citizen_receptions: 22,
		complaints_received: 14,
	},
};

/** Metrics that councils report less reliably than sessions and petitions. */
const PATCHY: readonly MetricId[] = [
	'surveys',
	'interpellation_sessions',
	'voter_meetings',
	'citizen_receptions',
	'complaints_received',
];

const ELECTION_YEARS = new Set([2016, 2021, 2026]);

/** A stable size factor per unit (lognormal around 1), so a unit stays large or small across years. */
export function unitSize(unit: SimUnit): number {
	const random = new Random(hashString(`size:${unit.scheme}:${unit.code}`));
	const urban = unit.type === 'phuong' || unit.type === 'quan' || unit.type === 'thanh-pho';
	// Units of the 2025 list are merged from about three old communes or two old provinces.
	const merged = unit.scheme === '2025' ? (unit.level === 'commune' ? 2.6 : 1.8) : 1;
	return Math.exp(0.35 * random.normal()) * (urban ? 1.25 : 1) * merged;
}

/** Probability that a unit sent no figures at all for a year. */
function unreportedProbability(level: UnitLevel, year: number, lastYear: number): number {
	const base = level === 'province' ? 0.01 : level === 'district' ? 0.03 : 0.05;
	const early = Math.max(0, 2019 - year) * 0.025; // reporting improved after the first years
	const current = year === lastYear ? 0.08 : 0; // the current year's reports are still coming in
	return base + early + current;
}

/**
 * Figures of one unit for one year, or undefined when the unit-year is left unreported.
 * Seeded by unit and year, so one unit's figures never depend on which other units exist.
 */
export function simulateUnitYear(
	unit: SimUnit,
	year: number,
	lastYear: number,
): Figures | undefined {
	const random = new Random(hashString(`${unit.scheme}:${unit.code}:${year}`));
	if (random.chance(unreportedProbability(unit.level, year, lastYear))) return undefined;

	const size = unitSize(unit);
	const base = BASE[unit.level];
	// Thematic sessions and explanatory hearings grew after the 2019 amendment and Nghị quyết 594 (2022).
	const thematicTrend = year >= 2020 ? 1.35 : 1;
	const hearingTrend = year >= 2022 ? 1.7 : year >= 2019 ? 1.2 : 1;
	const electionBoost = ELECTION_YEARS.has(year) ? 1.25 : 1;
	const scaled = (mean: number) => random.poisson(mean * size);

	const figures = {} as Figures;
	figures.sessions_regular = 2 + (random.chance(unit.level === 'commune' ? 0.08 : 0.12) ? 1 : 0);
	figures.sessions_thematic = random.poisson(base.sessions_thematic * thematicTrend);
	figures.resolutions_adopted = scaled(base.resolutions_adopted);
	figures.supervisions = Math.max(unit.level === 'commune' ? 0 : 2, scaled(base.supervisions));
	figures.surveys = scaled(base.surveys);
	figures.explanatory_hearings = random.poisson(base.explanatory_hearings * hearingTrend);
	figures.interpellation_sessions = random.poisson(base.interpellation_sessions);
	figures.voter_meetings = scaled(base.voter_meetings * electionBoost);
	const received = scaled(base.petitions_received * electionBoost);
	figures.petitions_received = received;
	const rate = Math.min(1, Math.max(0.45, 0.8 + 0.012 * (year - 2016) + 0.06 * random.normal()));
	figures.petitions_resolved = Math.round(received * rate);
	figures.citizen_receptions = scaled(base.citizen_receptions);
	figures.complaints_received = scaled(base.complaints_received);

	const patchiness = unit.level === 'commune' ? 0.1 : unit.level === 'district' ? 0.05 : 0.02;
	for (const id of PATCHY) if (random.chance(patchiness)) figures[id] = null;
	if (random.chance(patchiness / 2)) figures.petitions_resolved = null;
	return figures;
}

/** Split a reported total over units in proportion to random weights, keeping a per-unit minimum. */
export function distributeTotal(
	total: number,
	count: number,
	minimum: number,
	random: Random,
): number[] {
	const shares = new Array<number>(count).fill(minimum);
	for (let left = total - minimum * count; left > 0; left--) {
		const index = Math.floor(random.next() * count);
		shares[index] = (shares[index] ?? 0) + 1;
	}
	return shares;
}

export { METRIC_IDS };
