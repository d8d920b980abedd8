/**
 * The import's worker: reads and checks dropped files off the page's thread, so that the page answers
 * while a hostile file is checked and Cancel can end the work at once (the page ends this worker).
 */
import { parquetToIPC } from '../../db/parquet-browser.ts';
import { CheckJob, type CheckRequest } from '../../import/check-job.ts';

const job = new CheckJob(parquetToIPC);

// One request at a time, in order: each waits for the one before (a Parquet decode is asynchronous).
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
	const request = event.data;
	queue = queue.then(() => job.handle(request, (reply) => self.postMessage(reply)));
});
