/**
 * The PDF reader for the browser: pdf.js's modern build (`pdfjs-dist`, which is build/pdf.mjs), with its
 * worker bundled by Vite as a file of the app (the page's Content-Security-Policy allows workers from its
 * own folder). The minified worker is the one bundled, since Vite copies `?url` files as they are.
 * Nothing is fetched from another host: no standard fonts, no character maps (text extraction needs
 * neither), no font faces added to the page, no eval. pdf.js (about 400 kB, and its 1.2 MB worker) loads
 * on the first PDF read, so importing this module costs nothing until then.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfTextReader, type PdfJsLike, type PdfTextReader } from './pdf-text.ts';

let loading: Promise<PdfJsLike> | null = null;

async function loadPdfJs(): Promise<PdfJsLike> {
	const pdfjs = await import('pdfjs-dist');
	pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
	return pdfjs as unknown as PdfJsLike;
}

/** pdf.js, loaded once; a failed load is tried again on the next file. */
function load(): Promise<PdfJsLike> {
	loading ??= loadPdfJs().catch((error: unknown) => {
		loading = null;
		throw error;
	});
	return loading;
}

/** A PDF text reader for the browser. */
export function browserPdfReader(): PdfTextReader {
	return pdfTextReader(load, {
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: false,
		enableXfa: false,
		verbosity: 0,
	});
}
