import { describe, expect, test } from 'vitest';
import { MESSAGE_PARTS, en, vi } from '../../../src/i18n/messages.ts';

describe('the message catalogues', () => {
	test('no two parts use the same key (spreading them would keep only the last)', () => {
		const keys = MESSAGE_PARTS.flatMap((part) => Object.keys(part));
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.length).toBe(Object.keys(vi).length);
	});

	test('both languages have the same keys, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
		for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
	});
});
