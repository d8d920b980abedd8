/**
 * The guard in front of the SQL console: statements that would leave the page are refused by their text,
 * before the engine sees them.
 *
 * Why two layers. The engine's lock (workspace-lock.ts) is the real barrier: it refuses every file and
 * URL, whatever the SQL looks like (tried in Chromium: with the lock and without this guard, nothing
 * left the page). But some statements it answers badly: `INSTALL httpfs` succeeds silently, and
 * `read_parquet(…)` and `read_json(…)` fail with advice to install an extension, which cannot work here.
 * Without the lock, `LOAD`, `ATTACH 'md:…'` and `read_csv('https://…')` went to the internet. The guard
 * refuses all of these up front with one clear message, and the settings that keep the page closed, so
 * that a lock that somehow was not taken still leaves one layer.
 * It reads keywords from tokens (strings and comments skipped), not substrings, so `SELECT 'install'`
 * and a column named `load` still run. Whatever it misses, the engine still refuses; its Permission and
 * "configuration locked" errors are marked refused here too (engineRefusal) so they read the same.
 */
import type { RefusalReason, SqlErrorInfo } from './sql-error.ts';
import { skipQuoted } from './sql-text.ts';

export interface Refusal {
	reason: RefusalReason;
	/** Offset in the statement of the word that was refused. */
	offset: number;
	/** That word, as written (for the message's detail). */
	word: string;
}

/** Statements that install, load or attach something, or read and write files, by their first words. */
const REFUSED_HEADS = new Set(['INSTALL', 'LOAD', 'ATTACH', 'COPY', 'EXPORT', 'IMPORT']);

/** Settings that keep the console inside the page: never changed from the console. */
const GUARDED_SETTINGS = new Set([
	'enable_external_access',
	'lock_configuration',
	'autoinstall_known_extensions',
	'autoload_known_extensions',
	'autoinstall_extension_repository',
	'custom_extension_repository',
	'extension_directory',
	'allow_community_extensions',
	'allow_unsigned_extensions',
	'allowed_paths',
	'allowed_directories',
]);

/** Table and scalar functions that read files or URLs (or list them); the console has no files. */
const FILE_FUNCTIONS = new Set([
	'read_csv',
	'read_csv_auto',
	'sniff_csv',
	'read_parquet',
	'parquet_scan',
	'parquet_metadata',
	'parquet_schema',
	'parquet_file_metadata',
	'parquet_kv_metadata',
	'read_json',
	'read_json_auto',
	'read_json_objects',
	'read_json_objects_auto',
	'read_ndjson',
	'read_ndjson_auto',
	'read_ndjson_objects',
	'read_text',
	'read_blob',
	'read_xlsx',
	'glob',
	'st_read',
	'delta_scan',
	'iceberg_scan',
]);

interface Token {
	kind: 'word' | 'string' | 'punct';
	/** Words without their quotes; strings as written. */
	text: string;
	offset: number;
}

/** The statement's words, strings and punctuation, without blanks and comments. */
export function tokenize(sql: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i]!;
		const next = sql[i + 1];
		if (/\s/.test(ch)) {
			i++;
		} else if (ch === '-' && next === '-') {
			const end = sql.indexOf('\n', i);
			i = end === -1 ? sql.length : end + 1;
		} else if (ch === '/' && next === '*') {
			const end = sql.indexOf('*/', i + 2);
			i = end === -1 ? sql.length : end + 2;
		} else if (ch === "'" || ch === '"') {
			const end = skipQuoted(sql, i, ch);
			const body = sql.slice(i + 1, end - 1).replaceAll(ch + ch, ch);
			tokens.push({ kind: ch === '"' ? 'word' : 'string', text: body, offset: i });
			i = end;
		} else if (ch === '$') {
			// $$…$$ and $tag$…$tag$ strings.
			const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
			if (tag) {
				const close = sql.indexOf(tag, i + tag.length);
				const end = close === -1 ? sql.length : close + tag.length;
				tokens.push({ kind: 'string', text: sql.slice(i, end), offset: i });
				i = end;
			} else {
				tokens.push({ kind: 'punct', text: ch, offset: i++ });
			}
		} else if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch)) {
			const word = /^[A-Za-z_\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*/.exec(sql.slice(i))![0];
			tokens.push({ kind: 'word', text: word, offset: i });
			i += word.length;
		} else {
			tokens.push({ kind: 'punct', text: ch, offset: i++ });
		}
	}
	return tokens;
}

const isWord = (token: Token | undefined, word: string) =>
	token?.kind === 'word' && token.text.toUpperCase() === word;

/** The refusal of one statement, or null when the guard lets it through to the (locked) engine. */
export function refuseStatement(statement: string): Refusal | null {
	const tokens = tokenize(statement);
	const refuse = (token: Token, reason: RefusalReason = 'external'): Refusal => ({
		reason,
		offset: token.offset,
		word: token.text,
	});
	// Leading parentheses and FORCE (as in FORCE INSTALL) do not change what the statement does.
	let head = 0;
	while (tokens[head]?.text === '(') head++;
	if (isWord(tokens[head], 'FORCE')) head++;
	const first = tokens[head];
	if (!first) return null;
	const keyword = first.kind === 'word' ? first.text.toUpperCase() : '';
	if (REFUSED_HEADS.has(keyword)) return refuse(first);
	if (keyword === 'SET' || keyword === 'RESET' || keyword === 'PRAGMA') {
		let name = head + 1;
		while (['GLOBAL', 'SESSION', 'LOCAL'].some((scope) => isWord(tokens[name], scope))) name++;
		const setting = tokens[name];
		if (setting?.kind === 'word' && GUARDED_SETTINGS.has(setting.text.toLowerCase())) {
			return refuse(setting);
		}
	}
	for (let i = 0; i < tokens.length - 1; i++) {
		const token = tokens[i]!;
		if (
			token.kind === 'word' &&
			tokens[i + 1]!.text === '(' &&
			FILE_FUNCTIONS.has(token.text.toLowerCase())
		) {
			return refuse(token);
		}
	}
	return null;
}

/**
 * Whether an engine error is the lock at work: a Permission error (a file, a URL, an extension) or a
 * locked setting. Such errors are shown as refusals, not as mistakes in the SQL.
 */
export function engineRefusal(error: SqlErrorInfo): RefusalReason | null {
	if (error.kind === 'Permission') return 'external';
	if (/configuration has been locked/i.test(error.message)) return 'settings';
	return null;
}
