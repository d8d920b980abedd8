/**
 * Indexes that find the units closest to an unknown code or name without scoring every unit (issue 16:
 * 1,000 rows of unknown codes scored ~15,000 units each and froze the page for 94 s). Each index is built
 * once per catalogue, on first use, and gives exactly the units the full scan gave, in the same order.
 */

/** A unit as the indexes see it: its code and its bare name (see bareName in unit-catalog.ts). */
export interface Indexed<T> {
	unit: T;
	/** Its place in the catalogue: the last tie-breaker, as the full scan's stable sort had it. */
	index: number;
	code: string;
	bare: string;
}

/** The strings `text` becomes with up to `depth` characters deleted (itself included). */
function deletions(text: string, depth: number): Set<string> {
	const found = new Set([text]);
	let frontier = [text];
	for (let d = 0; d < depth; d++) {
		const next: string[] = [];
		for (const s of frontier) {
			for (let i = 0; i < s.length; i++) {
				const shorter = s.slice(0, i) + s.slice(i + 1);
				if (!found.has(shorter)) {
					found.add(shorter);
					next.push(shorter);
				}
			}
		}
		frontier = next;
	}
	return found;
}

/**
 * Codes within an edit distance of 2: two strings that close share a string reached by deleting at most
 * two characters from each (symmetric deletion), so only the codes sharing one are candidates, and the
 * caller measures those exactly.
 */
export class CodeIndex<T> {
	readonly #entries: readonly Indexed<T>[];
	readonly #byCode = new Map<string, Indexed<T>[]>();
	/** By depth: the codes reached from each string by deleting at most 1, and 2, characters. */
	#byDeletion: Map<string, Indexed<T>[]>[] | null = null;

	constructor(entries: readonly Indexed<T>[]) {
		this.#entries = entries;
		for (const entry of entries) {
			let same = this.#byCode.get(entry.code);
			if (!same) this.#byCode.set(entry.code, (same = []));
			same.push(entry);
		}
	}

	/**
	 * Every entry of the same length as `code` (digits) within `depth` edits of it, found by listing the
	 * digit strings that close (about 1,100 for five digits at depth 2) and looking each up: on a dense
	 * list of five-digit codes, far fewer steps than measuring every code.
	 */
	sameLength(code: string, depth: 1 | 2): Indexed<T>[] {
		const found = new Set<Indexed<T>>();
		const look = (s: string) => {
			for (const entry of this.#byCode.get(s) ?? []) found.add(entry);
		};
		const n = code.length;
		look(code);
		for (let i = 0; i < n; i++) {
			for (const a of DIGITS) {
				if (a === code[i]) continue;
				const one = code.slice(0, i) + a + code.slice(i + 1);
				look(one);
				if (depth === 1) continue;
				for (let j = i + 1; j < n; j++) {
					for (const b of DIGITS) {
						if (b !== code[j]) look(one.slice(0, j) + b + one.slice(j + 1));
					}
				}
			}
			if (depth === 1) continue;
			// One digit deleted here and one inserted anywhere: a shifted code, two edits.
			const shorter = code.slice(0, i) + code.slice(i + 1);
			for (let j = 0; j < n; j++) {
				for (const b of DIGITS) look(shorter.slice(0, j) + b + shorter.slice(j));
			}
		}
		return [...found];
	}

	/**
	 * Every entry that may lie within `depth` edits of `code`, of any length (a superset, never missing
	 * one): strings that close share one reached by deleting at most `depth` characters from each
	 * (symmetric deletion). For codes of another length than the catalogue's (rare), so built on first use.
	 */
	candidates(code: string, depth: 1 | 2): Indexed<T>[] {
		// Codes are 2, 3 or 5 digits: a longer text is more than 2 edits from all of them.
		if (code.length > 7) return [];
		this.#byDeletion ??= [1, 2].map((d) => {
			const map = new Map<string, Indexed<T>[]>();
			for (const entry of this.#entries) {
				for (const s of deletions(entry.code, d)) {
					let list = map.get(s);
					if (!list) map.set(s, (list = []));
					list.push(entry);
				}
			}
			return map;
		});
		const map = this.#byDeletion[depth - 1]!;
		const found = new Set<Indexed<T>>();
		for (const d of deletions(code, depth)) {
			for (const entry of map.get(d) ?? []) found.add(entry);
		}
		return [...found];
	}
}

const DIGITS = '0123456789';

/** The letter pairs of a text with their counts, padded with a space at each end. */
export function bigrams(text: string): Map<string, number> {
	const grams = new Map<string, number>();
	const padded = ` ${text} `;
	for (let i = 0; i < padded.length - 1; i++) {
		const g = padded.slice(i, i + 2);
		grams.set(g, (grams.get(g) ?? 0) + 1);
	}
	return grams;
}

/**
 * Names by their letter pairs (an inverted index): the Dice similarity of a name to every unit is summed
 * over the pairs they share, touching only the units that share one.
 */
export class NameIndex<T> {
	readonly #entries: readonly Indexed<T>[];
	readonly #totals: Int32Array;
	/** Each pair → the entries having it and how often, interleaved (index, count, index, count…). */
	readonly #postings = new Map<string, Int32Array>();
	readonly #common: Int32Array;

	constructor(entries: readonly Indexed<T>[]) {
		this.#entries = entries;
		this.#totals = new Int32Array(entries.length);
		this.#common = new Int32Array(entries.length);
		const lists = new Map<string, number[]>();
		entries.forEach((entry, index) => {
			for (const [gram, count] of bigrams(entry.bare)) {
				this.#totals[index] = this.#totals[index]! + count;
				let list = lists.get(gram);
				if (!list) lists.set(gram, (list = []));
				list.push(index, count);
			}
		});
		for (const [gram, list] of lists) this.#postings.set(gram, Int32Array.from(list));
	}

	/** Entries whose Dice similarity to `bare` is above `threshold`, with it (unordered). */
	scored(bare: string, threshold: number): { entry: Indexed<T>; score: number }[] {
		const grams = bigrams(bare);
		let total = 0;
		for (const n of grams.values()) total += n;
		// Typed counts, reset after use: common pairs ("ng", "an") list thousands of units each.
		const common = this.#common;
		const touched: number[] = [];
		for (const [gram, n] of grams) {
			const list = this.#postings.get(gram);
			if (!list) continue;
			for (let i = 0; i < list.length; i += 2) {
				const index = list[i]!;
				if (common[index] === 0) touched.push(index);
				common[index] = common[index]! + Math.min(n, list[i + 1]!);
			}
		}
		const found: { entry: Indexed<T>; score: number }[] = [];
		for (const index of touched) {
			const shared = common[index]!;
			common[index] = 0;
			const score = (2 * shared) / (total + this.#totals[index]!);
			if (score <= threshold && score < 1) continue;
			const entry = this.#entries[index]!;
			found.push({ entry, score: entry.bare === bare ? 1 : score });
		}
		return found;
	}
}

/**
 * The first `limit` items in `compare` order, without sorting them all: a lenient similarity passes
 * thousands of units, of which three are shown.
 */
export function firstBy<T>(
	items: Iterable<T>,
	limit: number,
	compare: (a: T, b: T) => number,
): T[] {
	const best: T[] = [];
	for (const item of items) {
		if (best.length === limit && compare(item, best[limit - 1]!) >= 0) continue;
		let at = best.length;
		while (at > 0 && compare(item, best[at - 1]!) < 0) at--;
		best.splice(at, 0, item);
		if (best.length > limit) best.pop();
	}
	return best;
}
