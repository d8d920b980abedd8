/** Which pack the giao ban page shows, and what the pack reads of the units. */
import type { PackSubunitInfo } from '../../briefing/pack.ts';
import { periodKey, type Period } from '../../model/periods.ts';
import type { UnitInfo } from '../../model/unit-index.ts';

/**
 * The unit and period a pack is for, as one key: the page's `data-pack-key` once the pack is shown, and
 * how an answer that arrives after a newer choice is told apart (and dropped). Null without a unit.
 */
export function packKey(unit: string | null, period: Period): string | null {
	return unit ? `${unit}|${periodKey(period)}` : null;
}

/** The level and type of a sub-unit, which the targets are written for; undefined for a key not known. */
export function subunitKinds(units: {
	get(key: string): UnitInfo | undefined;
}): (key: string) => PackSubunitInfo | undefined {
	return (key) => {
		const info = units.get(key);
		return info ? { level: info.level, type: info.type } : undefined;
	};
}
