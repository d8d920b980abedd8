import { describe, expect, test } from 'vitest';
import { decodeEntities, xmlEvents } from '../../../src/import/xml.ts';
import { INHERITED_KEYS } from '../../helpers/hostile.ts';

describe('the XML reader and inherited keys', () => {
	test.each(INHERITED_KEYS)('"&%s;" is left as written, not an entity', (word) => {
		expect(decodeEntities(`1 &${word}; 2 &amp; 3`)).toBe(`1 &${word}; 2 & 3`);
	});

	test('attributes hold only what the tag wrote', () => {
		const [open] = [...xmlEvents('<c __proto__="1" constructor="2" r="A1"/>')];
		expect(open).toMatchObject({ type: 'open', name: 'c' });
		if (open?.type !== 'open') return;
		expect(Object.keys(open.attrs).sort()).toEqual(['__proto__', 'constructor', 'r']);
		expect(open.attrs.t).toBeUndefined();
		expect(open.attrs['toString']).toBeUndefined();
		expect(open.attrs['constructor']).toBe('2');
	});
});
