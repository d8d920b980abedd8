/**
 * The gazetteer: administrative units found by the name a report writes ("huyện Thạch Thất",
 * "xã Phú Xuyên", "tỉnh Tuyên Quang"), in the list valid at the report's date. A name alone is often
 * ambiguous (eight districts are called Châu Thành): the caller narrows by province or parent, and what
 * stays ambiguous is returned as candidates, never guessed.
 */
import { foldVietnamese } from '../model/text.ts';
import type { Scheme, UnitLevel } from '../model/units.ts';
import type { GazetteerUnit, UnitCandidate } from './types.ts';

/** Type words as reports write them → the `type` values of the unit lists they may mean. */
export const TYPE_WORDS: Record<string, readonly string[]> = {
	'thành phố': ['thanh-pho'],
	tp: ['thanh-pho'],
	'tp.': ['thanh-pho'],
	tỉnh: ['tinh'],
	huyện: ['huyen'],
	quận: ['quan'],
	'thị xã': ['thi-xa'],
	tx: ['thi-xa'],
	'thị trấn': ['thi-tran'],
	xã: ['xa'],
	phường: ['phuong'],
	'đặc khu': ['dac-khu'],
};

/** The level a type word names in a scheme ("thành phố" is a province or a district). */
export function levelsOfTypeWord(word: string): UnitLevel[] {
	const types = TYPE_WORDS[word.toLowerCase()] ?? [];
	const levels = new Set<UnitLevel>();
	for (const t of types) {
		if (t === 'tinh') levels.add('province');
		else if (t === 'thanh-pho') {
			levels.add('province');
			levels.add('district');
		} else if (t === 'quan' || t === 'huyen' || t === 'thi-xa') levels.add('district');
		else levels.add('commune');
	}
	return [...levels];
}

/** A bare name for lookups: folded, single-spaced ("Thạch Thất" → "thach that"). */
export function lookupName(name: string): string {
	return foldVietnamese(name)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export class Gazetteer {
	readonly #byKey = new Map<string, GazetteerUnit>();
	readonly #byName = new Map<string, GazetteerUnit[]>();
	/** The longest name in syllables, so the reader knows how far a name can run. */
	readonly maxNameWords: number;

	constructor(units: readonly GazetteerUnit[]) {
		let longest = 1;
		for (const u of units) {
			this.#byKey.set(`${u.scheme}:${u.code}`, u);
			const name = lookupName(u.name);
			const list = this.#byName.get(name);
			if (list) list.push(u);
			else this.#byName.set(name, [u]);
			longest = Math.max(longest, name.split(' ').length);
		}
		this.maxNameWords = longest;
	}

	get(key: string): GazetteerUnit | undefined {
		return this.#byKey.get(key);
	}

	/** Units of a scheme called `name`, of the given types when any are given. */
	find(name: string, scheme: Scheme, types?: readonly string[]): GazetteerUnit[] {
		const list = this.#byName.get(lookupName(name)) ?? [];
		return list.filter((u) => u.scheme === scheme && (!types || types.includes(u.type)));
	}

	/** Whether a name names some unit of the scheme (of the given types). */
	has(name: string, scheme: Scheme, types?: readonly string[]): boolean {
		return this.find(name, scheme, types).length > 0;
	}

	/** The unit's province (the unit itself for a province). */
	provinceOf(unit: GazetteerUnit): GazetteerUnit | undefined {
		return this.#byKey.get(`${unit.scheme}:${unit.provinceCode}`);
	}

	parentOf(unit: GazetteerUnit): GazetteerUnit | undefined {
		return unit.parentCode ? this.#byKey.get(`${unit.scheme}:${unit.parentCode}`) : undefined;
	}

	/** Whether `unit` lies in `ancestor` (or is it). */
	within(unit: GazetteerUnit, ancestor: GazetteerUnit): boolean {
		for (let u: GazetteerUnit | undefined = unit; u; u = this.parentOf(u)) {
			if (u.code === ancestor.code && u.scheme === ancestor.scheme) return true;
		}
		return false;
	}

	candidate(unit: GazetteerUnit): UnitCandidate {
		return {
			key: `${unit.scheme}:${unit.code}`,
			nameWithType: unit.nameWithType,
			level: unit.level,
			province: this.provinceOf(unit)?.name ?? unit.name,
		};
	}
}

/** Parse one of the unit lists (`data/units/units_2023.csv`, `units_2025.csv`): simple CSV, no quotes. */
function parseUnitsCsv(csv: string, scheme: Scheme): GazetteerUnit[] {
	const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
	const header = lines[0]!.split(',');
	const col = (name: string) => header.indexOf(name);
	const [iCode, iName, iWith, iType, iLevel, iParent] = [
		col('code'),
		col('name'),
		col('name_with_type'),
		col('type'),
		col('level'),
		col('parent_code'),
	];
	const rows: string[][] = [];
	for (const line of lines.slice(1)) if (line.trim()) rows.push(line.split(','));
	const parent = new Map<string, string>();
	for (const r of rows) if (r[iParent!]) parent.set(r[iCode]!, r[iParent]!);
	const provinceOf = (code: string): string => {
		let c = code;
		for (let p = parent.get(c); p; p = parent.get(c)) c = p;
		return c;
	};
	return rows.map((r) => ({
		code: r[iCode]!,
		scheme,
		name: r[iName]!,
		nameWithType: r[iWith]!,
		type: r[iType]!,
		level: r[iLevel] as UnitLevel,
		parentCode: r[iParent!] || null,
		provinceCode: provinceOf(r[iCode]!),
	}));
}

/** The gazetteer's units from the two unit lists as CSV text (for the command line and tests). */
export function gazetteerFromCsv(units2023Csv: string, units2025Csv: string): GazetteerUnit[] {
	return [...parseUnitsCsv(units2023Csv, '2023'), ...parseUnitsCsv(units2025Csv, '2025')];
}
