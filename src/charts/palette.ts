/** Colours safe for colour-blind readers (Okabe–Ito), in an order that keeps the weakest contrast last. */
export const CATEGORICAL = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#E69F00',
	'#56B4E9',
	'#000000',
	'#8C6D1F',
] as const;

/** The colour of the i-th series. */
export function seriesColor(index: number): string {
	return CATEGORICAL[index % CATEGORICAL.length] as string;
}
