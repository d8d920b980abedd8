#!/usr/bin/env node
/**
 * `npm test`: lint, type check, unit tests, end-to-end tests — in that order, each streamed live, all of
 * them run even after a failure. Lint and check count as one test each; the Vitest runs count their
 * tests from a JSON report. Ends with a summary table and, as the very last line, `N passed, N failed`.
 * Exits 1 if anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Runs a command with inherited stdio; resolves to its exit code (signals and spawn errors count as 1). */
function run(command, args) {
	return new Promise((done) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
		child.once('error', (error) => {
			console.error(`\n[test-all] could not start ${command}: ${error.message}`);
			done(1);
		});
		child.once('exit', (code, signal) => done(signal ? 1 : (code ?? 1)));
	});
}

function banner(text) {
	const line = '═'.repeat(Math.max(60, text.length + 4));
	console.log(`\n${line}\n  ${text}\n${line}\n`);
}

/** A step that is a single pass/fail check. */
async function single(name, command, args) {
	banner(`${name}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const code = await run(command, args);
	return {
		name,
		passed: code === 0 ? 1 : 0,
		failed: code === 0 ? 0 : 1,
		skipped: 0,
		seconds: (Date.now() - started) / 1000,
		note: code === 0 ? '' : `exit ${code}`,
	};
}

/** A Vitest run through an npm script, counted from its JSON report. */
async function vitest(name, script) {
	const relativeReport = `test-results/${name}.json`;
	const report = join(ROOT, relativeReport);
	rmSync(report, { force: true });
	const args = [
		'run',
		script,
		'--',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${relativeReport}`,
	];
	banner(`${name}: npm ${args.join(' ')}`);
	const started = Date.now();
	const code = await run('npm', args);
	const seconds = (Date.now() - started) / 1000;

	let json;
	try {
		json = JSON.parse(readFileSync(report, 'utf8'));
	} catch {
		return {
			name,
			passed: 0,
			failed: 1,
			skipped: 0,
			seconds,
			note: `no JSON report (exit ${code})`,
		};
	}
	const total = Number(json.numTotalTests) || 0;
	const passed = Number(json.numPassedTests) || 0;
	let failed = Number(json.numFailedTests) || 0;
	// A file that failed outside any test (import error, beforeAll…) leaves its tests skipped: they did
	// not pass, so they count as failed.
	for (const file of json.testResults ?? []) {
		const tests = file.assertionResults ?? [];
		if (file.status !== 'failed' || tests.some((t) => t.status === 'failed')) continue;
		failed += Math.max(1, tests.filter((t) => t.status !== 'passed').length);
	}
	const skipped = Math.max(0, total - passed - failed);
	let note = code === 0 ? '' : `exit ${code}`;
	if (code !== 0 && failed === 0) {
		// Nothing failed, yet Vitest did: no test files, an unhandled error…
		failed = 1;
		note = `exit ${code} without a failing test`;
	}
	return { name, passed, failed, skipped, seconds, note };
}

function table(results) {
	const rows = [
		['step', 'passed', 'failed', 'skipped', 'time', 'note'],
		...results.map((r) => [
			r.name,
			String(r.passed),
			String(r.failed),
			String(r.skipped),
			`${r.seconds.toFixed(1)} s`,
			r.note,
		]),
	];
	const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const format = (row) =>
		row
			.map((cell, i) => (i >= 1 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	return [
		format(rows[0]),
		widths.map((w) => '─'.repeat(w)).join('  '),
		...rows.slice(1).map(format),
	].join('\n');
}

async function main() {
	mkdirSync(RESULTS, { recursive: true });
	const results = [];

	results.push(await single('lint', 'npm', ['run', 'lint']));
	results.push(await single('check', 'npm', ['run', 'check']));

	// Unit tests read the generated Parquet files: build them every time (about 5 s, deterministic),
	// since files left by an older checkout would test the new code against old data.
	const data = await single('data', 'npm', ['run', 'data']);
	if (data.failed) results.push(data);
	results.push(await vitest('unit', 'test:unit'));

	if (!existsSync(CHROMIUM) && !process.env.CI) {
		console.error(
			`\n[test-all] Chromium not found at ${CHROMIUM}; the end-to-end tests need it.\n` +
				'  Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
				'  or point CHROMIUM_PATH at an existing Chromium/Chrome binary.\n',
		);
		results.push({
			name: 'e2e',
			passed: 0,
			failed: 1,
			skipped: 0,
			seconds: 0,
			note: `Chromium missing at ${CHROMIUM}`,
		});
	} else {
		results.push(await vitest('e2e', 'test:e2e'));
	}

	const passed = results.reduce((sum, r) => sum + r.passed, 0);
	const failed = results.reduce((sum, r) => sum + r.failed, 0);
	banner('summary');
	console.log(table(results));
	console.log('');
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log('0 passed, 1 failed');
	process.exitCode = 1;
});
