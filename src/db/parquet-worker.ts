/**
 * Parquet → Arrow IPC in a worker that the loader ends after the last file. parquet-wasm's heap grows to
 * hold the largest file decoded and a WebAssembly memory never shrinks: decoded on the page it stayed
 * there for the page's life (0.5 GB after the monthly benchmark dataset, 1.8 GB after the stress one).
 * Ending the worker frees it. The decoded bytes come back transferred, not copied.
 */

/** A request to the worker: Parquet bytes (copied to the worker: the caller may keep its own). */
export interface DecodeRequest {
	id: number;
	bytes: Uint8Array;
}

/** The worker's answer: the Arrow IPC stream, or why the file could not be decoded. */
export type DecodeReply = { id: number; ipc: Uint8Array } | { id: number; error: string };

/** What the decoder needs of a Worker (a fake one in unit tests). */
export interface DecodeWorker {
	postMessage(message: DecodeRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<DecodeReply>) => void): void;
	addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
	terminate(): void;
}

type Pending = { resolve: (ipc: Uint8Array) => void; reject: (error: Error) => void };

/** The dataset's decoding worker: started by the first file, ended by `close()`. */
export class ParquetWorker {
	readonly #start: () => DecodeWorker;
	#worker: DecodeWorker | null = null;
	#pending = new Map<number, Pending>();
	#next = 0;

	/** `start` makes the worker; by default the module worker beside this file. */
	constructor(start: () => DecodeWorker = startDecodeWorker) {
		this.#start = start;
	}

	/** Decode one Parquet file into an Arrow IPC stream. */
	decode = (bytes: Uint8Array): Promise<Uint8Array> => {
		const worker = this.#ready();
		const id = ++this.#next;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			worker.postMessage({ id, bytes });
		});
	};

	/** End the worker and its heap; files still waiting fail. A later decode starts a new worker. */
	close = (): void => {
		this.#worker?.terminate();
		this.#worker = null;
		this.#failAll('the Parquet decoder was closed before the file was decoded');
	};

	#ready(): DecodeWorker {
		if (this.#worker) return this.#worker;
		const worker = this.#start();
		worker.addEventListener('message', (event) => {
			const reply = event.data;
			const pending = this.#pending.get(reply.id);
			if (!pending) return;
			this.#pending.delete(reply.id);
			if ('ipc' in reply) pending.resolve(reply.ipc);
			else pending.reject(new Error(reply.error));
		});
		// A worker that cannot start (its script refused, say) or dies fails every file it held.
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			if (this.#worker === worker) this.#worker = null;
			worker.terminate();
			this.#failAll(`the Parquet decoder stopped: ${event.message || 'no reason given'}`);
		});
		this.#worker = worker;
		return worker;
	}

	#failAll(reason: string): void {
		const pending = [...this.#pending.values()];
		this.#pending.clear();
		for (const p of pending) p.reject(new Error(reason));
	}
}

function startDecodeWorker(): DecodeWorker {
	return new Worker(new URL('./parquet-decode.worker.ts', import.meta.url), { type: 'module' });
}
