/**
 * The rows of a yearly table (`yearly` or `yearly_2025`: one row per unit and year) held in the page, so
 * that a ranking can be answered without a round trip to the engine (local-ranking.ts).
 *
 * Two queries fill them: the rows' keys (unit, year, source kind, approximate), once per table and
 * version of the data, and a measure's values (value and councils), once per measure, form and basis.
 * Both scan the same table without an ORDER BY: DuckDB keeps a table's insertion order in such answers
 * (its `preserve_insertion_order` setting, on by default), so the i-th value belongs to the i-th key. A
 * planned query of a measure's values costs a few milliseconds, against tens for a ranking's.
 */
import type { Table, Vector } from 'apache-arrow';
import type { Basis } from '../model/basis.ts';
import type { Form } from '../model/comparable.ts';
import type { MeasureId } from '../model/measures.ts';
import { formCouncilCountSql, formValueSql } from './comparable-sql.ts';
import { yearlyTable } from './queries.ts';
import { columnValues } from './text-column.ts';

/** The keys of every row of the basis's yearly table, in the table's order. */
export function rowKeysSql(basis: Basis): string {
	return `SELECT unit_key, year::INTEGER AS year, source_kind, approx FROM ${yearlyTable(basis)}`;
}

/**
 * A measure's value (in the form shown) and the councils it comes from, for every row of the basis's
 * yearly table, in the same order as rowKeysSql.
 */
export function rowValuesSql(measure: MeasureId, form: Form, basis: Basis): string {
	return `SELECT ${formValueSql(measure, form, basis)}::DOUBLE AS value,
		${formCouncilCountSql(measure, form, basis)}::INTEGER AS councils
	FROM ${yearlyTable(basis)}`;
}

/** Where each unit-year is among the rows, with each row's source kind and approximate flag. */
export class UnitYearRows {
	readonly count: number;
	readonly #slots = new Map<string, number>();
	readonly #firstYear: number;
	readonly #years: number;
	/** Row index of (slot, year), -1 where the unit has no row that year. */
	readonly #rowAt: Int32Array;
	/** Each row's source kind, as an index into #kinds (null: none). */
	readonly #kindOf: Uint8Array;
	readonly #kinds: (string | null)[] = [];
	/** Each row's approximate flag: 0 false, 1 true, 2 null. */
	readonly #approxOf: Uint8Array;

	/** From an answer of rowKeysSql. Throws when a unit has two rows in one year. */
	constructor(table: Table) {
		const keys = columnValues(table.getChild('unit_key')!) as string[];
		const years = table.getChild('year')!.toArray() as Int32Array;
		const kinds = columnValues(table.getChild('source_kind')!) as (string | null)[];
		const approx = [...table.getChild('approx')!] as (boolean | null)[];
		this.count = keys.length;
		let first = Infinity;
		let last = -Infinity;
		for (const year of years) {
			if (year < first) first = year;
			if (year > last) last = year;
		}
		this.#firstYear = this.count > 0 ? first : 0;
		this.#years = this.count > 0 ? last - first + 1 : 0;
		for (const key of keys) if (!this.#slots.has(key)) this.#slots.set(key, this.#slots.size);
		this.#rowAt = new Int32Array(this.#slots.size * this.#years).fill(-1);
		this.#kindOf = new Uint8Array(this.count);
		this.#approxOf = new Uint8Array(this.count);
		const kindIndex = new Map<string | null, number>();
		for (let row = 0; row < this.count; row++) {
			const at = this.#slots.get(keys[row]!)! * this.#years + (years[row]! - this.#firstYear);
			if (this.#rowAt[at] !== -1) throw new Error(`Two rows of ${keys[row]} in ${years[row]}`);
			this.#rowAt[at] = row;
			const kind = kinds[row] ?? null;
			let index = kindIndex.get(kind);
			if (index === undefined) {
				index = this.#kinds.length;
				kindIndex.set(kind, index);
				this.#kinds.push(kind);
			}
			this.#kindOf[row] = index;
			const flag = approx[row];
			this.#approxOf[row] = flag === null || flag === undefined ? 2 : flag ? 1 : 0;
		}
	}

	/** The row of a unit in a year, or -1 when it has none. */
	rowOf(unitKey: string, year: number): number {
		const slot = this.#slots.get(unitKey);
		const offset = year - this.#firstYear;
		if (slot === undefined || offset < 0 || offset >= this.#years) return -1;
		return this.#rowAt[slot * this.#years + offset]!;
	}

	sourceKind(row: number): string | null {
		return this.#kinds[this.#kindOf[row]!]!;
	}

	approx(row: number): boolean | null {
		const flag = this.#approxOf[row]!;
		return flag === 2 ? null : flag === 1;
	}
}

/**
 * A numeric column as one typed array with a flag per value (1: not null), read from Arrow's buffers
 * batch by batch: iterating the vector costs a hundred times more (about 40 ms for 100 thousand rows).
 */
function numbers(vector: Vector): { values: Float64Array; valid: Uint8Array } {
	const values = new Float64Array(vector.length);
	const valid = new Uint8Array(vector.length);
	let at = 0;
	for (const data of vector.data) {
		const source = data.values as ArrayLike<number>;
		// The validity bits count from the batch's offset; the values too, unless Arrow sliced them already.
		const base = source.length >= data.offset + data.length ? data.offset : 0;
		const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
		for (let i = 0; i < data.length; i++, at++) {
			const bit = data.offset + i;
			if (bitmap && (bitmap[bit >> 3]! & (1 << (bit & 7))) === 0) continue;
			values[at] = source[base + i]!;
			valid[at] = 1;
		}
	}
	return { values, valid };
}

/** A measure's value and councils for every row of a UnitYearRows. */
export class UnitYearValues {
	readonly rows: UnitYearRows;
	readonly #values: { values: Float64Array; valid: Uint8Array };
	readonly #councils: { values: Float64Array; valid: Uint8Array };

	/** From an answer of rowValuesSql over the same table; throws when the counts differ. */
	constructor(rows: UnitYearRows, table: Table) {
		if (table.numRows !== rows.count) {
			throw new Error(`${table.numRows} values for ${rows.count} rows: the table changed`);
		}
		this.rows = rows;
		this.#values = numbers(table.getChild('value')!);
		this.#councils = numbers(table.getChild('councils')!);
	}

	value(row: number): number | null {
		return row >= 0 && this.#values.valid[row] ? this.#values.values[row]! : null;
	}

	councils(row: number): number | null {
		return this.#councils.valid[row] ? this.#councils.values[row]! : null;
	}
}
