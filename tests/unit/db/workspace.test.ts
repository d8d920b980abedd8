/**
 * The workspace's running logic against a scripted engine: streaming with a cap on kept rows, cancelling
 * a query that is computing or streaming, restarting an engine that does not stop, errors placed in the
 * script, and the flag for statements that change data. Then the same against DuckDB (blocking bindings).
 */
import { createRequire } from 'node:module';
import { tableFromArrays, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { afterAll, describe, expect, test } from 'vitest';
import { Workspace, type WorkspaceEngine } from '../../../src/db/workspace.ts';
import { nodeConnector } from '../../helpers/node-connector.ts';

const cjsArrow = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

function batch(from: number, rows: number): RecordBatch {
	return tableFromArrays({ n: Int32Array.from({ length: rows }, (_, i) => from + i) }).batches[0]!;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

interface Script {
	/** Batches of the result; Infinity streams forever. */
	batches?: number;
	rows?: number;
	/** Rejects at send with this message. */
	error?: string;
	/** Computes until cancelled (cancelSent rejects the send). */
	computing?: boolean;
	/** Never answers, even to cancel: only terminating helps. */
	stuck?: boolean;
}

class FakeEngine implements WorkspaceEngine {
	static started = 0;
	static last: FakeEngine | null = null;
	terminated = false;
	/** Gone without a word (as a worker the browser discarded): pings are never answered. */
	silent = false;
	#rejectPending: ((error: Error) => void) | null = null;
	#onDeath: ((detail: string) => void) | null = null;

	constructor(private readonly script: (sql: string) => Script) {
		FakeEngine.started++;
		FakeEngine.last = this;
	}
	ping(): Promise<unknown> {
		return this.silent ? new Promise(() => {}) : Promise.resolve(true);
	}
	onWorkerDeath(listener: (detail: string) => void) {
		this.#onDeath = listener;
	}
	/** The worker fails (its error event). */
	fail(detail: string) {
		this.#onDeath?.(detail);
	}
	async query() {
		return tableFromArrays({ n: Int32Array.from([1]) });
	}
	async exec() {}
	async insertArrowIPC() {}
	async close() {}
	async terminate() {
		this.terminated = true;
	}
	async cancelSent() {
		if (!this.#rejectPending) return false;
		this.#rejectPending(new Error('query was canceled'));
		this.#rejectPending = null;
		return true;
	}
	send(sql: string): Promise<AsyncIterator<RecordBatch>> {
		const plan = this.script(sql);
		if (plan.error) return Promise.reject(new Error(plan.error));
		if (plan.stuck) return new Promise(() => {});
		const iterator = (): AsyncIterator<RecordBatch> => {
			let i = 0;
			const rows = plan.rows ?? 100;
			return {
				next: async () => {
					await tick();
					if (i >= (plan.batches ?? 1)) return { done: true, value: undefined };
					return { done: false, value: batch(i++ * rows, rows) };
				},
			};
		};
		if (plan.computing) {
			return new Promise((_, reject) => {
				this.#rejectPending = reject;
			});
		}
		return Promise.resolve(iterator());
	}
}

function workspace(
	script: (sql: string) => Script,
	keepRows = 1_000,
	extra: { loadData?: () => Promise<void>; spareAfterMs?: number; spareKeepMs?: number } = {},
) {
	let loads = 0;
	const ws = new Workspace({
		createEngine: async () => new FakeEngine(script),
		loadData: async () => {
			loads++;
			await extra.loadData?.();
		},
		spareAfterMs: extra.spareAfterMs ?? Infinity,
		spareKeepMs: extra.spareKeepMs ?? 30_000,
		// The scripted engine has no settings to lock (the lock is tested in workspace-lock.test.ts).
		lock: async () => {},
		keepRows,
		cancelGraceMs: 50,
	});
	return { ws, loads: () => loads };
}

describe('Workspace with a scripted engine', () => {
	test('streams: keeps the first rows, counts them all, reports progress', async () => {
		const { ws } = workspace(() => ({ batches: 10, rows: 300 }), 1_000);
		const progress: number[] = [];
		const result = await ws.run('SELECT * FROM t', (p) => progress.push(p.rows));
		expect(result.status).toBe('done');
		expect(result.totalRows).toBe(3_000);
		expect(result.keptRows).toBe(1_000);
		expect(result.table?.numRows).toBe(1_000);
		expect(result.table?.getChild('n')?.get(999)).toBe(999);
		expect(progress.at(-1)).toBe(3_000);
		expect(result.changedData).toBe(false);
	});

	test('a computing query is cancelled in the engine; the next query runs', async () => {
		const { ws, loads } = workspace((sql) => (sql.includes('slow') ? { computing: true } : {}));
		const running = ws.run('SELECT slow');
		await tick();
		ws.cancel();
		const result = await running;
		expect(result).toMatchObject({ status: 'cancelled', restarted: false, error: null });
		expect((await ws.run('SELECT 1')).status).toBe('done');
		expect(loads()).toBe(1);
	});

	test('a streaming query stops between batches and keeps what it had', async () => {
		const { ws } = workspace(() => ({ batches: Infinity, rows: 50 }));
		let seen = 0;
		const running = ws.run('SELECT * FROM endless', (p) => {
			seen = p.rows;
			if (seen >= 500) ws.cancel();
		});
		const result = await running;
		expect(result.status).toBe('cancelled');
		expect(result.restarted).toBe(false);
		expect(result.totalRows).toBeGreaterThanOrEqual(500);
		expect(result.table?.numRows).toBeGreaterThan(0);
	});

	test('an engine that does not stop is restarted and reloaded, and says so', async () => {
		const before = FakeEngine.started;
		const { ws, loads } = workspace((sql) => (sql.includes('stuck') ? { stuck: true } : {}));
		const running = ws.run('SELECT stuck');
		await tick();
		ws.cancel();
		const result = await running;
		expect(result).toMatchObject({ status: 'cancelled', restarted: true });
		expect(FakeEngine.started - before).toBe(2);
		expect(loads()).toBe(2);
		expect((await ws.run('SELECT 1')).status).toBe('done');
	});

	test('an error in a later statement is placed in the whole script', async () => {
		const { ws } = workspace((sql) =>
			sql.includes('bad')
				? {
						error:
							'{"exception_type":"Binder","exception_message":"column bad not found","position":"7"}',
					}
				: {},
		);
		const script = 'SELECT 1;\n\nSELECT bad FROM t';
		const result = await ws.run(script);
		expect(result.status).toBe('error');
		expect(result.statements).toBe(2);
		expect(result.error).toMatchObject({ kind: 'Binder', line: 3, column: 8 });
		expect(script.slice(result.error!.offset!, result.error!.offset! + 3)).toBe('bad');
	});

	test('a statement that may change data is flagged; reset starts a fresh engine', async () => {
		const { ws, loads } = workspace(() => ({ batches: 0 }));
		expect((await ws.run('DROP TABLE facts')).changedData).toBe(true);
		expect((await ws.run('SELECT 1')).changedData).toBe(false);
		await ws.reset();
		expect(loads()).toBe(2);
	});
});

describe('stopping what does not stop, and noticing a dead engine', () => {
	test('a stuck query ends at the grace period; the new engine loads after it', async () => {
		let release: () => void = () => {};
		let gated = false;
		const { ws, loads } = workspace(
			(sql) => (sql.includes('stuck') ? { stuck: true } : {}),
			1_000,
			{
				loadData: () =>
					gated ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
			},
		);
		await ws.start();
		gated = true;
		const running = ws.run('SELECT stuck');
		await tick();
		const stuck = FakeEngine.last!;
		ws.cancel();
		const result = await running;
		expect(result).toMatchObject({ status: 'cancelled', restarted: true });
		expect(stuck.terminated).toBe(true);
		// The run is over while the next engine still loads; the next query waits for it.
		expect(loads()).toBe(2);
		const next = ws.run('SELECT 1');
		release();
		expect((await next).status).toBe('done');
	});

	test('a long query gets a spare engine, which replaces the stuck one', async () => {
		const before = FakeEngine.started;
		const spares: boolean[] = [];
		const { ws, loads } = workspace(
			(sql) => (sql.includes('stuck') ? { stuck: true } : {}),
			1_000,
			{ spareAfterMs: 5 },
		);
		// Waits on the spare's own signal, not on a timer: a busy machine may take long to start it.
		let spareReady: () => void = () => {};
		const spareStarted = new Promise<void>((resolve) => (spareReady = resolve));
		ws.onSpare((ready) => {
			spares.push(ready);
			if (ready) spareReady();
		});
		const running = ws.run('SELECT stuck');
		await spareStarted;
		expect(spares).toEqual([true]);
		ws.cancel();
		expect((await running).restarted).toBe(true);
		expect((await ws.run('SELECT 1')).status).toBe('done');
		// The first engine and the spare: no third load.
		expect(FakeEngine.started - before).toBe(2);
		expect(loads()).toBe(2);
		expect(spares).toEqual([true, false]);
	});

	test('a spare that was not needed is dropped some time after the run', async () => {
		const spares: boolean[] = [];
		const { ws } = workspace((sql) => (sql.includes('slow') ? { batches: 20 } : {}), 1_000, {
			spareAfterMs: 0,
			spareKeepMs: 20,
		});
		ws.onSpare((ready) => spares.push(ready));
		expect((await ws.run('SELECT slow')).status).toBe('done');
		expect(spares).toEqual([true]);
		// Dropped on its own timer: wait for the signal rather than guess how long a busy machine takes.
		while (spares.length < 2) await tick();
		expect(spares).toEqual([true, false]);
	});

	test('an idle engine that stops answering is declared dead; a reset brings a new one', async () => {
		const { ws } = workspace(() => ({}));
		await ws.start();
		const deaths: string[] = [];
		const stop = ws.watch((death) => deaths.push(death.reason), 5, 20);
		const engine = FakeEngine.last!;
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(deaths).toEqual([]);
		const killed = performance.now();
		engine.silent = true;
		while (deaths.length === 0) await tick();
		expect(performance.now() - killed).toBeLessThan(500);
		expect(deaths).toEqual(['silent']);
		expect(engine.terminated).toBe(true);
		await ws.reset();
		expect(FakeEngine.last).not.toBe(engine);
		expect((await ws.run('SELECT 1')).status).toBe('done');
		stop();
	});

	test('a run whose worker fails ends with an error at once', async () => {
		const { ws } = workspace((sql) => (sql.includes('stuck') ? { stuck: true } : {}));
		const deaths: string[] = [];
		const stop = ws.watch((death) => deaths.push(`${death.reason}: ${death.detail}`), 1_000);
		await ws.start();
		const running = ws.run('SELECT stuck');
		await tick();
		FakeEngine.last!.fail('RuntimeError: unreachable');
		const result = await running;
		expect(result).toMatchObject({ status: 'error', died: true });
		expect(result.error?.message).toMatch(/unreachable/);
		expect(deaths).toEqual(['error: RuntimeError: unreachable']);
		stop();
	});
});

describe('Workspace on DuckDB', () => {
	const engines: WorkspaceEngine[] = [];
	afterAll(async () => {
		for (const engine of engines) await engine.close();
	});

	test('streams a real result and reads a real error position', async () => {
		const ws = new Workspace({
			createEngine: async () => {
				const db = await nodeConnector();
				await db.exec('SET errors_as_json = true');
				const engine: WorkspaceEngine = {
					...db,
					// The blocking bindings have no pending queries: the whole result, then its batches.
					send: async (sql) => {
						// The blocking bindings load Arrow's CommonJS build: cross over as IPC bytes.
						const ipc = cjsArrow.tableToIPC(await db.query(sql), 'stream');
						const batches = tableFromIPC(ipc).batches[Symbol.iterator]();
						return { next: async () => batches.next() };
					},
					cancelSent: async () => false,
					terminate: () => db.close(),
				};
				engines.push(engine);
				return engine;
			},
			loadData: async (engine) =>
				engine.exec('CREATE TABLE t AS SELECT range AS n FROM range(5000)'),
			keepRows: 1_000,
		});
		const result = await ws.run('SELECT n, n * 2 AS twice FROM t ORDER BY n');
		expect(result.error).toBeNull();
		expect(result.totalRows).toBe(5_000);
		expect(result.keptRows).toBe(1_000);
		const failed = await ws.run('SELECT n\nFROM t WHERE nn > 1');
		expect(failed.error).toMatchObject({ kind: 'Binder', line: 2, column: 14 });
	});
});
