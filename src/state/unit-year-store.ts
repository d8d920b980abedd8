/**
 * The yearly tables' rows held in the page (db/unit-year-rows.ts) for the rankings answered without the
 * engine: each basis's keys, read once per version of the data, and the values of the measures asked
 * most recently. Everything is read in idle time, through the coordinator's queue; until it is here, the
 * engine answers as before. The benchmark's unoptimised baseline (no cache) holds nothing.
 */
import type { Coordinator } from '../db/coordinator.ts';
import { whenIdle } from '../db/idle.ts';
import { rowKeysSql, rowValuesSql, UnitYearRows, UnitYearValues } from '../db/unit-year-rows.ts';
import type { Basis } from '../model/basis.ts';
import type { Form } from '../model/comparable.ts';
import type { MeasureId } from '../model/measures.ts';

/** Values of this many measures are kept (about 2 MB each for 100 thousand rows; the coordinator's cache holds their answers too). */
const KEPT_VALUES = 8;

export class UnitYearStore {
	readonly #coordinator: Coordinator;
	#version = -1;
	readonly #keys = new Map<Basis, UnitYearRows>();
	/** Values being read (by SQL), so that each is asked once. */
	readonly #reading = new Set<string>();
	/** Keys being read, by basis: two measures wanted at once wait for the same read. */
	readonly #readingKeys = new Map<Basis, Promise<UnitYearRows>>();
	/** By values SQL, least recently used first. */
	readonly #values = new Map<string, UnitYearValues>();

	constructor(coordinator: Coordinator) {
		this.#coordinator = coordinator;
	}

	/** Forget everything read for another version of the data. */
	#at(version: number): void {
		if (version === this.#version) return;
		this.#version = version;
		this.#keys.clear();
		this.#values.clear();
		this.#reading.clear();
		this.#readingKeys.clear();
	}

	/**
	 * The values of a measure held for this version of the data, or null. Values the coordinator holds
	 * already (prefetched as the next click's) are taken from it.
	 */
	values(version: number, measure: MeasureId, form: Form, basis: Basis): UnitYearValues | null {
		this.#at(version);
		const keys = this.#keys.get(basis);
		if (!keys) return null;
		const sql = rowValuesSql(measure, form, basis);
		const held = this.#values.get(sql);
		if (held) {
			this.#values.delete(sql);
			this.#values.set(sql, held);
			return held;
		}
		const cached = this.#coordinator.cached(sql);
		return cached ? this.#keep(sql, keys, cached) : null;
	}

	/**
	 * Whether the values of a measure are here, or in the coordinator's cache (read on first use): a
	 * check that builds nothing, for the list of what to prefetch.
	 */
	hasValues(version: number, measure: MeasureId, form: Form, basis: Basis): boolean {
		this.#at(version);
		if (!this.#keys.has(basis)) return false;
		const sql = rowValuesSql(measure, form, basis);
		return this.#values.has(sql) || this.#coordinator.cached(sql) !== undefined;
	}

	/** Whether the keys of a basis are here (the values of a measure are then one small query away). */
	hasKeys(version: number, basis: Basis): boolean {
		this.#at(version);
		return this.#keys.has(basis);
	}

	/** Read, in idle time, the keys of the basis and the values of this measure, unless held. */
	want(version: number, measure: MeasureId, form: Form, basis: Basis): void {
		if (!this.#coordinator.caching) return;
		this.#at(version);
		const sql = rowValuesSql(measure, form, basis);
		if (this.#values.has(sql) || this.#reading.has(sql)) return;
		this.#reading.add(sql);
		whenIdle(() => void this.#read(version, basis, sql), 1000);
	}

	async #read(version: number, basis: Basis, sql: string): Promise<void> {
		try {
			const keys = this.#keys.get(basis) ?? (await this.#readKeys(basis));
			if (version !== this.#version) return;
			const table = await this.#coordinator.query(sql);
			if (version === this.#version && !this.#values.has(sql)) this.#keep(sql, keys, table);
		} catch (error) {
			// Only a shortcut: without it the engine answers the rankings.
			console.warn(
				`rankings stay with the engine: ${error instanceof Error ? error.message : error}`,
			);
		} finally {
			if (version === this.#version) this.#reading.delete(sql);
		}
	}

	/** The keys of a basis, read once however many measures ask for them at the same time. */
	#readKeys(basis: Basis): Promise<UnitYearRows> {
		let reading = this.#readingKeys.get(basis);
		if (!reading) {
			const version = this.#version;
			reading = this.#coordinator.query(rowKeysSql(basis)).then((table) => {
				const keys = new UnitYearRows(table);
				if (version === this.#version) this.#keys.set(basis, keys);
				return keys;
			});
			this.#readingKeys.set(basis, reading);
			// A failed read is not kept: the next measure wanted tries again.
			reading.catch(() => {
				if (this.#readingKeys.get(basis) === reading) this.#readingKeys.delete(basis);
			});
		}
		return reading;
	}

	#keep(
		sql: string,
		keys: UnitYearRows,
		table: import('apache-arrow').Table,
	): UnitYearValues | null {
		let values: UnitYearValues;
		try {
			values = new UnitYearValues(keys, table);
		} catch {
			return null;
		}
		this.#values.set(sql, values);
		if (this.#values.size > KEPT_VALUES) {
			this.#values.delete(this.#values.keys().next().value as string);
		}
		return values;
	}
}
