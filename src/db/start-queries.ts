/**
 * The queries the page asks once the data is in, before any view: the units (every column: a folder built
 * before `name_order` or `label_order` existed has fewer, and the index sorts what it is not given), the
 * sources and the crosswalk. Named here so that the data build can answer them ahead (answers.ts).
 */
export const UNITS_SQL = 'SELECT * FROM units';
export const SOURCES_SQL = 'SELECT * FROM sources ORDER BY id';
export const CROSSWALK_SQL = 'SELECT old_code, new_code FROM crosswalk';
