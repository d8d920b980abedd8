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

const viteBin = join(
	dirname(createRequire(import.meta.url).resolve('vite/package.json')),
	'bin',
	'vite.js',
);

export function buildApp(): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(
			process.execPath,
			[
				viteBin,
				'build',
				'--outDir',
				BUILD_DIR,
				'--emptyOutDir',
				// Source maps without the comment that points to them: the served files stay as in production.
				'--sourcemap',
				'hidden',
				'--logLevel',
				'warn',
			],
			{ cwd: ROOT, stdio: 'inherit' },
		);
		child.once('error', fail);
		child.once('exit', (code, signal) =>
			code === 0 ? done() : fail(new Error(`vite build failed (${signal ?? `exit ${code}`})`)),
		);
	});
}
