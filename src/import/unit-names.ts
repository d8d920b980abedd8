/**
 * Units found by their name, for files that name units instead of giving their codes: a title block
 * ("HĐND HUYỆN THẠCH THẤT"), a sheet per commune ("Hạ Bằng"), a table of communes with no code column.
 * A name is taken only when it names exactly one unit of the list, once narrowed by the level its type
 * word says and by the unit it lies within (the title block's unit); otherwise it is left to the user.
 */
import type { PeriodKind } from '../model/periods.ts';
import { foldVietnamese } from '../model/text.ts';
import type { Scheme, UnitLevel } from '../model/units.ts';
import { bareName, type UnitRef } from './unit-catalog.ts';

/** A unit with its parent in the same list (for names that repeat across the country). */
export interface NamedUnit extends UnitRef {
	parent?: string | null;
}

const LEVEL_WORDS: [RegExp, UnitLevel][] = [
	[/^tinh\b/, 'province'],
	[/^(huyen|quan|thi xa)\b/, 'district'],
	[/^(xa|phuong|thi tran|dac khu)\b/, 'commune'],
];

/** The level a name's type word says ("Xã Hạ Bằng" → commune); null without one, or for "thành phố". */
export function levelOfName(text: string): UnitLevel | null {
	const folded = foldVietnamese(text);
	return LEVEL_WORDS.find(([re]) => re.test(folded))?.[1] ?? null;
}

/** The list a period of a year belongs to: the 2025 list from 1 July 2025. */
export function schemeOfYear(year: number, period: PeriodKind | undefined): Scheme {
	if (year < 2025) return '2023';
	if (year > 2025) return '2025';
	return period === 'h1' ? '2023' : '2025';
}

export class UnitNames {
	readonly #byName = new Map<string, NamedUnit[]>();
	readonly #byCode = new Map<string, NamedUnit>();

	constructor(units: Iterable<NamedUnit>) {
		for (const u of units) {
			this.#byCode.set(`${u.scheme}:${u.code}`, u);
			for (const name of new Set([bareName(u.nameWithType), bareName(u.name)])) {
				const key = `${u.scheme}:${name}`;
				const list = this.#byName.get(key);
				if (list) list.push(u);
				else this.#byName.set(key, [u]);
			}
		}
	}

	#within(unit: NamedUnit, ancestor: string): boolean {
		for (let u: NamedUnit | undefined = unit, depth = 0; u && depth < 4; depth++) {
			if (u.parent === ancestor) return true;
			u = u.parent ? this.#byCode.get(`${u.scheme}:${u.parent}`) : undefined;
		}
		return false;
	}

	/**
	 * The one unit of `scheme` the name names, narrowed by level (given, or from the name's type word) and
	 * by the unit it lies within; null when none or several remain.
	 */
	find(
		text: string,
		scheme: Scheme,
		hint: { level?: UnitLevel | null; within?: string | null } = {},
	): NamedUnit | null {
		const bare = bareName(text);
		if (!bare) return null;
		let found = this.#byName.get(`${scheme}:${bare}`) ?? [];
		const level = hint.level ?? levelOfName(text);
		if (level) found = found.filter((u) => u.level === level);
		if (found.length > 1 && hint.within) {
			const inside = found.filter((u) => this.#within(u, hint.within!));
			if (inside.length > 0) found = inside;
		}
		return found.length === 1 ? found[0]! : null;
	}
}
