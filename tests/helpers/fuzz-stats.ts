/**
 * Figures of a fuzzing run: how many inputs were tried, how many escaped as an uncaught exception, the
 * slowest input (and which property it came from) and the peak memory of the process. The property
 * tests wrap their predicates with `measured`; the totals are printed and written to
 * test-results/fuzz-import.json at the end, for the README's reliability section.
 *
 * FUZZ_SCALE multiplies every property's number of runs (1 in `npm test`, 10 in `npm run fuzz`);
 * FUZZ_SEED changes the seed (fixed by default, so a failure repeats).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FUZZ_SCALE = Math.max(0.01, Number(process.env.FUZZ_SCALE ?? 1) || 1);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201) | 0;

/** fast-check parameters for a property of `runs` inputs at scale 1; `index` varies the seed. */
export function runs(count: number, index: number): { numRuns: number; seed: number } {
	return { numRuns: Math.max(1, Math.round(count * FUZZ_SCALE)), seed: FUZZ_SEED + index };
}

/** A test's time limit: generous, and growing with the scale. */
export const timeLimit = (seconds: number) => Math.round(seconds * 1000 * Math.max(1, FUZZ_SCALE));

const stats = {
	tried: 0,
	uncaught: 0,
	slowestMs: 0,
	slowestIn: '',
	peakRssMb: 0,
	byProperty: {} as Record<string, number>,
};

function record(property: string, ms: number): void {
	stats.tried++;
	stats.byProperty[property] = (stats.byProperty[property] ?? 0) + 1;
	if (ms > stats.slowestMs) {
		stats.slowestMs = ms;
		stats.slowestIn = property;
	}
	// Sampled, not exact: every 16th input, and always on the slowest.
	if (stats.tried % 16 === 0 || ms === stats.slowestMs) {
		stats.peakRssMb = Math.max(stats.peakRssMb, process.memoryUsage.rss() / 1e6);
	}
}

/** A predicate that counts its input, its time and an exception escaping it (rethrown to fail). */
export function measured<A extends unknown[]>(
	property: string,
	predicate: (...args: A) => void | Promise<void>,
): (...args: A) => Promise<void> {
	return async (...args: A) => {
		const start = performance.now();
		try {
			await predicate(...args);
		} catch (error) {
			stats.uncaught++;
			throw error;
		} finally {
			record(property, performance.now() - start);
		}
	};
}

/** The same for a synchronous property. */
export function measuredSync<A extends unknown[]>(
	property: string,
	predicate: (...args: A) => void,
): (...args: A) => void {
	return (...args: A) => {
		const start = performance.now();
		try {
			predicate(...args);
		} catch (error) {
			stats.uncaught++;
			throw error;
		} finally {
			record(property, performance.now() - start);
		}
	};
}

/** Print the figures and write them beside the other test results. */
export function reportFuzzStats(name: string): void {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
	const figures = {
		scale: FUZZ_SCALE,
		seed: FUZZ_SEED,
		tried: stats.tried,
		uncaught: stats.uncaught,
		slowestMs: Math.round(stats.slowestMs * 10) / 10,
		slowestIn: stats.slowestIn,
		peakRssMb: Math.round(stats.peakRssMb),
		byProperty: stats.byProperty,
	};
	mkdirSync(join(root, 'test-results'), { recursive: true });
	writeFileSync(
		join(root, 'test-results', `${name}.json`),
		`${JSON.stringify(figures, null, '\t')}\n`,
	);
	console.log(
		`[${name}] ${figures.tried} inputs, ${figures.uncaught} uncaught, slowest ${figures.slowestMs} ms (${figures.slowestIn}), peak RSS ${figures.peakRssMb} MB`,
	);
}
