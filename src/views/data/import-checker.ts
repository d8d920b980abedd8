/**
 * The page's side of the import worker (import-check.worker.ts): requests with promises, progress as it
 * comes, and Cancel, which ends the worker itself (a check stuck in a long loop cannot be asked to stop)
 * and starts a new one for the next file.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import type { CheckReply, CheckRequest, Phase } from '../../import/check-job.ts';
import type { UnitsMessage } from './import-check.worker.ts';
import type { Bilingual } from '../../model/metrics.ts';

/** Why a request ended without an answer: the user cancelled it, or the worker failed. */
export class CheckStopped extends Error {
	constructor(
		readonly reason: 'cancelled' | 'failed',
		readonly text: Bilingual,
	) {
		super(text.en);
	}
}

type Pending = {
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
	onProgress?: (phase: Phase, done: number, total: number) => void;
};

/** A request of the page: the worker's requests without their id, which the checker gives. */
export type CheckerRequest = CheckRequest extends infer R
	? R extends { id: number }
		? Omit<R, 'id'>
		: never
	: never;

export class ImportChecker {
	readonly #units: () => Promise<Table>;
	#worker: Worker | null = null;
	#pending = new Map<number, Pending>();
	#next = 0;

	/**
	 * `units`: the unit lists as an Arrow table, sent to each new worker before its first request as
	 * Arrow bytes: made into rows there (on the page, 15,000 rows of text took a quarter of a second).
	 */
	constructor(units: () => Promise<Table>) {
		this.#units = units;
	}

	async #ready(): Promise<Worker> {
		if (this.#worker) return this.#worker;
		const units = await this.#units();
		if (this.#worker) return this.#worker;
		const worker = new Worker(new URL('./import-check.worker.ts', import.meta.url), {
			type: 'module',
		});
		worker.addEventListener('message', (event: MessageEvent<CheckReply>) =>
			this.#reply(event.data),
		);
		// A worker that fails to start or dies ends every request it held, with a message.
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			this.#stopAll('failed', {
				vi: `Bộ đọc tệp gặp lỗi và đã dừng (${event.message || 'không rõ lý do'}). Thử chọn tệp lại.`,
				en: `The file reader failed and stopped (${event.message || 'no reason given'}). Try choosing the file again.`,
			});
		});
		const ipc = tableToIPC(units, 'stream');
		worker.postMessage({ type: 'units-ipc', ipc } satisfies UnitsMessage, [ipc.buffer]);
		this.#worker = worker;
		return worker;
	}

	#reply(reply: CheckReply): void {
		const pending = this.#pending.get(reply.id);
		if (!pending) return;
		if (reply.type === 'progress') {
			pending.onProgress?.(reply.phase, reply.done, reply.total);
			return;
		}
		this.#pending.delete(reply.id);
		if (reply.type === 'done') pending.resolve(reply.value);
		else pending.reject(new CheckStopped('failed', reply.message));
	}

	/** Send a request; its answer, or CheckStopped when it is cancelled or the worker fails. */
	async request<T>(
		request: CheckerRequest,
		onProgress?: (phase: Phase, done: number, total: number) => void,
		transfer: Transferable[] = [],
	): Promise<T> {
		const worker = await this.#ready();
		const id = ++this.#next;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
			worker.postMessage({ ...request, id }, transfer);
		});
	}

	/** End the worker and every request it held; the next request starts a new one. */
	cancel(): void {
		this.#stopAll('cancelled', { vi: 'Đã hủy.', en: 'Cancelled.' });
	}

	#stopAll(reason: 'cancelled' | 'failed', text: Bilingual): void {
		this.#worker?.terminate();
		this.#worker = null;
		const pending = [...this.#pending.values()];
		this.#pending.clear();
		for (const p of pending) p.reject(new CheckStopped(reason, text));
	}
}
