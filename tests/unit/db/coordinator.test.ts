import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, test, vi } from 'vitest';
import { controlledConnector } from '../../helpers/controlled-connector.ts';
import { Coordinator, Superseded } from '../../../src/db/coordinator.ts';

const value = (t: Table) => t.getChild('v')!.get(0);

describe('Coordinator', () => {
	test('a newer request of the same client drops the older one before it runs', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const outcome = (p: Promise<Table>) => p.then(value, (e: unknown) => e);
		const first = outcome(coordinator.request('chart', 'SELECT 1'));
		await Promise.resolve();
		await Promise.resolve(); // the first query is now running
		const second = outcome(coordinator.request('chart', 'SELECT 2'));
		const third = outcome(coordinator.request('chart', 'SELECT 3'));
		await finish(1);
		await finish(3);
		expect(await first).toBeInstanceOf(Superseded); // ran, but its result is never delivered
		expect(await second).toBeInstanceOf(Superseded);
		expect(await third).toBe(3);
		// The second never reached the engine.
		expect(ran).toEqual(['SELECT 1', 'SELECT 3']);
	});

	test('different clients do not supersede each other', async () => {
		const { connector, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const a = coordinator.request('ranking', 'SELECT 1');
		const b = coordinator.request('trend', 'SELECT 2');
		await finish(1);
		await finish(2);
		expect([value(await a), value(await b)]).toEqual([1, 2]);
	});

	test('requests of one tick are delivered together, once the last is answered', async () => {
		const { connector, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const delivered: string[] = [];
		const a = coordinator.request('ranking', 'SELECT 1').then(() => delivered.push('ranking'));
		const b = coordinator.request('series', 'SELECT 2').then(() => delivered.push('series'));
		await finish(1);
		expect(delivered).toEqual([]); // the ranking waits for the series
		await finish(2);
		await Promise.all([a, b]);
		expect(delivered).toEqual(['ranking', 'series']);
		// A later tick is a batch of its own: a cached answer is not held back by it.
		const later = coordinator.request('ranking', 'SELECT 1');
		expect(value(await later)).toBe(1);
	});

	test('a failure in a batch is delivered with the others, and does not hold them back', async () => {
		const { connector, fail, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const bad = coordinator.request('a', 'SELECT nope').catch((e: Error) => e.message);
		const good = coordinator.request('b', 'SELECT 1');
		await fail('Binder Error');
		await finish(1);
		expect(await bad).toBe('Binder Error');
		expect(value(await good)).toBe(1);
	});

	test('prefetching runs one query at a time in idle time, and a request drops the rest', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		coordinator.prefetch(['SELECT 1', 'SELECT 2', 'SELECT 3']);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['SELECT 1']);
		// A real request comes: it waits for the one prefetched query running, and no other.
		const wanted = coordinator.request('chart', 'SELECT 9');
		await finish(1);
		await finish(9);
		expect(value(await wanted)).toBe(9);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['SELECT 1', 'SELECT 9']);
		// What was prefetched is answered from the cache.
		expect(value(await coordinator.request('chart', 'SELECT 1'))).toBe(1);
		expect(ran).toEqual(['SELECT 1', 'SELECT 9']);
	});

	test('a list given as a function is worked out at idle time, and never when a request comes first', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		let asked = 0;
		coordinator.prefetch(() => {
			asked++;
			return ['SELECT 1', 'SELECT 2'];
		});
		expect(asked).toBe(0);
		await new Promise((r) => setTimeout(r, 5));
		expect(asked).toBe(1);
		expect(ran).toEqual(['SELECT 1']);
		await finish(1);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['SELECT 1', 'SELECT 2']);
		await finish(2);
		expect(asked).toBe(1);

		let late = 0;
		coordinator.prefetch(() => {
			late++;
			return ['SELECT 3'];
		});
		const wanted = coordinator.request('chart', 'SELECT 9');
		await finish(9);
		expect(value(await wanted)).toBe(9);
		await new Promise((r) => setTimeout(r, 5));
		expect(late).toBe(0);
		expect(ran).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 9']);
	});

	test('a request for the query being prefetched waits for it instead of running it again', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		coordinator.prefetch(['SELECT 4']);
		await new Promise((r) => setTimeout(r, 5));
		const wanted = coordinator.request('chart', 'SELECT 4');
		await finish(4);
		expect(value(await wanted)).toBe(4);
		expect(ran).toEqual(['SELECT 4']);
	});

	test('queries started ahead of their views run once, in order, and a request waits for them', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const units = coordinator.query('SELECT units');
		coordinator.warm(['SELECT ranking', 'SELECT series', 'SELECT ranking']);
		const ranking = coordinator.request('ranking', 'SELECT ranking');
		await finish(1);
		expect(value(await units)).toBe(1);
		await finish(2);
		expect(value(await ranking)).toBe(2);
		await finish(3);
		expect(ran).toEqual(['SELECT units', 'SELECT ranking', 'SELECT series']);
		// Answered, it is in the cache like any result.
		expect(value(await coordinator.request('series', 'SELECT series'))).toBe(3);
		expect(ran).toHaveLength(3);
	});

	test('read-ahead runs in idle time after prefetching, is kept by a request, and caches nothing', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector, { quietMs: 0 });
		coordinator.readAhead(['SELECT ahead 1', 'SELECT ahead 2']);
		coordinator.prefetch(['SELECT guess']);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['SELECT guess']);
		await finish(1);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['SELECT guess', 'SELECT ahead 1']);
		// A request waits behind the one running, and the rest of the read-ahead waits for it.
		const real = coordinator.request('chart', 'SELECT real');
		await finish(2);
		await finish(3);
		expect(value(await real)).toBe(3);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['SELECT guess', 'SELECT ahead 1', 'SELECT real', 'SELECT ahead 2']);
		await finish(4);
		coordinator.request('again', 'SELECT ahead 1');
		await new Promise((r) => setTimeout(r, 5));
		expect(ran.filter((sql) => sql === 'SELECT ahead 1')).toHaveLength(2);
	});

	test('read-ahead waits for a quiet spell after the last request; prefetching does not', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
		try {
			const { connector, ran, finish } = controlledConnector();
			const coordinator = new Coordinator(connector, { quietMs: 1000 });
			coordinator.readAhead(['SELECT ahead']);
			const real = coordinator.request('chart', 'SELECT real');
			await finish(1);
			await real;
			coordinator.prefetch(['SELECT guess']);
			await vi.advanceTimersByTimeAsync(10);
			expect(ran).toEqual(['SELECT real', 'SELECT guess']);
			await finish(2);
			await vi.advanceTimersByTimeAsync(900);
			expect(ran).toEqual(['SELECT real', 'SELECT guess']);
			await vi.advanceTimersByTimeAsync(200);
			expect(ran).toEqual(['SELECT real', 'SELECT guess', 'SELECT ahead']);
		} finally {
			vi.useRealTimers();
		}
	});

	test('nothing is prefetched when caching is off', async () => {
		const { connector, ran } = controlledConnector();
		new Coordinator(connector, { cache: false }).prefetch(['SELECT 1']);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual([]);
	});

	test('the same SQL is answered from the cache, and not when caching is off', async () => {
		const cached = controlledConnector();
		const coordinator = new Coordinator(cached.connector);
		const first = coordinator.query('SELECT 7');
		await cached.finish(7);
		await first;
		expect(value(await coordinator.query('SELECT 7'))).toBe(7);
		expect(cached.ran).toEqual(['SELECT 7']);

		const uncached = controlledConnector();
		const baseline = new Coordinator(uncached.connector, { cache: false });
		const again = [baseline.query('SELECT 7'), baseline.query('SELECT 7')];
		await uncached.finish(7);
		await uncached.finish(7);
		await Promise.all(again);
		expect(uncached.ran).toEqual(['SELECT 7', 'SELECT 7']);
	});

	test('a failing query rejects with its error and the queue goes on', async () => {
		const { connector, fail, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const bad = coordinator.request('a', 'SELECT nope').catch((e: Error) => e.message);
		const good = coordinator.request('b', 'SELECT 1');
		await fail('Binder Error: column "nope" not found');
		await finish(1);
		expect(await bad).toMatch(/nope/);
		expect(value(await good)).toBe(1);
	});

	test('a statement that changes data clears the cache', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const first = coordinator.query('SELECT 1');
		await finish(1);
		await first;
		await coordinator.exec('DELETE FROM facts');
		const again = coordinator.query('SELECT 1');
		await finish(1);
		await again;
		expect(ran).toEqual(['SELECT 1', 'DELETE FROM facts', 'SELECT 1']);
	});

	test('a deferred table is built once, by the first query that names it', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		coordinator.defer('yearly_2025', ['CREATE TABLE yearly_2025 AS SELECT 1']);
		const other = coordinator.query('SELECT * FROM yearly');
		await finish(1);
		await other;
		expect(ran).toEqual(['SELECT * FROM yearly']);
		const first = coordinator.query('SELECT * FROM yearly_2025 WHERE year = 2024');
		await finish(2);
		await first;
		const second = coordinator.query('SELECT COUNT(*) FROM yearly_2025');
		await finish(3);
		await second;
		expect(ran).toEqual([
			'SELECT * FROM yearly',
			'CREATE TABLE yearly_2025 AS SELECT 1',
			'SELECT * FROM yearly_2025 WHERE year = 2024',
			'SELECT COUNT(*) FROM yearly_2025',
		]);
	});
});

describe('answers given ahead (seed)', () => {
	const seeded = (v: number) => ({ sql: `SELECT ${v}`, table: tableFromArrays({ v: [v] }) });
	const same = (a: Table, b: Table) => value(a) === value(b);

	test('are answered without the engine, then checked against it once', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector, { quietMs: 0 });
		coordinator.seed([seeded(1), seeded(2)]);
		expect(value(await coordinator.request('chart', 'SELECT 1'))).toBe(1);
		expect(ran).toEqual([]);
		const check = coordinator.checkSeeded(same);
		await finish(1);
		await finish(2);
		expect(await check).toEqual({ checked: 2, differing: [] });
		expect(ran).toEqual(['SELECT 1', 'SELECT 2']);
		// Checked once: a second check asks nothing.
		expect(await coordinator.checkSeeded(same)).toEqual({ checked: 0, differing: [] });
	});

	test('are checked only in quiet spells: a request puts the next check off', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
		try {
			const { connector, ran, finish } = controlledConnector();
			const coordinator = new Coordinator(connector, { quietMs: 1000 });
			coordinator.seed([seeded(1), seeded(2)]);
			const check = coordinator.checkSeeded(same);
			// Within quietMs of the coordinator's start: nothing asked yet.
			await vi.advanceTimersByTimeAsync(900);
			expect(ran).toEqual([]);
			await vi.advanceTimersByTimeAsync(200);
			expect(ran).toEqual(['SELECT 1']);
			const real = coordinator.request('chart', 'SELECT real');
			await finish(1);
			await finish(9);
			expect(value(await real)).toBe(9);
			// The request came after the first check: the second waits for a new quiet spell.
			await vi.advanceTimersByTimeAsync(900);
			expect(ran).toEqual(['SELECT 1', 'SELECT real']);
			await vi.advanceTimersByTimeAsync(200);
			expect(ran).toEqual(['SELECT 1', 'SELECT real', 'SELECT 2']);
			await finish(2);
			expect(await check).toEqual({ checked: 2, differing: [] });
		} finally {
			vi.useRealTimers();
		}
	});

	test("one the engine answers otherwise is replaced by the engine's answer", async () => {
		const { connector, finish } = controlledConnector();
		const coordinator = new Coordinator(connector, { quietMs: 0 });
		coordinator.seed([seeded(1)]);
		const check = coordinator.checkSeeded(same);
		await finish(7);
		expect(await check).toEqual({ checked: 1, differing: ['SELECT 1'] });
		expect(value(await coordinator.request('chart', 'SELECT 1'))).toBe(7);
	});

	test('are dropped by a change of the data, and then neither answered nor checked', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		coordinator.seed([seeded(1)]);
		await coordinator.exec('DELETE FROM facts');
		expect(await coordinator.checkSeeded(same)).toEqual({ checked: 0, differing: [] });
		const answer = coordinator.request('chart', 'SELECT 1');
		await finish(5);
		expect(value(await answer)).toBe(5);
		expect(ran).toEqual(['DELETE FROM facts', 'SELECT 1']);
	});

	test('are not held when the cache is off (the benchmark baseline)', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector, { cache: false });
		coordinator.seed([seeded(1)]);
		const answer = coordinator.request('chart', 'SELECT 1');
		await finish(1);
		await answer;
		expect(ran).toEqual(['SELECT 1']);
	});

	test('a withdrawn request is dropped before it runs, and the client asks again afresh', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const outcome = (p: Promise<Table>) => p.then(value, (e: unknown) => e);
		const running = outcome(coordinator.request('other', 'SELECT 1'));
		const waiting = outcome(coordinator.request('ranking', 'SELECT 2'));
		// The ranking was answered in the page meanwhile.
		coordinator.withdraw('ranking');
		await finish(1);
		expect(await running).toBe(1);
		expect(await waiting).toBeInstanceOf(Superseded);
		expect(ran).toEqual(['SELECT 1']);
		const again = outcome(coordinator.request('ranking', 'SELECT 3'));
		await finish(3);
		expect(await again).toBe(3);
	});

	test('cached() shows what the cache holds without running anything; caching says whether it is on', async () => {
		const { connector, ran, finish } = controlledConnector();
		const coordinator = new Coordinator(connector);
		expect(coordinator.caching).toBe(true);
		expect(coordinator.cached('SELECT 1')).toBeUndefined();
		const answer = coordinator.query('SELECT 1');
		await finish(1);
		expect(coordinator.cached('SELECT 1')).toBe(await answer);
		expect(ran).toEqual(['SELECT 1']);
		const off = new Coordinator(controlledConnector().connector, { cache: false });
		expect(off.caching).toBe(false);
	});
});
