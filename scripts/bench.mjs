#!/usr/bin/env node
/**
 * `npm run bench`: runs the benchmark (scripts/bench/run.ts, TypeScript through tsx) in a child Node
 * with room for the datasets, passing every argument on. See scripts/bench/run.ts for the options.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const child = spawn(
	process.execPath,
	[
		'--max-old-space-size=4096',
		'--import',
		'tsx',
		join(here, 'bench', 'run.ts'),
		...process.argv.slice(2),
	],
	{ cwd: join(here, '..'), stdio: 'inherit' },
);
child.once('error', (error) => {
	console.error(`could not start the benchmark: ${error.message}`);
	process.exit(1);
});
child.once('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
