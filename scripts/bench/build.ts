/**
 * Builds the app (index.html and the floor page bench-floor.html) into bench/out/dist/, a build of its
 * own: `npm run build` and the end-to-end tests rewrite dist/ at any time, and a benchmark must not
 * have its files replaced under it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OUT, ROOT } from './datasets.ts';

export const BUILD_DIR = join(OUT, 'dist');
/** The build with the Mosaic comparison page (scripts/bench/mosaic.ts), apart from the others. */
export const MOSAIC_BUILD_DIR = join(OUT, 'dist-mosaic');

const viteBin = join(
	dirname(createRequire(import.meta.url).resolve('vite/package.json')),
	'bin',
	'vite.js',
);

/**
 * `mosaic: true` adds the Mosaic comparison page (vite.config.ts reads HDND_BENCH_MOSAIC): it shares
 * modules with the app (d3), which would change how the app's own chunks split in every other build.
 */
export function buildApp(options: { outDir?: string; mosaic?: boolean } = {}): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(
			process.execPath,
			[
				viteBin,
				'build',
				'--outDir',
				options.outDir ?? BUILD_DIR,
				'--emptyOutDir',
				// Source maps without the comment that points to them: the served files stay as in production.
				'--sourcemap',
				'hidden',
				'--logLevel',
				'warn',
			],
			{
				cwd: ROOT,
				stdio: 'inherit',
				env: { ...process.env, HDND_BENCH_MOSAIC: options.mosaic ? '1' : '' },
			},
		);
		child.once('error', fail);
		child.once('exit', (code, signal) =>
			code === 0 ? done() : fail(new Error(`vite build failed (${signal ?? `exit ${code}`})`)),
		);
	});
}
