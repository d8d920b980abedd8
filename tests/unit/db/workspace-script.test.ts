import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../../src/db/sql-text.ts';
import { guardScript, scriptError, scriptPosition } from '../../../src/db/workspace-script.ts';

describe('scriptPosition', () => {
	it('counts lines from 1 and columns in characters, not UTF-16 units', () => {
		const script = 'SELECT 1;\n-- đơn vị 🙂\nSELECT x';
		expect(scriptPosition(script, 0)).toEqual({ line: 1, column: 1 });
		// The emoji is two UTF-16 units but one character.
		const x = script.lastIndexOf('x');
		expect(scriptPosition(script, x)).toEqual({ line: 3, column: 8 });
		const after = script.indexOf('🙂') + 2;
		expect(scriptPosition(script, after)).toEqual({ line: 2, column: 12 });
	});
});

describe('guardScript', () => {
	it('places the refusal of a later statement in the whole script', () => {
		const script = "SELECT 1;\nSELECT * FROM read_csv('http://example.org/x.csv');";
		const refused = guardScript(script, splitStatements(script));
		expect(refused).not.toBeNull();
		expect(refused!.refused).toBeTruthy();
		expect(refused!.line).toBe(2);
		expect(script.slice(refused!.offset!)).toMatch(/^read_csv/i);
	});

	it('lets a plain script through', () => {
		const script = 'SELECT 1; SELECT 2';
		expect(guardScript(script, splitStatements(script))).toBeNull();
	});
});

describe('scriptError', () => {
	it('moves the engine position from the statement to the script', () => {
		const script = 'SELECT 1;\nSELECT nope FROM facts';
		const [, second] = splitStatements(script);
		const engineError = new Error(
			JSON.stringify({
				exception_type: 'Binder',
				exception_message: 'Referenced column "nope" not found',
				position: '7',
			}),
		);
		const info = scriptError(engineError, second!, script);
		expect(info.kind).toBe('Binder');
		expect(script.slice(info.offset!)).toMatch(/^nope/);
		expect(info.line).toBe(2);
		expect(info.column).toBe(8);
	});
});
