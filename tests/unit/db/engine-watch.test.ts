/**
 * The watch over the dashboard's engine: a worker that stops answering is declared dead within a second
 * when idle, a busy engine is given time, a slow page thread is not taken for a dead engine, and a
 * WebAssembly trap is one sign of death.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
	BUSY_DEADLINE_MS,
	EngineWatch,
	engineDeathMessage,
	isEngineDeath,
	type EngineDeath,
} from '../../../src/db/engine-watch.ts';

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

function watched(options: { busy?: () => boolean } = {}) {
	let alive = true;
	const deaths: EngineDeath[] = [];
	const watch = new EngineWatch({
		// A live engine answers at once; a dead worker never does.
		ping: () => (alive ? Promise.resolve('v1') : new Promise(() => {})),
		busy: options.busy ?? (() => false),
		onDead: (reason) => deaths.push(reason),
		now: () => Date.now(),
	});
	watch.start();
	return { watch, deaths, kill: () => (alive = false) };
}

describe('the heartbeat', () => {
	test('a live engine is never declared dead', async () => {
		const { deaths } = watched();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(deaths).toEqual([]);
	});

	test('an idle engine that stops answering is declared dead within a second', async () => {
		const { deaths, kill } = watched();
		await vi.advanceTimersByTimeAsync(5_000);
		kill();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(deaths).toEqual(['unresponsive']);
		await vi.advanceTimersByTimeAsync(10_000);
		expect(deaths).toHaveLength(1);
	});

	test('an engine busy with queries gets longer before it is declared dead', async () => {
		const { deaths, kill } = watched({ busy: () => true });
		kill();
		await vi.advanceTimersByTimeAsync(BUSY_DEADLINE_MS - 1_000);
		expect(deaths).toEqual([]);
		await vi.advanceTimersByTimeAsync(2_000);
		expect(deaths).toEqual(['unresponsive']);
	});

	test('a page thread too busy to tick is not taken for a dead engine', async () => {
		let now = 0;
		const deaths: EngineDeath[] = [];
		let answer: (() => void) | null = null;
		const watch = new EngineWatch({
			ping: () => new Promise<void>((resolve) => (answer = resolve)),
			busy: () => false,
			onDead: (reason) => deaths.push(reason),
			now: () => now,
		});
		watch.start();
		now += 200;
		await vi.advanceTimersByTimeAsync(200);
		// The page froze for five seconds: the answer waited behind it.
		now += 5_000;
		await vi.advanceTimersByTimeAsync(200);
		answer!();
		now += 200;
		await vi.advanceTimersByTimeAsync(200);
		expect(deaths).toEqual([]);
	});
});

test('the worker error and a trap are signs too, reported once', () => {
	const { watch, deaths } = watched();
	watch.died('trap', 'RuntimeError: unreachable');
	watch.died('error', 'later');
	expect(deaths).toEqual(['trap']);
	expect(watch.dead).toBe(true);
});

test('traps are told from failed queries', () => {
	expect(isEngineDeath(new WebAssembly.RuntimeError('unreachable'))).toBe(true);
	expect(isEngineDeath(new Error('RuntimeError: memory access out of bounds'))).toBe(true);
	expect(isEngineDeath(new Error('Binder Error: column "x" not found'))).toBe(false);
	expect(isEngineDeath(new Error('Catalog Error: Table with name units does not exist'))).toBe(
		false,
	);
});

test.each(['error', 'trap', 'unresponsive'] as const)('%s has a message in both languages', (r) => {
	const { vi: vietnamese, en } = engineDeathMessage(r);
	expect(vietnamese).toContain('Tải lại trang');
	expect(en).toContain('Reload the page');
});
