/**
 * The PDF reader for Node (`npm run extract`, tests): pdf.js's legacy build, its worker code run in the
 * same thread (pdf.js's "fake worker", handed the worker module directly so that no path is resolved at
 * run time). Nothing is fetched: no standard fonts, no character maps, no eval.
 */
import { pdfTextReader, type PdfJsLike, type PdfTextReader } from './pdf-text.ts';

let loading: Promise<PdfJsLike> | null = null;

async function loadPdfJs(): Promise<PdfJsLike> {
	const [pdfjs, worker] = await Promise.all([
		import('pdfjs-dist/legacy/build/pdf.mjs'),
		import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
	]);
	// pdf.js looks here for an already loaded worker before it tries to import one.
	(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
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

/** A PDF text reader for Node. pdf.js is loaded on the first PDF read. */
export function nodePdfReader(): PdfTextReader {
	return pdfTextReader(load, {
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: false,
		verbosity: 0,
	});
}
