/** The administrative units in memory, for names, parents, province lists and search. No DuckDB here. */
import { compareVietnamese, foldVietnamese } from './text.ts';
import { unitKey, type Scheme, type UnitLevel } from './units.ts';

export interface UnitInfo {
	key: string;
	code: string;
	scheme: Scheme;
	name: string;
	nameWithType: string;
	type: string;
	level: UnitLevel;
	parentKey: string | null;
	provinceCode: string;
	/** The 2025 province the unit's territory belongs to (its own province for 2025 units). */
	province2025: string;
	/** Name folded for search (no diacritics, lower case). */
	searchName: string;
}

/** One row of the `units` table as columns arrive from Arrow. */
export interface UnitRowInput {
	code: string;
	scheme: string;
	name: string;
	name_with_type: string;
	type: string;
	level: string;
	parent_code: string | null;
	province_code: string;
	province_2025: string;
}

export class UnitIndex {
	readonly #byKey = new Map<string, UnitInfo>();

	constructor(rows: Iterable<UnitRowInput>) {
		for (const row of rows) {
			const scheme = row.scheme as Scheme;
			const key = unitKey(scheme, row.code);
			this.#byKey.set(key, {
				key,
				code: row.code,
				scheme,
				name: row.name,
				nameWithType: row.name_with_type,
				type: row.type,
				level: row.level as UnitLevel,
				parentKey: row.parent_code ? unitKey(scheme, row.parent_code) : null,
				provinceCode: row.province_code,
				province2025: row.province_2025,
				searchName: foldVietnamese(row.name_with_type),
			});
		}
	}

	get size(): number {
		return this.#byKey.size;
	}

	get(key: string): UnitInfo | undefined {
		return this.#byKey.get(key);
	}

	/** The display name with its type ("Huyện Thạch Thất"), or the key itself for an unknown unit. */
	label(key: string): string {
		return this.#byKey.get(key)?.nameWithType ?? key;
	}

	/** Provinces of a scheme in Vietnamese alphabetical order. */
	provinces(scheme: Scheme): UnitInfo[] {
		return [...this.#byKey.values()]
			.filter((u) => u.scheme === scheme && u.level === 'province')
			.sort((a, b) => compareVietnamese(a.name, b.name));
	}

	/** Units whose name contains the query, ignoring diacritics and case ("thach that" finds Thạch Thất). */
	search(query: string, limit = 20): UnitInfo[] {
		const folded = foldVietnamese(query);
		if (!folded) return [];
		return [...this.#byKey.values()]
			.filter((u) => u.searchName.includes(folded))
			.sort((a, b) => compareVietnamese(a.name, b.name))
			.slice(0, limit);
	}
}
