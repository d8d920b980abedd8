/**
 * A short-lived worker that decodes the dataset's Parquet files into Arrow IPC streams (parquet-wasm),
 * so that parquet-wasm's heap, which grows to the largest file and never shrinks, lives here and goes
 * when the page ends this worker after the last file (see parquet-worker.ts).
 */
import { parquetToIPC } from './parquet-browser.ts';
import type { DecodeReply, DecodeRequest } from './parquet-worker.ts';

// One file at a time, in order: two decodes side by side would double the heap's high-water mark.
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
	const { id, bytes } = event.data;
	queue = queue.then(async () => {
		try {
			let ipc = await parquetToIPC(bytes);
			// Only a buffer of exactly these bytes can be handed over without copying the rest along.
			if (ipc.byteOffset !== 0 || ipc.byteLength !== ipc.buffer.byteLength) ipc = ipc.slice();
			self.postMessage({ id, ipc } satisfies DecodeReply, { transfer: [ipc.buffer] });
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			self.postMessage({ id, error: message } satisfies DecodeReply);
		}
	});
});
