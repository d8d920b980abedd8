/**
 * The page's side of the Parquet decoding worker, over a fake worker: answers reach the right file,
 * failures say why, and closing ends the worker (its heap) and fails what was still waiting.
 */
import { describe, expect, test } from 'vitest';
import {
	ParquetWorker,
	type DecodeReply,
	type DecodeRequest,
	type DecodeWorker,
} from '../../../src/db/parquet-worker.ts';

/** A worker that keeps its requests until the test answers them. */
class FakeWorker implements DecodeWorker {
	requests: DecodeRequest[] = [];
	terminated = false;
	#onMessage: ((event: MessageEvent<DecodeReply>) => void)[] = [];
	#onError: ((event: ErrorEvent) => void)[] = [];

	postMessage(message: DecodeRequest): void {
		this.requests.push(message);
	}
	addEventListener(
		type: 'message' | 'error',
		listener: ((event: MessageEvent<DecodeReply>) => void) | ((event: ErrorEvent) => void),
	): void {
		if (type === 'message')
			this.#onMessage.push(listener as (e: MessageEvent<DecodeReply>) => void);
		else this.#onError.push(listener as (e: ErrorEvent) => void);
	}
	terminate(): void {
		this.terminated = true;
	}
	reply(data: DecodeReply): void {
		for (const l of this.#onMessage) l({ data } as MessageEvent<DecodeReply>);
	}
	fail(message: string): void {
		for (const l of this.#onError) l({ message, preventDefault() {} } as ErrorEvent);
	}
}

function withFakes() {
	const started: FakeWorker[] = [];
	const decoder = new ParquetWorker(() => {
		const worker = new FakeWorker();
		started.push(worker);
		return worker;
	});
	return { decoder, started };
}

describe('ParquetWorker', () => {
	test('starts no worker until the first file, then one worker for every file', async () => {
		const { decoder, started } = withFakes();
		expect(started).toHaveLength(0);
		const a = decoder.decode(new Uint8Array([1]));
		const b = decoder.decode(new Uint8Array([2]));
		expect(started).toHaveLength(1);
		const [first, second] = started[0]!.requests;
		// Answers may come in any order; each reaches the file it belongs to.
		started[0]!.reply({ id: second!.id, ipc: new Uint8Array([20]) });
		started[0]!.reply({ id: first!.id, ipc: new Uint8Array([10]) });
		expect(await a).toEqual(new Uint8Array([10]));
		expect(await b).toEqual(new Uint8Array([20]));
	});

	test("a file the worker cannot decode fails with the decoder's reason", async () => {
		const { decoder, started } = withFakes();
		const a = decoder.decode(new Uint8Array([1]));
		started[0]!.reply({ id: started[0]!.requests[0]!.id, error: 'Parquet magic bytes not found' });
		await expect(a).rejects.toThrow('Parquet magic bytes not found');
	});

	test('close ends the worker and fails what still waits; a later file starts a new worker', async () => {
		const { decoder, started } = withFakes();
		const waiting = decoder.decode(new Uint8Array([1]));
		decoder.close();
		expect(started[0]!.terminated).toBe(true);
		await expect(waiting).rejects.toThrow(/closed/);
		const again = decoder.decode(new Uint8Array([2]));
		expect(started).toHaveLength(2);
		started[1]!.reply({ id: started[1]!.requests[0]!.id, ipc: new Uint8Array([3]) });
		expect(await again).toEqual(new Uint8Array([3]));
	});

	test('a worker that dies fails every file it held, saying so', async () => {
		const { decoder, started } = withFakes();
		const a = decoder.decode(new Uint8Array([1]));
		const b = decoder.decode(new Uint8Array([2]));
		started[0]!.fail('out of memory');
		await expect(a).rejects.toThrow('the Parquet decoder stopped: out of memory');
		await expect(b).rejects.toThrow('out of memory');
		expect(started[0]!.terminated).toBe(true);
	});
});
