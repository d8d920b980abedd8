/**
 * Series colours safe for colour-blind readers (Okabe–Ito hues), each at least 3:1 against the chart's
 * background. They live in src/app.css as --series-1…8, one set per theme (darker on light, lighter on
 * dark); these are the light theme's, for code that needs a concrete colour.
 */
export const CATEGORICAL = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#000000',
	'#882255',
	'#332288',
	'#1A85FF',
] as const;

/** The colour of the i-th series, as the theme's CSS variable. */
export function seriesColor(index: number): string {
	return `var(--series-${(index % CATEGORICAL.length) + 1})`;
}
