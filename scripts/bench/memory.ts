/**
 * Memory of a loaded page, after a forced GC: the page's JS heap (`performance.memory`), the
 * WebAssembly memories the page instantiated (parquet-wasm; recorded by the instrumentation in
 * browser.ts), the DuckDB worker's JS heap (`Runtime.getHeapUsage`) and DuckDB's wasm heap (the worker's
 * `globalThis.DUCKDB_BINDINGS.mod.HEAPU8`, which duckdb-wasm sets), and the resident memory of the
 * page's renderer process (page and worker together, read from /proc). (`Runtime.queryObjects` would
 * find every WebAssembly.Memory, but crashes this Chromium's renderer.)
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { browserSession, pageSession, workerSession } from './cdp.ts';

/** VmRSS of a process from /proc (Linux), or null. */
function residentBytes(pid: number): number | null {
	try {
		const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

export interface MemoryReport {
	/** performance.memory.usedJSHeapSize of the page. */
	pageJsHeap: number;
	/** Bytes of the page's WebAssembly memories (parquet-wasm). */
	pageWasm: number;
	/** JS heap of the DuckDB worker, when it could be read. */
	workerJsHeap: number | null;
	/** Bytes of the worker's WebAssembly memory (DuckDB's heap), when it could be read. */
	workerWasm: number | null;
	/** Resident set of the page's renderer process (Linux; the largest renderer). */
	rendererRss: number | null;
	notes: string[];
}

export async function measureMemory(browser: Browser, page: Page): Promise<MemoryReport> {
	const notes: string[] = [];
	const { send: sendPage, session } = await pageSession(page);
	await sendPage('HeapProfiler.collectGarbage');
	await session.detach();
	const pageJsHeap = await page.evaluate(
		() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
	);
	const pageWasm = await page.evaluate(() =>
		(window.__benchWasmMemories ?? []).reduce((n, m) => n + m.buffer.byteLength, 0),
	);

	let workerJsHeap: number | null = null;
	let workerWasm: number | null = null;
	const worker = await workerSession(browser, page);
	if (!worker) notes.push('DuckDB worker target not found');
	else {
		try {
			await worker.send('HeapProfiler.collectGarbage');
			const usage = (await worker.send('Runtime.getHeapUsage')) as { usedSize: number };
			workerJsHeap = usage.usedSize;
			const heap = (await worker.send('Runtime.evaluate', {
				expression: 'globalThis.DUCKDB_BINDINGS?.mod?.HEAPU8?.buffer?.byteLength ?? null',
				returnByValue: true,
			})) as { result: { value: number | null } };
			workerWasm = heap.result.value;
			if (workerWasm === null) notes.push('DuckDB wasm heap not found in the worker');
		} catch (error) {
			notes.push(`worker memory unreadable: ${error instanceof Error ? error.message : error}`);
		} finally {
			await worker.detach();
		}
	}

	let rendererRss: number | null = null;
	const systemSession = await browserSession(browser);
	try {
		const info = (await systemSession.send('SystemInfo.getProcessInfo' as never)) as {
			processInfo: { type: string; id: number }[];
		};
		// Chromium's own UI pages have small renderers of their own: the page's is the largest one.
		const sizes = info.processInfo
			.filter((p) => p.type === 'renderer')
			.map((p) => residentBytes(p.id))
			.filter((n): n is number => n !== null);
		rendererRss = sizes.length > 0 ? Math.max(...sizes) : null;
	} catch (error) {
		notes.push(`renderer RSS unreadable: ${error instanceof Error ? error.message : error}`);
	} finally {
		await systemSession.detach();
	}
	return { pageJsHeap, pageWasm, workerJsHeap, workerWasm, rendererRss, notes };
}
