/**
 * The first screen's answers, computed at build time (scripts/data/answers.ts) by the same engine from the
 * same database file, and shipped beside it: on a cold start the charts are drawn from them as soon as
 * the file is attached, instead of waiting for a cold engine to compute them (its first queries take a
 * few hundred milliseconds while its code is still being compiled).
 *
 * They are the engine's own answers, keyed by the exact SQL the page asks, for the bundled data only:
 * the coordinator holds them like cached results, drops them with every data change (an import, hiding
 * the simulated figures), and checks them against the engine in idle time after the first screen.
 */
import { DataType, tableFromIPC, type Table, type Utf8, type Vector } from 'apache-arrow';
import { base64url, fromBase64url } from '../ui/base64.ts';

/** The file's name in the dataset folder. */
export const ANSWERS_FILE = 'answers.json';

/** One query and its answer as an Arrow IPC stream. */
export interface PreparedAnswer {
	sql: string;
	ipc: Uint8Array;
}

/** The file: the SHA-256 of the database file the answers came from, and each answer in base64url. */
interface AnswersFile {
	database: string;
	answers: { sql: string; arrow: string }[];
}

/** The file's bytes for these answers, computed from the database file whose SHA-256 is given. */
export function answersFileBytes(
	databaseSha256: string,
	answers: readonly PreparedAnswer[],
): Uint8Array {
	const file: AnswersFile = {
		database: databaseSha256,
		answers: answers.map(({ sql, ipc }) => ({ sql, arrow: base64url(ipc) })),
	};
	return new TextEncoder().encode(JSON.stringify(file) + '\n');
}

/** The answers in the file's bytes; throws when the file is not one, or came from another database file. */
export function parseAnswers(bytes: Uint8Array, databaseSha256: string): PreparedAnswer[] {
	const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
	if (!isAnswersFile(value)) throw new Error(`${ANSWERS_FILE} is not a list of answers`);
	if (value.database !== databaseSha256) {
		throw new Error(`${ANSWERS_FILE} was computed from another database file`);
	}
	return value.answers.map(({ sql, arrow }) => {
		const ipc = fromBase64url(arrow);
		if (!ipc) throw new Error(`${ANSWERS_FILE}: an answer is not base64url`);
		return { sql, ipc };
	});
}

function isAnswersFile(value: unknown): value is AnswersFile {
	if (typeof value !== 'object' || value === null) return false;
	const { database, answers } = value as Record<string, unknown>;
	return (
		typeof database === 'string' &&
		Array.isArray(answers) &&
		answers.every(
			(a) =>
				typeof a === 'object' &&
				a !== null &&
				typeof (a as Record<string, unknown>).sql === 'string' &&
				typeof (a as Record<string, unknown>).arrow === 'string',
		)
	);
}

/** The answers as tables, for the coordinator to hold (Coordinator.seed). */
export function answerTables(answers: readonly PreparedAnswer[]): { sql: string; table: Table }[] {
	return answers.map(({ sql, ipc }) => ({ sql, table: tableFromIPC(ipc) }));
}

/** Whether two answers hold the same columns, of the same types, with the same values in the same order. */
export function sameAnswer(a: Table, b: Table): boolean {
	const shape = (t: Table) => t.schema.fields.map((f) => `${f.name}:${String(f.type)}`).join(',');
	if (a.numRows !== b.numRows || shape(a) !== shape(b)) return false;
	// Column by column, chunk by chunk: the units' answer has some 160,000 values, checked in idle time,
	// and `Vector.get` would search the chunks for every one of them.
	for (let column = 0; column < a.numCols; column++) {
		const x = a.getChildAt(column)!;
		const y = b.getChildAt(column)!;
		if (!(DataType.isUtf8(x.type) ? sameText(x, y) : sameCells(x, y))) return false;
	}
	return true;
}

/**
 * Two text columns compared as bytes, never decoded: decoding every string was most of the check's
 * time (some 300 ms of main thread on the monthly data, in one task). The columns may be cut into
 * chunks at different rows; `j` walks the other column's chunks beside `i`.
 */
function sameText(x: Vector<Utf8>, y: Vector<Utf8>): boolean {
	const others = y.data;
	let chunk = 0;
	let j = 0;
	for (const dx of x.data) {
		for (let i = 0; i < dx.length; i++, j++) {
			while (j >= others[chunk]!.length) {
				chunk++;
				j = 0;
			}
			const dy = others[chunk]!;
			const valid = dx.nullCount === 0 || dx.getValid(i);
			if (valid !== (dy.nullCount === 0 || dy.getValid(j))) return false;
			if (!valid) continue;
			const from = dx.valueOffsets[i]!;
			const length = dx.valueOffsets[i + 1]! - from;
			const otherFrom = dy.valueOffsets[j]!;
			if (dy.valueOffsets[j + 1]! - otherFrom !== length) return false;
			for (let k = 0; k < length; k++) {
				if (dx.values[from + k] !== dy.values[otherFrom + k]) return false;
			}
		}
	}
	return true;
}

/** Two columns of any other type, value by value (each column's iterator walks its chunks in order). */
function sameCells(x: Vector, y: Vector): boolean {
	const other = y[Symbol.iterator]();
	for (const value of x) if (!sameValue(value, other.next().value)) return false;
	return true;
}

function sameValue(x: unknown, y: unknown): boolean {
	if (Object.is(x, y)) return true;
	if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
	// Nested values (lists, structs) compare by their JSON form.
	return typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y);
}
