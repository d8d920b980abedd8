/**
 * Simulated part-year rows (first half, first nine months, months) for a sample of provinces and their
 * units, so that every period of the giao ban has something to show. They are cut from the unit's
 * simulated year: the months add up to the year, the first half to months 1–6, the nine months to
 * months 1–9, so no period contradicts another. Deterministic: seeded by unit and year.
 */
import { METRIC_IDS, type MetricId } from '../../src/model/metrics.ts';
import { Random, hashString } from './prng.ts';
import type { Figures } from './simulate.ts';

/**
 * The provinces of the seed reports (Hà Nội, Tuyên Quang, Hà Nam, Thừa Thiên Huế; on the 2025 list,
 * Hà Nam's successor Ninh Bình), by list.
 */
export const PART_YEAR_PROVINCES: Record<'2023' | '2025', ReadonlySet<string>> = {
	'2023': new Set(['01', '08', '35', '46']),
	'2025': new Set(['01', '08', '37', '46']),
};

/** Years whose months are given too (the months of earlier years are not in the sample). */
export const FIRST_MONTHLY_YEAR = 2024;

/** One simulated part-year row: its period, month (for `month`) and figures. */
export interface PartYearRow {
	period: 'h1' | 'm9' | 'month';
	month: number | null;
	figures: Figures;
}

/** Spread a count over twelve months at random; `caps` bounds each month (resolved ≤ received). */
function spread(total: number, random: Random, caps?: readonly number[]): number[] {
	if (caps && caps.reduce((a, b) => a + b, 0) < total) caps = undefined; // no room: spread freely
	const months = new Array<number>(12).fill(0);
	for (let left = total; left > 0; left--) {
		let month = Math.floor(random.next() * 12);
		// A month already full passes the item on to the next one with room (there is always one).
		while (caps && months[month]! >= caps[month]!) month = (month + 1) % 12;
		months[month]!++;
	}
	return months;
}

/** Regular sessions fall at mid-year (June or July) and year end; a third, if any, in any month. */
function regularSessions(total: number, random: Random): number[] {
	const months = new Array<number>(12).fill(0);
	if (total >= 1) months[random.chance(0.5) ? 5 : 6]!++;
	if (total >= 2) months[11]!++;
	for (let extra = 2; extra < total; extra++) months[Math.floor(random.next() * 12)]!++;
	return months;
}

/** The twelve months of one unit-year's figures (null stays null in every month). */
export function monthsOfYear(figures: Figures, seed: string): Figures[] {
	const random = new Random(hashString(`months:${seed}`));
	const byMetric = new Map<MetricId, number[] | null>();
	for (const id of METRIC_IDS) {
		const total = figures[id];
		if (total === null) byMetric.set(id, null);
		else if (id === 'sessions_regular') byMetric.set(id, regularSessions(total, random));
		else if (id === 'petitions_resolved') continue;
		else byMetric.set(id, spread(total, random));
	}
	const resolved = figures.petitions_resolved;
	const received = byMetric.get('petitions_received');
	byMetric.set(
		'petitions_resolved',
		resolved === null ? null : spread(resolved, random, received ?? undefined),
	);
	return Array.from(
		{ length: 12 },
		(_, m) =>
			Object.fromEntries(METRIC_IDS.map((id) => [id, byMetric.get(id)?.[m] ?? null])) as Figures,
	);
}

function sumMonths(months: Figures[], count: number): Figures {
	return Object.fromEntries(
		METRIC_IDS.map((id) => {
			const values = months.slice(0, count).map((m) => m[id]);
			return [id, values.some((v) => v === null) ? null : values.reduce((a, b) => a! + b!, 0)];
		}),
	) as Figures;
}

/** The part-year rows of one simulated unit-year: first half, nine months, and months from 2024. */
export function partYearRows(figures: Figures, seed: string, year: number): PartYearRow[] {
	const months = monthsOfYear(figures, seed);
	const rows: PartYearRow[] = [
		{ period: 'h1', month: null, figures: sumMonths(months, 6) },
		{ period: 'm9', month: null, figures: sumMonths(months, 9) },
	];
	if (year >= FIRST_MONTHLY_YEAR)
		months.forEach((m, i) => rows.push({ period: 'month', month: i + 1, figures: m }));
	return rows;
}
