/**
 * The administrative units as the importer needs them: find a unit by scheme and code, tell whether a
 * name names it, and suggest the closest units when a code is unknown (by name when the file gives one,
 * else by the code's digits).
 */
import { foldVietnamese } from '../model/text.ts';
import type { Scheme, UnitLevel } from '../model/units.ts';
import { CodeIndex, NameIndex, bigrams, firstBy, type Indexed } from './unit-suggest.ts';

/** What the importer reads of a unit (UnitInfo of src/model/unit-index.ts has these fields). */
export interface UnitRef {
	code: string;
	scheme: Scheme;
	name: string;
	nameWithType: string;
	level: UnitLevel;
}

const TYPE_PREFIXES = [
	'thanh pho truc thuoc trung uong',
	'thanh pho',
	'tp',
	'tinh',
	'quan',
	'huyen',
	'thi xa',
	'thi tran',
	'xa',
	'phuong',
	'dac khu',
	'hdnd',
];

/** A name without diacritics, punctuation and its unit type: "Huyện Thạch Thất" → "thach that". */
export function bareName(text: string): string {
	let folded = foldVietnamese(text)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	for (let again = true; again;) {
		again = false;
		for (const prefix of TYPE_PREFIXES) {
			if (folded.startsWith(`${prefix} `)) {
				folded = folded.slice(prefix.length + 1);
				again = true;
			}
		}
	}
	return folded;
}

/** Dice similarity of two texts' letter pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
	if (a === b) return 1;
	const ga = bigrams(a);
	const gb = bigrams(b);
	let common = 0;
	let total = 0;
	for (const [g, n] of ga) {
		common += Math.min(n, gb.get(g) ?? 0);
		total += n;
	}
	for (const n of gb.values()) total += n;
	return total === 0 ? 0 : (2 * common) / total;
}

/** Edit distance of two short strings. */
export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length]!;
}

export class UnitCatalog {
	readonly #byKey = new Map<string, UnitRef>();
	readonly #bare = new Map<UnitRef, string>();
	readonly #suggestions = new Map<string, UnitRef[]>();
	readonly #all: UnitRef[];
	/** Built on the first unknown code or name, kept for the catalogue's life. */
	#codeIndex: CodeIndex<UnitRef> | null = null;
	#nameIndex: NameIndex<UnitRef> | null = null;

	constructor(units: Iterable<UnitRef>) {
		this.#all = [...units];
		for (const u of this.#all) {
			this.#byKey.set(`${u.scheme}:${u.code}`, u);
			this.#bare.set(u, bareName(u.nameWithType));
		}
	}

	get size(): number {
		return this.#all.length;
	}

	get(scheme: Scheme, code: string): UnitRef | undefined {
		return this.#byKey.get(`${scheme}:${code}`);
	}

	/** The file's name for a unit names this unit (diacritics, case and the type word aside). */
	nameMatches(unit: UnitRef, name: string): boolean {
		const bare = bareName(name);
		return bare !== '' && (bare === this.#bare.get(unit) || bare === bareName(unit.name));
	}

	/**
	 * Codes that a code stripped of its leading zeros may have been: "6" → "06", "006", "00006", those
	 * that exist in the scheme.
	 */
	padded(scheme: Scheme, code: string): UnitRef[] {
		if (!/^\d{1,4}$/.test(code)) return [];
		return [2, 3, 5]
			.filter((n) => n > code.length)
			.map((n) => this.get(scheme, code.padStart(n, '0')))
			.filter((u): u is UnitRef => u !== undefined);
	}

	/** The closest units by name, best first; of one scheme, or of both when none is given. */
	closestByName(name: string, scheme: Scheme | null, limit = 3): UnitRef[] {
		return this.#remember(`n|${scheme}|${limit}|${name}`, () =>
			this.#closestByName(name, scheme, limit),
		);
	}

	/**
	 * Suggestions scan every unit, so each distinct question is answered once per catalogue: a file of
	 * thousands of rows with the same wrong code or name costs one scan, not one per row.
	 */
	#remember(key: string, find: () => UnitRef[]): UnitRef[] {
		let found = this.#suggestions.get(key);
		if (!found) {
			// Bounded: a file of all different wrong codes must not grow the memory without end.
			if (this.#suggestions.size >= 10_000) this.#suggestions.clear();
			found = find();
			this.#suggestions.set(key, found);
		}
		return found;
	}

	#indexed(): Indexed<UnitRef>[] {
		return this.#all.map((unit, index) => ({
			unit,
			index,
			code: unit.code,
			bare: this.#bare.get(unit)!,
		}));
	}

	#closestByName(name: string, scheme: Scheme | null, limit: number): UnitRef[] {
		const bare = bareName(name);
		if (!bare) return [];
		this.#nameIndex ??= new NameIndex(this.#indexed());
		const scored = this.#nameIndex
			.scored(bare, 0.3)
			.filter((s) => scheme === null || s.entry.unit.scheme === scheme);
		return firstBy(
			scored,
			limit,
			(a, b) =>
				b.score - a.score ||
				a.entry.code.localeCompare(b.entry.code) ||
				a.entry.index - b.entry.index,
		).map((s) => s.entry.unit);
	}

	/** The closest codes of a scheme (fewest digits changed, then nearest number), best first. */
	closestByCode(code: string, scheme: Scheme | null, limit = 3): UnitRef[] {
		return this.#remember(`c|${scheme}|${limit}|${code}`, () =>
			this.#closestByCode(code, scheme, limit),
		);
	}

	#closestByCode(code: string, scheme: Scheme | null, limit: number): UnitRef[] {
		const digits = code.replace(/\D/g, '');
		if (!digits) return [];
		const lengths = [2, 3, 5].includes(digits.length) ? [digits.length] : [2, 3, 5];
		const index = (this.#codeIndex ??= new CodeIndex(this.#indexed()));
		// Nearest first: when enough codes lie one edit away, none two edits away can rank before them.
		const within = (depth: 1 | 2) => {
			// A code of a code's length: list its neighbours; other lengths (rare) go by deletions.
			const candidates = new Set(
				lengths.length === 1
					? index.sameLength(digits, depth)
					: lengths.flatMap((n) => index.candidates(digits.padStart(n, '0'), depth)),
			);
			return [...candidates]
				.filter(
					(e) => (scheme === null || e.unit.scheme === scheme) && lengths.includes(e.code.length),
				)
				.map((e) => ({
					e,
					distance: editDistance(digits.padStart(e.code.length, '0'), e.code),
					gap: Math.abs(Number(e.code) - Number(digits)),
				}))
				.filter((s) => s.distance <= depth);
		};
		let found = within(1);
		if (found.length < limit) found = within(2);
		return firstBy(
			found,
			limit,
			(a, b) =>
				a.distance - b.distance ||
				a.gap - b.gap ||
				a.e.code.localeCompare(b.e.code) ||
				a.e.index - b.e.index,
		).map((s) => s.e.unit);
	}
}
