import { describe, expect, test } from 'vitest';
import { parseThemeSetting, resolveTheme } from '../../../src/state/theme.svelte.ts';

describe('the theme setting', () => {
	test('follows the system unless light or dark was chosen', () => {
		expect(resolveTheme('system', true)).toBe('dark');
		expect(resolveTheme('system', false)).toBe('light');
		expect(resolveTheme('light', true)).toBe('light');
		expect(resolveTheme('dark', false)).toBe('dark');
	});

	test('a stored value that is missing or unknown means "system"', () => {
		expect(parseThemeSetting(null)).toBe('system');
		expect(parseThemeSetting('sepia')).toBe('system');
		expect(parseThemeSetting('dark')).toBe('dark');
	});
});
