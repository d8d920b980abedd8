/**
 * The row and column counts of a Parquet file, read from its footer before anything is decoded: a few
 * hundred bytes of Parquet can declare fifty million rows, which decoding would hold in memory before any
 * limit could be checked.
 *
 * The footer is the file's metadata in Thrift's compact protocol: `FileMetaData` has the schema (field 2,
 * a list with one element for the root and one per column) and `num_rows` (field 3). Only those two are
 * read; every other field is skipped by its type. A damaged footer gives null (the decoder then says what
 * is wrong), never an exception.
 */

export interface ParquetShape {
	rows: number;
	/** Schema elements other than the root: the columns, counting those inside nested groups. */
	columns: number;
}

/** Nesting deeper than this is not a real Parquet footer, and recursion must stay bounded. */
const MAX_DEPTH = 32;

class Malformed extends Error {}

class CompactReader {
	#pos: number;
	constructor(
		private readonly bytes: Uint8Array,
		start: number,
		private readonly end: number,
	) {
		this.#pos = start;
	}

	byte(): number {
		if (this.#pos >= this.end) throw new Malformed('past the end');
		return this.bytes[this.#pos++]!;
	}

	skip(n: number): void {
		if (n < 0 || this.#pos + n > this.end) throw new Malformed('past the end');
		this.#pos += n;
	}

	/** An unsigned varint, as a Number (exact up to 2^53, which is far above any limit checked). */
	varint(): number {
		let value = 0;
		let scale = 1;
		for (let i = 0; i < 10; i++) {
			const b = this.byte();
			value += (b & 0x7f) * scale;
			if ((b & 0x80) === 0) return value;
			scale *= 128;
		}
		throw new Malformed('varint too long');
	}

	/** A zigzag-encoded signed varint. */
	zigzag(): number {
		const n = this.varint();
		return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
	}

	/** Bytes left before the end of the footer. */
	get left(): number {
		return this.end - this.#pos;
	}

	/**
	 * Skip one element of a list, set or map: a boolean there takes a byte of its own (in a struct it is
	 * the field's type). Every element takes at least one byte, which bounds any loop over elements.
	 */
	element(type: number, depth: number): void {
		if (type === 1 || type === 2) this.skip(1);
		else this.value(type, depth);
	}

	/** A container's element count, refused when the bytes left could not hold that many. */
	count(size: number): number {
		if (size > this.left) throw new Malformed('more elements than bytes');
		return size;
	}

	/** Skip one value of a compact type. */
	value(type: number, depth: number): void {
		if (depth > MAX_DEPTH) throw new Malformed('too deep');
		switch (type) {
			case 1: // true
			case 2: // false (in a struct the value is the type itself)
				return;
			case 3: // byte
				return this.skip(1);
			case 4: // i16
			case 5: // i32
			case 6: // i64
				this.varint();
				return;
			case 7: // double
				return this.skip(8);
			case 8: // binary
				return this.skip(this.varint());
			case 9: // list
			case 10: {
				// set
				const { size, type: element } = this.listHeader();
				for (let i = 0; i < size; i++) this.element(element, depth + 1);
				return;
			}
			case 11: {
				// map
				const size = this.count(this.varint());
				if (size === 0) return;
				const types = this.byte();
				for (let i = 0; i < size; i++) {
					this.element(types >> 4, depth + 1);
					this.element(types & 0x0f, depth + 1);
				}
				return;
			}
			case 12: // struct
				return this.struct(depth + 1, () => false);
			default:
				throw new Malformed(`unknown type ${type}`);
		}
	}

	listHeader(): { size: number; type: number } {
		const header = this.byte();
		const short = header >> 4;
		return { size: this.count(short === 15 ? this.varint() : short), type: header & 0x0f };
	}

	/**
	 * Read a struct's fields up to its stop byte; `visit(id, type)` reads a field itself and returns true,
	 * or returns false to have it skipped.
	 */
	struct(depth: number, visit: (id: number, type: number) => boolean): void {
		let id = 0;
		for (;;) {
			const header = this.byte();
			if (header === 0) return;
			const type = header & 0x0f;
			const delta = header >> 4;
			id = delta === 0 ? this.zigzag() : id + delta;
			if (!visit(id, type)) this.value(type, depth);
		}
	}
}

/** Rows and columns declared by a Parquet file's footer; null when the footer cannot be read. */
export function parquetShape(bytes: Uint8Array): ParquetShape | null {
	const n = bytes.length;
	if (n < 12) return null;
	const magic = (at: number) =>
		bytes[at] === 0x50 &&
		bytes[at + 1] === 0x41 &&
		bytes[at + 2] === 0x52 &&
		bytes[at + 3] === 0x31;
	if (!magic(0) || !magic(n - 4)) return null;
	const length = new DataView(bytes.buffer, bytes.byteOffset + n - 8, 4).getUint32(0, true);
	const start = n - 8 - length;
	if (start < 4) return null;
	const reader = new CompactReader(bytes, start, n - 8);
	let rows: number | null = null;
	let columns: number | null = null;
	try {
		reader.struct(0, (id, type) => {
			if (id === 2 && type === 9) {
				const { size, type: element } = reader.listHeader();
				columns = Math.max(0, size - 1);
				for (let i = 0; i < size; i++) reader.element(element, 1);
				return true;
			}
			if (id === 3 && type === 6) {
				rows = reader.zigzag();
				return true;
			}
			return false;
		});
	} catch (error) {
		if (error instanceof Malformed) return null;
		throw error;
	}
	return rows === null || columns === null ? null : { rows, columns };
}
