/**
 * Fast Arrow column builders for the benchmark's large datasets: typed arrays and validity bitmaps
 * written directly, since building millions of values through `vectorFromArray` takes minutes.
 * The types are those of the facts contract (utf8, int16, int32).
 */
import {
	Int16,
	Int32,
	RecordBatch,
	Schema,
	Field,
	Struct,
	Utf8,
	makeData,
	type Data,
	type DataType,
} from 'apache-arrow';

/** Growable column of nullable integers. */
export class IntColumn {
	readonly type: Int16 | Int32;
	#values: Int16Array | Int32Array;
	#valid: Uint8Array;
	length = 0;
	nullCount = 0;

	constructor(type: 'int16' | 'int32', capacity: number) {
		this.type = type === 'int16' ? new Int16() : new Int32();
		this.#values = type === 'int16' ? new Int16Array(capacity) : new Int32Array(capacity);
		this.#valid = new Uint8Array(Math.ceil(capacity / 8));
	}

	push(value: number | null): void {
		const i = this.length++;
		if (value === null) this.nullCount++;
		else {
			this.#values[i] = value;
			this.#valid[i >> 3]! |= 1 << (i & 7);
		}
	}

	data(): Data {
		return makeData({
			type: this.type,
			length: this.length,
			nullCount: this.nullCount,
			nullBitmap: this.nullCount > 0 ? this.#valid.slice(0, Math.ceil(this.length / 8)) : null,
			data: this.#values.slice(0, this.length),
		} as never);
	}
}

/** Growable column of nullable strings; the bytes of each distinct string are encoded once. */
export class Utf8Column {
	readonly type = new Utf8();
	#offsets: Int32Array;
	#bytes: Uint8Array;
	#valid: Uint8Array;
	#encoded = new Map<string, Uint8Array>();
	#encoder = new TextEncoder();
	length = 0;
	nullCount = 0;

	constructor(capacity: number) {
		this.#offsets = new Int32Array(capacity + 1);
		this.#bytes = new Uint8Array(Math.max(1024, capacity * 8));
		this.#valid = new Uint8Array(Math.ceil(capacity / 8));
	}

	push(value: string | null): void {
		const i = this.length++;
		const start = this.#offsets[i]!;
		if (value === null) {
			this.nullCount++;
			this.#offsets[i + 1] = start;
			return;
		}
		let bytes = this.#encoded.get(value);
		if (!bytes) {
			bytes = this.#encoder.encode(value);
			this.#encoded.set(value, bytes);
		}
		if (start + bytes.length > this.#bytes.length) {
			const grown = new Uint8Array(Math.max(this.#bytes.length * 2, start + bytes.length));
			grown.set(this.#bytes);
			this.#bytes = grown;
		}
		this.#bytes.set(bytes, start);
		this.#offsets[i + 1] = start + bytes.length;
		this.#valid[i >> 3]! |= 1 << (i & 7);
	}

	data(): Data {
		const end = this.#offsets[this.length]!;
		return makeData({
			type: this.type,
			length: this.length,
			nullCount: this.nullCount,
			nullBitmap: this.nullCount > 0 ? this.#valid.slice(0, Math.ceil(this.length / 8)) : null,
			valueOffsets: this.#offsets.slice(0, this.length + 1),
			data: this.#bytes.slice(0, end),
		} as never);
	}
}

export type Column = IntColumn | Utf8Column;

/** A record batch of named columns of equal length, in the given order. */
export function recordBatch(columns: Record<string, Column>): RecordBatch {
	const entries = Object.entries(columns);
	const length = entries[0]?.[1].length ?? 0;
	const fields = entries.map(([name, column]) => new Field(name, column.type as DataType, true));
	const struct = makeData({
		type: new Struct(fields),
		length,
		nullCount: 0,
		children: entries.map(([, column]) => column.data()),
	});
	return new RecordBatch(new Schema(fields), struct);
}
