/**
 * The font files the PDF embeds: Be Vietnam Pro in its @fontsource parts, as WOFF (fontkit reads it and
 * pdf-lib writes a TrueType subset). Fetched from the app's own origin when a PDF is first made.
 */
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff?url';
import latinExt400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff?url';
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff?url';
import latinExt600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff?url';
import vietnamese600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff?url';
import type { PdfFonts } from './pdf.ts';

async function bytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

let cached: Promise<PdfFonts> | null = null;

/** The six files, fetched once. */
export function pdfFonts(): Promise<PdfFonts> {
	cached ??= Promise.all([
		Promise.all([latin400, latinExt400, vietnamese400].map(bytes)),
		Promise.all([latin600, latinExt600, vietnamese600].map(bytes)),
	])
		.then(([regular, bold]) => ({ regular, bold }))
		.catch((error: unknown) => {
			cached = null;
			throw error;
		});
	return cached;
}
