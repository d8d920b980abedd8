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
	/** Place of the name in Vietnamese order (built with the data); absent in older or hand-made data. */
	label_order?: number | null;
	/** Place of the bare name in Vietnamese order (built with the data); absent in older data. */
	name_order?: number | null;
}

export class UnitIndex {
	readonly #byKey = new Map<string, UnitInfo>();
	/** Label → place in Vietnamese order, from the data or (when it lacks them) sorted on first use. */
	#labelPlace: Map<string, number> | null = null;
	/** Names folded for search (no diacritics, lower case), made on the first search, not at start-up. */
	#searchNames: Map<UnitInfo, string> | null = null;

	constructor(rows: Iterable<UnitRowInput>) {
		const places = new Map<string, number>();
		const namePlaces = new Map<string, number>();
		let complete = true;
		let namesComplete = true;
		for (const row of rows) {
			if (row.label_order === undefined || row.label_order === null) complete = false;
			else places.set(row.name_with_type, row.label_order);
			if (row.name_order === undefined || row.name_order === null) namesComplete = false;
			else namePlaces.set(row.name_with_type, row.name_order);
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
			});
		}
		if (complete) this.#labelPlace = places;
		if (namesComplete) this.#namePlace = namePlaces;
	}

	get size(): number {
		return this.#byKey.size;
	}

	/** Every unit of both schemes, in no particular order (the report extractor's gazetteer). */
	all(): IterableIterator<UnitInfo> {
		return this.#byKey.values();
	}

	get(key: string): UnitInfo | undefined {
		return this.#byKey.get(key);
	}

	/** The display name with its type ("Huyện Thạch Thất"), or the key itself for an unknown unit. */
	label(key: string): string {
		return this.#byKey.get(key)?.nameWithType ?? key;
	}

	/**
	 * Compare two unit labels in Vietnamese alphabetical order, by their precomputed places: a ranking of
	 * ten thousand communes with many tied values would otherwise call the collator hundreds of thousands
	 * of times. Labels of no known unit fall back to the collator.
	 */
	readonly compareLabels = (a: string, b: string): number => {
		const places = (this.#labelPlace ??= this.#sortLabels());
		const pa = places.get(a);
		const pb = places.get(b);
		return pa !== undefined && pb !== undefined ? pa - pb : compareVietnamese(a, b);
	};

	/** Label → place of the unit's bare name ("Hà Nội" for "Thành phố Hà Nội"), made on first use. */
	#namePlace: Map<string, number> | null = null;

	/**
	 * Compare two unit labels by the units' names, then by the whole label: tied values in a ranking are
	 * ordered Hà Nội, Hải Phòng, not by the type word (all "Thành phố" before all "Tỉnh").
	 */
	readonly compareNames = (a: string, b: string): number => {
		const places = (this.#namePlace ??= this.#sortNames());
		const pa = places.get(a);
		const pb = places.get(b);
		const byName = pa !== undefined && pb !== undefined ? pa - pb : 0;
		return byName || this.compareLabels(a, b);
	};

	#sortNames(): Map<string, number> {
		const nameOf = new Map([...this.#byKey.values()].map((u) => [u.nameWithType, u.name]));
		const names = [...new Set(nameOf.values())].sort(compareVietnamese);
		const place = new Map(names.map((name, i) => [name, i]));
		return new Map([...nameOf].map(([label, name]) => [label, place.get(name)!]));
	}

	#sortLabels(): Map<string, number> {
		const labels = [...new Set([...this.#byKey.values()].map((u) => u.nameWithType))];
		return new Map(labels.sort(compareVietnamese).map((label, i) => [label, i]));
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
		this.#searchNames ??= new Map(
			[...this.#byKey.values()].map((u) => [u, foldVietnamese(u.nameWithType)]),
		);
		return [...this.#searchNames]
			.filter(([, name]) => name.includes(folded))
			.map(([u]) => u)
			.sort((a, b) => compareVietnamese(a.name, b.name))
			.slice(0, limit);
	}
}
