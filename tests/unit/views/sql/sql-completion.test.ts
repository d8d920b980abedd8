import { describe, expect, test } from 'vitest';
import { sqlNamespace } from '../../../../src/views/sql/sql-completion.ts';
import { INHERITED_KEYS } from '../../../helpers/hostile.ts';

describe('the completion schema', () => {
	test('tables named like inherited keys are tables like any other', () => {
		const namespace = sqlNamespace(
			INHERITED_KEYS.map((name) => ({
				name,
				kind: 'table',
				rows: 3,
				columns: [{ name: 'x', type: 'INTEGER' }],
			})),
			(rows) => `${rows} dòng`,
		) as Record<string, unknown>;
		expect(Object.keys(namespace).sort()).toEqual([...INHERITED_KEYS].sort());
		for (const name of INHERITED_KEYS) {
			expect(namespace[name]).toMatchObject({ self: { label: name, detail: '3 dòng' } });
		}
	});
});
