/**
 * Reads a PNG's text layer (tEXt and uncompressed iTXt chunks) by walking its chunks, as an image
 * viewer's "properties" would: keyword → text (several chunks of one keyword are joined by a newline).
 */
export function readPngText(png: Uint8Array): Record<string, string> {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const decoder = new TextDecoder();
	const latin1 = new TextDecoder('latin1');
	const out: Record<string, string> = {};
	const add = (key: string, text: string) => {
		out[key] = out[key] === undefined ? text : `${out[key]}\n${text}`;
	};
	let offset = 8;
	while (offset + 8 <= png.length) {
		const length = view.getUint32(offset);
		const type = latin1.decode(png.subarray(offset + 4, offset + 8));
		const data = png.subarray(offset + 8, offset + 8 + length);
		const nul = data.indexOf(0);
		if (type === 'tEXt' && nul > 0) {
			add(latin1.decode(data.subarray(0, nul)), latin1.decode(data.subarray(nul + 1)));
		} else if (type === 'iTXt' && nul > 0 && data[nul + 1] === 0) {
			// Skip the compression flag and method, then the language tag and translated keyword.
			let at = nul + 3;
			at = data.indexOf(0, at) + 1;
			at = data.indexOf(0, at) + 1;
			add(latin1.decode(data.subarray(0, nul)), decoder.decode(data.subarray(at)));
		}
		if (type === 'IEND') break;
		offset += 12 + length;
	}
	return out;
}
