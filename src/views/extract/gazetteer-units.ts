/** The extractor's gazetteer from the units the app has loaded: no second copy of the unit lists. */
import type { GazetteerUnit } from '../../extract/types.ts';
import type { UnitInfo } from '../../model/unit-index.ts';
import { parseUnitKey } from '../../model/units.ts';

/** One loaded unit as the extractor reads it (its parent by code, within its own scheme). */
export function gazetteerUnit(unit: UnitInfo): GazetteerUnit {
	return {
		code: unit.code,
		scheme: unit.scheme,
		name: unit.name,
		nameWithType: unit.nameWithType,
		type: unit.type,
		level: unit.level,
		parentCode: unit.parentKey ? (parseUnitKey(unit.parentKey)?.code ?? null) : null,
		provinceCode: unit.provinceCode,
	};
}

export function gazetteerUnits(units: Iterable<UnitInfo>): GazetteerUnit[] {
	return [...units].map(gazetteerUnit);
}
