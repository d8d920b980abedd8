/**
 * Which units of one list a unit of the other list became or came from, through the 2025 crosswalk:
 * a chosen unit keeps its place when the view switches between the old and the new units. Provinces
 * follow `province_2025`; communes the crosswalk; an old district goes to the new communes of its
 * communes (the district level was abolished).
 */
import type { UnitIndex } from './unit-index.ts';
import { parseUnitKey, unitKey, type Scheme } from './units.ts';

/** One row of the crosswalk: an old unit's code (2023 list) and a new unit's code (2025 list). */
export interface CrosswalkLink {
	old_code: string;
	new_code: string;
}

export class Lineage {
	readonly #forward = new Map<string, string[]>();
	readonly #backward = new Map<string, string[]>();
	readonly #units: UnitIndex;
	/** Old units by parent, made on first use (only old districts need it). */
	#children: Map<string, string[]> | null = null;

	constructor(links: Iterable<CrosswalkLink>, units: UnitIndex) {
		this.#units = units;
		const add = (map: Map<string, string[]>, from: string, to: string) => {
			const list = map.get(from);
			if (!list) map.set(from, [to]);
			else if (!list.includes(to)) list.push(to);
		};
		for (const link of links) {
			const from = unitKey('2023', link.old_code);
			const to = unitKey('2025', link.new_code);
			add(this.#forward, from, to);
			add(this.#backward, to, from);
		}
		for (const u of units.all()) {
			if (u.scheme !== '2023' || u.level !== 'province') continue;
			add(this.#forward, u.key, unitKey('2025', u.province2025));
			add(this.#backward, unitKey('2025', u.province2025), u.key);
		}
	}

	/** The units of the 2025 list an old unit's territory went to. */
	successors(key: string): string[] {
		const direct = this.#forward.get(key);
		if (direct) return [...direct];
		const unit = this.#units.get(key);
		if (unit?.scheme !== '2023' || unit.level !== 'district') return [];
		const children = (this.#children ??= this.#childrenByParent());
		return [...new Set((children.get(key) ?? []).flatMap((c) => this.#forward.get(c) ?? []))];
	}

	/** The units of the old list whose territory (or part of it) a 2025 unit took. */
	predecessors(key: string): string[] {
		return [...(this.#backward.get(key) ?? [])];
	}

	/** The unit itself when it is of the scheme, else its successors or predecessors there. */
	counterparts(key: string, scheme: Scheme): string[] {
		const parsed = parseUnitKey(key);
		if (!parsed) return [];
		if (parsed.scheme === scheme) return [key];
		return scheme === '2025' ? this.successors(key) : this.predecessors(key);
	}

	#childrenByParent(): Map<string, string[]> {
		const map = new Map<string, string[]>();
		for (const u of this.#units.all()) {
			if (u.scheme !== '2023' || !u.parentKey) continue;
			const list = map.get(u.parentKey);
			if (list) list.push(u.key);
			else map.set(u.parentKey, [u.key]);
		}
		return map;
	}
}
