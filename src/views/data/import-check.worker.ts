/**
 * The import's worker: reads and checks dropped files off the page's thread, so that the page answers
 * while a hostile file is checked and Cancel can end the work at once (the page ends this worker).
 */
import { tableFromIPC } from 'apache-arrow';
import { parquetToIPC } from '../../db/parquet-browser.ts';
import { tableRows } from '../../db/table-rows.ts';
import { CheckJob, type CheckRequest } from '../../import/check-job.ts';
import type { NamedUnit } from '../../import/unit-names.ts';

/** The unit lists arrive as Arrow bytes: turning 15,000 rows into objects is done here, not on the page. */
export interface UnitsMessage {
	type: 'units-ipc';
	ipc: Uint8Array;
}

const job = new CheckJob(parquetToIPC);

// One request at a time, in order: each waits for the one before (a Parquet decode is asynchronous).
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<CheckRequest | UnitsMessage>) => {
	const data = event.data;
	const request: CheckRequest =
		data.type === 'units-ipc'
			? { type: 'units', units: tableRows<NamedUnit>(tableFromIPC(data.ipc)) }
			: data;
	queue = queue.then(() => job.handle(request, (reply) => self.postMessage(reply)));
});
