/**
 * The first screen's answers (src/db/answers.ts), computed here from the database file just written, by
 * DuckDB-WASM itself (the browser's engine, in Node) with the browser's settings, after attaching the file
 * the way the page does: the Arrow the page would get, byte for byte in its values and types.
 *
 * "The first screen" is the overview in its default state (an address without view parameters), which is
 * how the dashboard is opened; any other state simply finds no answer here and asks the engine.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWERS_FILE, answersFileBytes, type PreparedAnswer } from '../../src/db/answers.ts';
import { attachSql } from '../../src/db/bundled.ts';
import { CROSSWALK_SQL, SOURCES_SQL, UNITS_SQL } from '../../src/db/start-queries.ts';
import { parseViewState } from '../../src/state/view-state.ts';
import { overviewStateSql } from '../../src/views/dashboard/overview-queries.ts';
import type { DatabaseEntry } from './database.ts';
import { engineArrow, nodeConnector } from './wasm-node.ts';

export interface AnswersEntry {
	file: string;
	bytes: number;
	sha256: string;
}

/** The queries answered ahead: the page's first ones, then the default overview's. */
export function answeredSql(): string[] {
	return [
		UNITS_SQL,
		SOURCES_SQL,
		CROSSWALK_SQL,
		...overviewStateSql(parseViewState(new URLSearchParams())),
	];
}

/** Write `answers.json` in `dir` from its database file, and return its manifest entry. */
export async function writeAnswers(dir: string, database: DatabaseEntry): Promise<AnswersEntry> {
	const engine = await nodeConnector();
	try {
		await engine.registerFile!(
			database.file,
			new Uint8Array(readFileSync(join(dir, database.file))),
		);
		await engine.exec(attachSql(database.file, database.tables));
		const answers: PreparedAnswer[] = [];
		for (const sql of answeredSql()) {
			const table = await engine.query(sql);
			answers.push({ sql, ipc: engineArrow.tableToIPC(table, 'stream') });
		}
		const bytes = answersFileBytes(database.sha256, answers);
		writeFileSync(join(dir, ANSWERS_FILE), bytes);
		return {
			file: ANSWERS_FILE,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
		};
	} finally {
		await engine.close();
	}
}
