/**
 * The SQL console's engine, locked once its data is loaded: no file or network access, no extension
 * installed or loaded on demand, and no way back from SQL. The README promises that nothing leaves the
 * page's origin; the console is where a person could otherwise type `read_csv('https://…')`.
 *
 * Each setting was tried on duckdb-wasm 1.32 (tests/unit/db/workspace-lock.test.ts): with them, file
 * functions, COPY, EXPORT, ATTACH of a file or URL and LOAD fail with a Permission error, and every later
 * SET, RESET or PRAGMA of a setting fails with "the configuration has been locked". Inserting Arrow data
 * still works (it is not a file access), so a later load into a locked engine is possible.
 */
import type { Connector } from './connector.ts';

/** The statements that lock an engine, in order (the lock last: after it nothing can be set). */
export const LOCK_STATEMENTS = [
	// The extension host is on the internet: never download or load an extension on demand.
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	// No file system and no URL: the console reads only the tables already in the engine.
	'SET enable_external_access = false',
	// Freeze every setting, so no statement can turn the ones above back on.
	'SET lock_configuration = true',
] as const;

/**
 * Lock `engine` (see above), then read the settings back: an engine that did not take them must not be
 * handed to the console, so this throws.
 */
export async function lockEngine(engine: Connector): Promise<void> {
	for (const statement of LOCK_STATEMENTS) await engine.exec(statement);
	const table = await engine.query(
		`SELECT current_setting('enable_external_access') AS external,
			current_setting('autoinstall_known_extensions') AS autoinstall,
			current_setting('autoload_known_extensions') AS autoload,
			current_setting('lock_configuration') AS locked`,
	);
	const row = table.get(0)?.toJSON() as Record<string, unknown> | undefined;
	const locked =
		row !== undefined &&
		row.external === false &&
		row.autoinstall === false &&
		row.autoload === false &&
		row.locked === true;
	if (!locked) throw new Error(`The SQL engine could not be locked: ${JSON.stringify(row)}`);
}
