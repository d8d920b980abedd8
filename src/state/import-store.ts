/**
 * Imported datasets kept in the browser (IndexedDB) until the user removes them: one record per import
 * with its file name, import time, header mapping and accepted rows (and, for figures accepted from a
 * report, the report's description, text and where each figure stands in it), as plain objects (IndexedDB stores
 * them by structured clone, no serialisation of ours). Where IndexedDB is missing or refused (some
 * private windows), imports live in memory for the session and the page says so.
 */
import type { ImportBatch } from '../db/imports.ts';
import { memoryRecordStore, openRecordStore, type RecordStore } from './idb.ts';

/**
 * Bumped when the record shape changes in a way old code or old records cannot read; older records are
 * read by a migration, never dropped silently. Optional fields added later (`source`, `report`: figures
 * accepted from a report) leave it alone: a record without them is a file import, as it always was.
 */
export const RECORD_VERSION = 1;

/** Where one accepted report figure stands in the report's text, and the fact it went into. */
export interface ReportEvidence {
	/** A metric id, or `sessions_total` / `petition_resolution_rate` (kept in the fact's note). */
	metric: string;
	/** `scheme:code` of the fact's unit. */
	unitKey: string;
	/** The fact's period (`year`, `h1`, `m9`, `month`, `term`), year, month, term and scope. */
	period: string;
	year: number | null;
	month: number | null;
	term: string | null;
	scope: string;
	/** Offsets into `report.text` of the words stating the figure, and of its sentence. */
	start: number;
	end: number;
	sentenceStart: number;
	sentenceEnd: number;
}

/** The report's text and where each stored figure was read in it (for "see the sentence"). */
export interface StoredReport {
	text: string;
	evidence: ReportEvidence[];
}

export interface StoredImport extends ImportBatch {
	version: number;
	/** `csv`, `xlsx`, `parquet`, or `report` for figures accepted from a report. */
	format: string;
	/** Rows of the file below the header, and how many were rejected or empty. */
	totalRows: number;
	rejectedRows: number;
	/** How the file's headers were read: header text → contract column (null: ignored). */
	mapping: { header: string; column: string | null }[];
	/** Set for figures accepted from a report. */
	report?: StoredReport;
}

/** An ISO timestamp in local time with its offset: 2026-11-23T14:05:12+07:00. */
export function localTimestamp(date: Date): string {
	const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
	const offset = -date.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	return (
		`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
		`T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
		`${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
	);
}

/** A record id that sorts by time: `<prefix>-20261123T070512123Z-1a2b3c`. */
export function recordId(
	prefix: 'import' | 'report' | 'mine',
	date: Date,
	content: string,
): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < content.length; i++) {
		hash ^= content.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	const stamp = date.toISOString().replace(/[-:.]/g, '');
	return `${prefix}-${stamp}-${hash.toString(36).padStart(7, '0')}`;
}

/** Where imports are kept: IndexedDB, or memory for the session. */
export type ImportStore = RecordStore<StoredImport>;

const DB_NAME = 'hdnd-dashboard';
const STORE = 'imports';

/** The IndexedDB store; rejects when IndexedDB cannot be opened. */
export function openIndexedDbStore(
	factory: IDBFactory = globalThis.indexedDB,
	name = DB_NAME,
): Promise<ImportStore> {
	return openRecordStore<StoredImport>(factory, name, STORE);
}

/** Records in memory only (for the session). */
export function memoryStore(): ImportStore {
	return memoryRecordStore<StoredImport>();
}

/** IndexedDB where it works, memory otherwise. */
export async function openImportStore(): Promise<ImportStore> {
	try {
		return await openIndexedDbStore();
	} catch {
		return memoryStore();
	}
}
