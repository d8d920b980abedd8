/**
 * Colour arithmetic for accessibility checks and exports: parsing CSS colours, WCAG 2 contrast, and a
 * simulation of colour-vision deficiencies (Machado, Oliveira and Fernandes 2009, full severity) with
 * CIELAB distances, so that palettes can be checked for readers who do not see red or green or blue.
 */

export type Rgb = readonly [number, number, number];
export type Rgba = readonly [number, number, number, number];

/** #rgb, #rrggbb, #rrggbbaa, rgb(…) and rgba(…) (comma or space syntax) as 0–255 channels and 0–1 alpha. */
export function parseColour(text: string): Rgba | null {
	const value = text.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value);
	if (hex) {
		const digits = hex[1]!;
		if (digits.length === 3) {
			const [r, g, b] = [...digits].map((d) => parseInt(d + d, 16));
			return [r!, g!, b!, 1];
		}
		const channel = (i: number) => parseInt(digits.slice(i, i + 2), 16);
		return [channel(0), channel(2), channel(4), digits.length === 8 ? channel(6) / 255 : 1];
	}
	const fn = /^rgba?\(([^)]+)\)$/.exec(value);
	if (fn) {
		const parts = fn[1]!
			.replace('/', ' ')
			.split(/[\s,]+/)
			.filter(Boolean);
		if (parts.length < 3) return null;
		const num = (part: string, scale: number) =>
			part.endsWith('%') ? (parseFloat(part) / 100) * scale : parseFloat(part);
		const [r, g, b] = parts.slice(0, 3).map((p) => num(p, 255));
		const a = parts[3] === undefined ? 1 : num(parts[3], 1);
		if ([r, g, b, a].some((n) => n === undefined || Number.isNaN(n))) return null;
		return [r!, g!, b!, a];
	}
	if (value === 'white') return [255, 255, 255, 1];
	if (value === 'black') return [0, 0, 0, 1];
	if (value === 'transparent') return [0, 0, 0, 0];
	return null;
}

/** #rrggbb of 0–255 channels. */
export function toHex([r, g, b]: Rgb): string {
	return `#${[r, g, b]
		.map((c) =>
			Math.round(Math.min(255, Math.max(0, c)))
				.toString(16)
				.padStart(2, '0'),
		)
		.join('')}`;
}

/** A colour with alpha laid over an opaque background. */
export function over([r, g, b, a]: Rgba, [br, bg, bb]: Rgb): Rgb {
	return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
}

function toLinear(channel: number): number {
	const c = channel / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(linear: number): number {
	const c = Math.min(1, Math.max(0, linear));
	return 255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055);
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
	return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG 2 contrast ratio, 1 to 21. AA asks 4.5 for text, 3 for large text and meaningful graphics. */
export function contrast(a: Rgb, b: Rgb): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** Machado et al. 2009, severity 1, on linear RGB. */
const MACHADO: Record<Deficiency, readonly number[]> = {
	protanopia: [
		0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
	],
	deuteranopia: [
		0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
	],
	tritanopia: [
		1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
	],
};

/** How a colour looks to a reader with the given deficiency. */
export function simulate(colour: Rgb, deficiency: Deficiency): Rgb {
	const m = MACHADO[deficiency];
	const [r, g, b] = colour.map(toLinear) as [number, number, number];
	const row = (i: number) => m[i]! * r + m[i + 1]! * g + m[i + 2]! * b;
	return [fromLinear(row(0)), fromLinear(row(3)), fromLinear(row(6))];
}

/** CIELAB (D65) of an sRGB colour. */
export function lab(colour: Rgb): Rgb {
	const [r, g, b] = colour.map(toLinear) as [number, number, number];
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: about 2 is just noticeable, above 10 clearly different at a glance. */
export function deltaE(a: Rgb, b: Rgb): number {
	const [l1, a1, b1] = lab(a);
	const [l2, a2, b2] = lab(b);
	return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** The smallest difference between any two colours of a palette, as seen with a deficiency (or none). */
export function minimumDistance(palette: readonly Rgb[], deficiency?: Deficiency): number {
	const seen = deficiency ? palette.map((c) => simulate(c, deficiency)) : palette;
	let least = Infinity;
	for (let i = 0; i < seen.length; i++) {
		for (let j = i + 1; j < seen.length; j++) least = Math.min(least, deltaE(seen[i]!, seen[j]!));
	}
	return least;
}
