/**
 * The themes of src/app.css, read from the file: WCAG AA contrast for text (4.5:1) and for marks and
 * focus rings (3:1) in light and dark, and series colours told apart under colour-vision deficiencies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	contrast,
	minimumDistance,
	over,
	parseColour,
	type Deficiency,
	type Rgb,
} from '../../../src/ui/colour.ts';

const css = readFileSync(new URL('../../../src/app.css', import.meta.url), 'utf8');

function block(selector: string): Map<string, string> {
	const start = css.indexOf(`${selector} {`);
	if (start < 0) throw new Error(`no ${selector} block`);
	const body = css.slice(start, css.indexOf('\n}', start));
	return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const light = block(':root');
const dark = new Map([...light, ...block(":root[data-theme='dark']")]);
const THEMES = { light, dark };

function colour(theme: Map<string, string>, name: string): Rgb {
	const value = theme.get(name);
	const parsed = value ? parseColour(value) : null;
	if (!parsed) throw new Error(`${name} is not a colour: ${value}`);
	return [parsed[0], parsed[1], parsed[2]];
}

/** Text on backgrounds: 4.5:1. */
const TEXT: [string, string][] = [
	['--ink', '--bg'],
	['--ink', '--surface'],
	['--ink-muted', '--bg'],
	['--ink-muted', '--surface'],
	['--accent-ink', '--accent'],
	['--accent', '--surface'],
	['--header-ink', '--header-bg'],
	['--simulated-ink', '--simulated-bg'],
	['--reported-ink', '--reported-bg'],
	['--reported-ink', '--surface'],
	['--up', '--surface'],
	['--down', '--surface'],
	['--chip-ink', '--chip-bg'],
	['--chip-years-ink', '--chip-years-bg'],
	['--link', '--surface'],
	['--link', '--bg'],
	['--ink', '--hover'],
];

/** Marks, hatching and focus rings: 3:1 against what they sit on. */
const GRAPHICS: [string, string][] = [
	['--bar', '--surface'],
	['--bar-selected', '--surface'],
	['--bar-dim', '--surface'],
	['--missing', '--hatch-bg'],
	['--focus', '--surface'],
	['--focus', '--bg'],
	['--focus-on-accent', '--header-bg'],
	...Array.from({ length: 8 }, (_, i) => [`--series-${i + 1}`, '--surface'] as [string, string]),
];

/** Text of the SQL editor (src/views/sql/code-theme.ts): plain names in ink, the tokens in colour. */
const CODE = [
	'--ink',
	...[
		'keyword',
		'string',
		'number',
		'atom',
		'type',
		'builtin',
		'comment',
		'special',
		'invalid',
	].map((token) => `--code-${token}`),
];

describe.each(Object.entries(THEMES))('the %s theme', (_, theme) => {
	test.each(CODE)('editor text %s has at least 4.5:1 wherever it sits', (fg) => {
		const surface = colour(theme, '--surface');
		const selection = colour(theme, '--code-selection');
		// The active line is a translucent tint, laid over the surface or over a selection.
		const tint = parseColour(theme.get('--code-active-line') ?? '');
		expect(tint).not.toBeNull();
		const backgrounds: [string, Rgb][] = [
			['surface', surface],
			['selection', selection],
			['active line', over(tint!, surface)],
			['selection on the active line', over(tint!, selection)],
		];
		for (const [where, background] of backgrounds) {
			expect(contrast(colour(theme, fg), background), where).toBeGreaterThanOrEqual(4.5);
		}
	});

	test.each(TEXT)('text %s on %s has at least 4.5:1', (fg, bg) => {
		expect(contrast(colour(theme, fg), colour(theme, bg))).toBeGreaterThanOrEqual(4.5);
	});

	test.each(GRAPHICS)('graphic %s on %s has at least 3:1', (fg, bg) => {
		expect(contrast(colour(theme, fg), colour(theme, bg))).toBeGreaterThanOrEqual(3);
	});

	test('the eight series colours stay apart for colour-blind readers', () => {
		const palette = Array.from({ length: 8 }, (_, i) => colour(theme, `--series-${i + 1}`));
		// CIE76 ΔE between the closest two; the Okabe–Ito set itself reaches 6 under protanopia.
		expect(minimumDistance(palette)).toBeGreaterThan(20);
		for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as Deficiency[]) {
			expect(minimumDistance(palette, deficiency), deficiency).toBeGreaterThan(10);
		}
	});

	test('the selected bar differs from the plain bar for colour-blind readers', () => {
		for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as Deficiency[]) {
			expect(
				minimumDistance([colour(theme, '--bar'), colour(theme, '--bar-selected')], deficiency),
			).toBeGreaterThan(15);
		}
	});

	test('every colour of the light theme has a dark counterpart', () => {
		const darkOwn = block(":root[data-theme='dark']");
		const colours = [...light].filter(([, v]) => parseColour(v) !== null).map(([k]) => k);
		const missing = colours.filter((k) => !darkOwn.has(k) && !k.startsWith('--map-'));
		expect(missing).toEqual([]);
	});
});
