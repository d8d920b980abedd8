/**
 * What the page's own JavaScript is made of: each JS chunk of the build (the DuckDB workers aside) is
 * split by its source map into the packages its code comes from, and the chunk's gzip size is shared out
 * in proportion to the raw bytes (an estimate: gzip does not compress every part alike).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptPart {
	/** `app (src/)`, a package name, or `other`. */
	origin: string;
	rawBytes: number;
	/** Estimated share of the gzip size. */
	gzipBytes: number;
}

export interface ScriptChunk {
	file: string;
	rawBytes: number;
	gzipBytes: number;
	parts: ScriptPart[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decode one segment of Base64 VLQ numbers. */
function vlq(segment: string): number[] {
	const values: number[] = [];
	let value = 0;
	let shift = 0;
	for (const char of segment) {
		const digit = DIGIT.get(char);
		if (digit === undefined) throw new Error(`bad VLQ digit ${char}`);
		value += (digit & 31) << shift;
		if (digit & 32) shift += 5;
		else {
			values.push(value & 1 ? -(value >>> 1) : value >>> 1);
			value = 0;
			shift = 0;
		}
	}
	return values;
}

/** The package a source path belongs to, or `app (src/)`, or `other`. */
export function originOf(source: string): string {
	const parts = source.split('/');
	const at = parts.lastIndexOf('node_modules');
	if (at >= 0) {
		const name = parts[at + 1] ?? '';
		return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
	}
	if (parts.includes('src')) return 'app (src/)';
	return 'other';
}

/** Raw bytes of generated code per origin, from a chunk and its source map. */
function attribute(
	code: string,
	map: { sources: string[]; mappings: string },
): Map<string, number> {
	const bytes = new Map<string, number>();
	const add = (origin: string, text: string) =>
		bytes.set(origin, (bytes.get(origin) ?? 0) + Buffer.byteLength(text));
	const lines = code.split('\n');
	const mapLines = map.mappings.split(';');
	let source = 0;
	lines.forEach((line, i) => {
		const segments = (mapLines[i] ?? '').split(',').filter(Boolean);
		let column = 0;
		const marks: { column: number; source: number | null }[] = [];
		for (const segment of segments) {
			const fields = vlq(segment);
			column += fields[0] ?? 0;
			if (fields.length >= 4) {
				source += fields[1]!;
				marks.push({ column, source });
			} else marks.push({ column, source: null });
		}
		if (marks.length === 0 || marks[0]!.column > 0) marks.unshift({ column: 0, source: null });
		marks.forEach((mark, k) => {
			const end = marks[k + 1]?.column ?? line.length;
			const origin = mark.source === null ? 'other' : originOf(map.sources[mark.source] ?? '');
			add(origin, line.slice(mark.column, end));
		});
		if (i < lines.length - 1) add('other', '\n');
	});
	return bytes;
}

/** Generated position (0-based line and column) → original source path, from a source map. */
export function sourceLookup(map: {
	sources: string[];
	mappings: string;
}): (line: number, column: number) => string | null {
	const lines: { column: number; source: number }[][] = [];
	let source = 0;
	for (const text of map.mappings.split(';')) {
		let column = 0;
		const segments: { column: number; source: number }[] = [];
		for (const segment of text.split(',').filter(Boolean)) {
			const fields = vlq(segment);
			column += fields[0] ?? 0;
			if (fields.length >= 4) {
				source += fields[1]!;
				segments.push({ column, source });
			}
		}
		lines.push(segments);
	}
	return (line, column) => {
		const segments = lines[line];
		if (!segments || segments.length === 0) return null;
		let low = 0;
		let high = segments.length - 1;
		if (segments[0]!.column > column) return null;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (segments[mid]!.column <= column) low = mid;
			else high = mid - 1;
		}
		return map.sources[segments[low]!.source] ?? null;
	};
}

export async function ownScriptBreakdown(buildDir: string): Promise<ScriptChunk[]> {
	const assets = join(buildDir, 'assets');
	const chunks: ScriptChunk[] = [];
	for (const file of readdirSync(assets).sort()) {
		if (!file.endsWith('.js') || /^duckdb-browser-.*worker/.test(file)) continue;
		const code = readFileSync(join(assets, file), 'utf8');
		const rawBytes = Buffer.byteLength(code);
		const gzipBytes = gzipSync(code, { level: 9 }).byteLength;
		const mapFile = join(assets, `${file}.map`);
		const byOrigin = existsSync(mapFile)
			? attribute(code, JSON.parse(readFileSync(mapFile, 'utf8')))
			: new Map([['other', rawBytes]]);
		const parts = [...byOrigin]
			.map(([origin, raw]) => ({
				origin,
				rawBytes: raw,
				gzipBytes: Math.round((gzipBytes * raw) / rawBytes),
			}))
			.sort((a, b) => b.rawBytes - a.rawBytes);
		chunks.push({ file, rawBytes, gzipBytes, parts });
	}
	return chunks;
}
