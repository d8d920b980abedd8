/**
 * The import's check on the page's own thread, with the worker's interface (import-checker.ts): for
 * where no module worker can start (Node's tests). Cancel only drops the answer here; it cannot stop
 * the work.
 */
import type { Table } from 'apache-arrow';
import { parquetToIPC } from '../../db/parquet-browser.ts';
import { tableRows } from '../../db/table-rows.ts';
import { CheckJob, type CheckReply, type Phase } from '../../import/check-job.ts';
import type { NamedUnit } from '../../import/unit-names.ts';
import { CheckStopped, type CheckerRequest } from './import-checker.ts';

export class LocalChecker {
	readonly #units: () => Promise<Table>;
	#job: CheckJob | null = null;
	#next = 0;
	#generation = 0;

	constructor(units: () => Promise<Table>) {
		this.#units = units;
	}

	async request<T>(
		request: CheckerRequest,
		onProgress?: (phase: Phase, done: number, total: number) => void,
	): Promise<T> {
		const generation = this.#generation;
		if (!this.#job) {
			const job = new CheckJob(parquetToIPC);
			const units = tableRows<NamedUnit>(await this.#units());
			await job.handle({ type: 'units', units }, () => {});
			this.#job = job;
		}
		let answer: CheckReply | null = null;
		await this.#job.handle(
			{ ...request, id: ++this.#next } as Parameters<CheckJob['handle']>[0],
			(reply) => {
				if (reply.type === 'progress') onProgress?.(reply.phase, reply.done, reply.total);
				else answer = reply;
			},
		);
		if (generation !== this.#generation) {
			throw new CheckStopped('cancelled', { vi: 'Đã hủy.', en: 'Cancelled.' });
		}
		const reply = answer as CheckReply | null;
		if (reply?.type === 'done') return reply.value as T;
		throw new CheckStopped(
			'failed',
			reply?.type === 'failed' ? reply.message : { vi: 'Không có kết quả.', en: 'No result.' },
		);
	}

	cancel(): void {
		this.#generation++;
	}
}
