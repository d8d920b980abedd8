import { describe, expect, test } from 'vitest';
import { bareTable, ownValue } from '../../../src/model/own.ts';
import { INHERITED_KEYS } from '../../helpers/hostile.ts';

describe('lookups that ignore inherited keys', () => {
	test('ownValue finds written keys and nothing a plain object inherits', () => {
		const table: Record<string, number> = { một: 1, hai: 2 };
		expect(ownValue(table, 'hai')).toBe(2);
		for (const key of INHERITED_KEYS) expect(ownValue(table, key)).toBeUndefined();
	});

	test('a bare table holds "__proto__" as an ordinary key and inherits nothing', () => {
		const table = bareTable<string>();
		for (const key of INHERITED_KEYS) expect(table[key]).toBeUndefined();
		table['__proto__'] = 'x';
		expect(Object.keys(table)).toEqual(['__proto__']);
		expect(table['__proto__']).toBe('x');
	});
});
