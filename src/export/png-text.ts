/**
 * A PNG's text layer: iTXt chunks (UTF-8, so Vietnamese survives) added to the bytes a canvas encoded,
 * so that an image that travels alone still says where its figures and boundaries come from. Keywords
 * follow the PNG specification's registered ones (Title, Source, Copyright, Creation Time…).
 */

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 as PNG chunks use it (over the type and the data). */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** One iTXt chunk, uncompressed, no language tag. */
export function itxtChunk(keyword: string, text: string): Uint8Array {
	const encoder = new TextEncoder();
	// Keyword (Latin-1, 1–79 bytes), NUL, compression flag 0, method 0, empty language NUL, empty
	// translated keyword NUL, then the UTF-8 text.
	const key = encoder.encode(keyword.slice(0, 79));
	const body = encoder.encode(text);
	const data = new Uint8Array(key.length + 5 + body.length);
	data.set(key, 0);
	data.set(body, key.length + 5);
	const typed = new Uint8Array(4 + data.length);
	typed.set(encoder.encode('iTXt'), 0);
	typed.set(data, 4);
	const chunk = new Uint8Array(12 + data.length);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, data.length);
	chunk.set(typed, 4);
	view.setUint32(8 + data.length, crc32(typed));
	return chunk;
}

/** The PNG with text chunks inserted before its IEND chunk. */
export function addPngText(png: Uint8Array, entries: readonly [string, string][]): Uint8Array {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	// Walk the chunks to find IEND (it is the last, but a trailing byte must not fool us).
	let offset = 8;
	let iend = -1;
	while (offset + 8 <= png.length) {
		const length = view.getUint32(offset);
		const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
		if (type === 'IEND') {
			iend = offset;
			break;
		}
		offset += 12 + length;
	}
	if (iend < 0) throw new Error('not a PNG: no IEND chunk');
	const chunks = entries.filter(([, text]) => text).map(([k, text]) => itxtChunk(k, text));
	const size = chunks.reduce((sum, c) => sum + c.length, 0);
	const out = new Uint8Array(png.length + size);
	out.set(png.subarray(0, iend), 0);
	let at = iend;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	out.set(png.subarray(iend), at);
	return out;
}
