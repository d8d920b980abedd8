/**
 * The app's font, Be Vietnam Pro (self-hosted from @fontsource), embedded in exported SVG as data URLs.
 * An SVG drawn as an image cannot fetch anything, so without this its text would fall back to whatever
 * font the machine has, and Vietnamese diacritics could turn into boxes. Only what exports use: the
 * vietnamese, latin and latin-ext subsets at weights 400 and 600 (about 90 kB, 120 kB as base64).
 */
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import latinExt400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff2?url';
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import vietnamese600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import latinExt600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import { base64 } from '../ui/base64.ts';

export const FONT_FAMILY = 'Be Vietnam Pro';

/** The subsets' unicode ranges, as @fontsource declares them. */
const RANGES = {
	vietnamese:
		'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
	latinExt:
		'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
	latin:
		'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const;

export interface FontFace {
	url: string;
	weight: 400 | 600;
	range: string;
}

export const FONT_FACES: readonly FontFace[] = [
	{ url: vietnamese400, weight: 400, range: RANGES.vietnamese },
	{ url: latinExt400, weight: 400, range: RANGES.latinExt },
	{ url: latin400, weight: 400, range: RANGES.latin },
	{ url: vietnamese600, weight: 600, range: RANGES.vietnamese },
	{ url: latinExt600, weight: 600, range: RANGES.latinExt },
	{ url: latin600, weight: 600, range: RANGES.latin },
];

/** An @font-face rule whose source is a data URL. */
export function fontFaceRule(face: Omit<FontFace, 'url'>, dataUrl: string): string {
	return (
		`@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${face.weight};` +
		`src:url(${dataUrl}) format('woff2');unicode-range:${face.range};}`
	);
}

let cached: Promise<string> | null = null;

/** The @font-face rules with the font files inlined; fetched from the app's own origin once. */
export function embeddedFontCss(): Promise<string> {
	cached ??= Promise.all(
		FONT_FACES.map(async (face) => {
			const response = await fetch(face.url);
			if (!response.ok) throw new Error(`font ${face.url}: HTTP ${response.status}`);
			const bytes = new Uint8Array(await response.arrayBuffer());
			return fontFaceRule(face, `data:font/woff2;base64,${base64(bytes)}`);
		}),
	)
		.then((rules) => rules.join('\n'))
		.catch((error: unknown) => {
			cached = null;
			throw error;
		});
	return cached;
}
