/** pdf.js's worker module has no type declarations; Node hands it to pdf.js's in-thread worker as is. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
	export const WorkerMessageHandler: unknown;
}
