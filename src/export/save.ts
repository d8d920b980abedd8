/**
 * An exported chart or sheet turned into a file and saved: drawn to PNG (with the export's metadata in
 * its text layer, once the embedded font has settled), saved through the browser's download, or put on
 * the clipboard.
 */
import { imageFileName } from './chart-csv.ts';
import type { ExportOptions, ExportedSvg } from './export.ts';
import { pngTextEntries } from './metadata.ts';
import { addPngText } from './png-text.ts';

/** A chart or a sheet as a file: SVG, or PNG drawn at 2× or 3×. */
export type ImageFormat = { kind: 'svg' } | { kind: 'png'; density: 2 | 3 };

/** What an export menu can do with a chart: save it as an image or its figures as CSV, or copy it. */
export type ExportAction = ImageFormat | { kind: 'csv' } | { kind: 'copy' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until an SVG image draws with its embedded font. Chromium decodes the image before the fonts
 * inside it are ready and draws its text invisible until then (tens of milliseconds): draw it at 1×
 * until the title shows ink and two draws in a row agree, for at most three seconds.
 */
async function fontSettled(image: HTMLImageElement, exported: ExportedSvg): Promise<void> {
	const canvas = document.createElement('canvas');
	canvas.width = Math.ceil(exported.width);
	canvas.height = Math.ceil(exported.height);
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) return;
	const box = exported.titleBox;
	const started = performance.now();
	let last = -1;
	for (;;) {
		context.clearRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const pixels = context.getImageData(
			Math.floor(box.x),
			Math.floor(box.y),
			Math.max(1, Math.ceil(box.width)),
			Math.max(1, Math.ceil(box.height)),
		).data;
		let hash = 0;
		let inked = false;
		for (let i = 0; i < pixels.length; i += 4) {
			hash = (hash * 31 + pixels[i]! + pixels[i + 1]! * 7 + pixels[i + 2]! * 13) >>> 0;
			if (
				Math.abs(pixels[i]! - pixels[0]!) > 40 ||
				Math.abs(pixels[i + 1]! - pixels[1]!) > 40 ||
				Math.abs(pixels[i + 2]! - pixels[2]!) > 40
			) {
				inked = true;
			}
		}
		if ((inked && hash === last) || performance.now() - started > 3000) return;
		last = hash;
		await sleep(40);
	}
}

/**
 * Draws an SVG document on a canvas at `density` pixels per CSS pixel; a PNG whose text layer holds the
 * export's metadata (title, credits, date, link).
 */
export async function svgToPng(exported: ExportedSvg, density: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([exported.svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		await fontSettled(image, exported);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(exported.width * density);
		canvas.height = Math.round(exported.height * density);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2D canvas');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const drawn = await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
				'image/png',
			),
		);
		const bytes = addPngText(
			new Uint8Array(await drawn.arrayBuffer()),
			pngTextEntries(exported.metadata),
		);
		return new Blob([bytes as BlobPart], { type: 'image/png' });
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves a blob under a file name through the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	// The click stays on the link: menus that close on clicks elsewhere must not see it.
	link.addEventListener('click', (event) => event.stopPropagation());
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves an exported chart or sheet in the format asked for; resolves to the file's name. */
export async function saveImage(
	exported: ExportedSvg,
	name: string,
	date: Date,
	options: ExportOptions,
	format: ImageFormat,
): Promise<string> {
	const file = imageFileName(name, date, options, format);
	saveBlob(
		format.kind === 'svg'
			? new Blob([exported.svg], { type: 'image/svg+xml' })
			: await svgToPng(exported, format.density),
		file,
	);
	return file;
}

/** Puts a PNG on the clipboard (the promise form keeps Safari's user-gesture rule happy). */
export async function copyPng(png: Promise<Blob>): Promise<void> {
	if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') {
		throw new Error('clipboard not available');
	}
	await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
