/**
 * Vitest global setup for the end-to-end suite: builds the app once, serves dist/ with `vite preview`
 * on a free loopback port and hands the base URL to the tests (`inject('baseURL')`).
 *
 * Env: E2E_SKIP_BUILD=1 reuses the existing dist/ instead of running `npm run build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Origin + trailing slash of the `vite preview` server, e.g. `http://127.0.0.1:41234/`. */
		baseURL: string;
	}
}

const HOST = '127.0.0.1';
const SERVER_START_TIMEOUT_MS = 60_000;
const PORT_ATTEMPTS = 3;

const viteBin = join(
	dirname(createRequire(import.meta.url).resolve('vite/package.json')),
	'bin',
	'vite.js',
);

function run(command: string, args: string[], cwd: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, stdio: 'inherit' });
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
		});
	});
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('could not determine a free port'));
			});
		});
	});
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** Signals the whole process group of a detached child (the child is the group leader). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

async function stopServer(child: ChildProcess): Promise<void> {
	if (child.pid === undefined) return;
	const gone = new Promise<void>((resolve) => {
		if (exited(child)) resolve();
		else child.once('exit', () => resolve());
	});
	killGroup(child, 'SIGTERM');
	const grace = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
	await gone;
	clearTimeout(grace);
	// Anything the leader spawned that ignored SIGTERM goes too.
	killGroup(child, 'SIGKILL');
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
	for (;;) {
		if (exited(child)) {
			throw new Error(`vite preview exited before serving ${url}:\n${log()}`);
		}
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			await response.body?.cancel();
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			throw new Error(
				`vite preview did not answer ${url} within ${SERVER_START_TIMEOUT_MS} ms:\n${log()}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function startPreview(root: string): Promise<{ child: ChildProcess; baseURL: string }> {
	let lastError: unknown;
	for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
		const port = await freePort();
		const baseURL = `http://${HOST}:${port}/`;
		const child = spawn(
			process.execPath,
			[viteBin, 'preview', '--host', HOST, '--strictPort', '--port', String(port)],
			// detached: its own process group, so teardown can kill everything it started.
			{ cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		const keep = (chunk: Buffer): void => {
			output = (output + chunk.toString()).slice(-20_000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		// Last resort if Vitest dies without running teardown.
		const onExit = (): void => killGroup(child, 'SIGKILL');
		process.once('exit', onExit);
		child.once('exit', () => process.off('exit', onExit));
		try {
			await waitForHttp(baseURL, child, () => output);
			return { child, baseURL };
		} catch (error) {
			lastError = error;
			await stopServer(child);
			// Another process may have taken the port between probing and binding: try a new one.
			if (!/in use|EADDRINUSE/i.test(output)) break;
		}
	}
	throw lastError;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const root = project.config.root;
	if (process.env.E2E_SKIP_BUILD === '1') {
		console.log('[e2e] E2E_SKIP_BUILD=1: serving the existing dist/');
	} else {
		console.log('[e2e] building the app (npm run build)');
		await run('npm', ['run', 'build'], root);
	}
	const { child, baseURL } = await startPreview(root);
	console.log(`[e2e] vite preview serving ${baseURL}`);
	project.provide('baseURL', baseURL);
	return () => stopServer(child);
}
