/** Changing a dataset's files as they are read, for the tests of what the loader refuses or falls back from. */

/** A copy with the middle byte flipped: same size, another content (every value ×100 would need a writer). */
export function flipMiddleByte(bytes: Uint8Array): Uint8Array {
	const copy = bytes.slice();
	const middle = copy.length >> 1;
	copy[middle] = copy[middle]! ^ 0xff;
	return copy;
}

/** A reader's change that flips the middle byte of one file and leaves the others. */
export const flipIn =
	(file: string) =>
	(name: string, bytes: Uint8Array): Uint8Array =>
		name === file ? flipMiddleByte(bytes) : bytes;

/** manifest.json without its prepared database file (the Parquet path); other files as they are. */
export function withoutDatabase(name: string, bytes: Uint8Array): Uint8Array {
	if (name !== 'manifest.json') return bytes;
	const { database: _database, ...manifest } = JSON.parse(new TextDecoder().decode(bytes));
	return new TextEncoder().encode(JSON.stringify(manifest));
}
