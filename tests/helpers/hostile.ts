/**
 * Words a plain object answers from its prototype: as a cell, a header, an entity or a type word they
 * must be read as the text they are, never as an entry of a lookup table.
 */
export const INHERITED_KEYS = [
	'constructor',
	'__proto__',
	'toString',
	'hasOwnProperty',
	'valueOf',
] as const;
