/**
 * The year a unit's detail opens at. The view's last year is where most units have figures; a unit that
 * no longer exists then (an old district after 1 July 2025), or that sent nothing that year, opens at
 * its last year with figures instead, and says so. First-hand figures (a report, an import) count before
 * simulated ones: the detail is where a unit's reported figures and their sources are read, and the
 * simulated rows only stand in for figures nobody has typed in yet.
 */

/** A year a unit has figures in, and whether any of them is first-hand (not simulated). */
export interface UnitYear {
	year: number;
	firstHand: boolean;
}

/** Why the detail opens at another year than the view's last. */
export type OpeningReason = 'asked' | 'lastFirstHand' | 'lastFigures' | 'lastExisting';

/**
 * The year to open: the asked year when the unit has figures then; else the last year up to it with
 * first-hand figures, else with any figures, else the unit's last year of existence (`lastExisting`).
 */
export function openingYear(
	years: readonly UnitYear[],
	asked: number,
	lastExisting: number,
): { year: number; reason: OpeningReason } {
	if (years.some((y) => y.year === asked)) return { year: asked, reason: 'asked' };
	const upTo = years.filter((y) => y.year <= asked).sort((a, b) => b.year - a.year);
	const firstHand = upTo.find((y) => y.firstHand);
	if (firstHand) return { year: firstHand.year, reason: 'lastFirstHand' };
	if (upTo[0]) return { year: upTo[0].year, reason: 'lastFigures' };
	return { year: Math.min(asked, lastExisting), reason: 'lastExisting' };
}
