/**
 * A workspace engine on DuckDB-WASM's blocking Node bindings: the Connector, plus `send` that hands out
 * the whole result batch by batch (the blocking bindings have no pending queries, so nothing to cancel).
 */
import { createRequire } from 'node:module';
import { tableFromIPC } from 'apache-arrow';
import type { WorkspaceEngine } from '../../src/db/workspace.ts';
import { nodeConnector } from './node-connector.ts';

const cjsArrow = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

/** A fresh engine with JSON errors, as the browser's workspace engine is opened. */
export async function nodeWorkspaceEngine(): Promise<WorkspaceEngine> {
	const db = await nodeConnector();
	await db.exec('SET errors_as_json = true');
	return {
		...db,
		send: async (sql) => {
			// The blocking bindings load Arrow's CommonJS build: cross over as IPC bytes.
			const ipc = cjsArrow.tableToIPC(await db.query(sql), 'stream');
			const batches = tableFromIPC(ipc).batches[Symbol.iterator]();
			return { next: async () => batches.next() };
		},
		cancelSent: async () => false,
		terminate: () => db.close(),
	};
}
