/**
 * A text column of an Arrow result as JavaScript strings, decoded once per batch instead of once per
 * value. Arrow decodes each value with its own TextDecoder call, which for the 15 thousand units' names,
 * types and codes read at start-up took about a tenth of a second; one call per batch and slices by
 * character position take a few milliseconds.
 */
import { DataType, makeVector, type Data, type Vector } from 'apache-arrow';

const decoder = new TextDecoder();

/**
 * UTF-16 length of the UTF-8 bytes before each byte offset that starts a value: a lead byte of a
 * 1–3 byte sequence is one code unit, of a 4-byte sequence two (a surrogate pair); continuation bytes
 * (10xxxxxx) add nothing.
 */
function charPositions(bytes: Uint8Array, offsets: Int32Array, count: number) {
	const positions = new Int32Array(count + 1);
	let units = 0;
	let byte = offsets[0]!;
	for (let i = 0; i <= count; i++) {
		const end = offsets[i]!;
		for (; byte < end; byte++) {
			const b = bytes[byte]!;
			if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
		}
		positions[i] = units;
	}
	return positions;
}

/** One batch's values, or null when it cannot be decoded in one go (then the caller iterates). */
function decodeBatch(data: Data): (string | null)[] | null {
	const offsets = data.valueOffsets as Int32Array | undefined;
	const bytes = data.values as Uint8Array | undefined;
	if (!(offsets instanceof Int32Array) || !(bytes instanceof Uint8Array)) return null;
	const { offset, length } = data;
	// A slice of a batch has its own value offsets (Arrow cuts that buffer: value i is at offsets[i]), but
	// keeps its offset into the validity bits below.
	const text = decoder.decode(bytes.subarray(offsets[0]!, offsets[length]!));
	const positions = charPositions(bytes, offsets, length);
	// DuckDB's text is valid UTF-8. Bytes that are not (another producer) mostly decode to another
	// length: then Arrow decodes value by value instead.
	if (positions[length] !== text.length) return null;
	const values = new Array<string | null>(length);
	// The validity bits read directly: Data.getValid checks the type on every call.
	const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
	for (let i = 0; i < length; i++) {
		const bit = offset + i;
		const valid = !bitmap || (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
		values[i] = valid ? text.slice(positions[i], positions[i + 1]) : null;
	}
	return values;
}

/** Every value of a column; text columns are decoded a batch at a time, others as Arrow gives them. */
export function columnValues(vector: Vector): unknown[] {
	if (!DataType.isUtf8(vector.type)) return [...vector];
	const values: unknown[] = [];
	for (const data of vector.data) {
		const batch = decodeBatch(data as Data);
		if (batch) for (const value of batch) values.push(value);
		else for (const value of makeVector(data as Data)) values.push(value);
	}
	return values;
}
