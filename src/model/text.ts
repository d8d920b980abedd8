/** Vietnamese text helpers: search that ignores diacritics, sorting with Vietnamese collation. */

/** Lower case without diacritics, đ as d: "Thạch Thất" → "thach that". */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compare two names in Vietnamese alphabetical order. */
export function compareVietnamese(a: string, b: string): number {
	return collator.compare(a, b);
}
