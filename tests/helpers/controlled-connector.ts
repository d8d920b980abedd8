/**
 * A connector whose queries wait until the test answers them, in the order they were asked: the tests of
 * the coordinator and of LiveQuery use it to decide exactly when each engine answer arrives.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import type { Connector } from '../../src/db/connector.ts';

export function controlledConnector() {
	/** Every statement sent, queries and execs, in order. */
	const ran: string[] = [];
	const pending: { sql: string; resolve: (t: Table) => void; reject: (e: Error) => void }[] = [];
	const connector: Connector = {
		query: (sql) =>
			new Promise<Table>((resolve, reject) => {
				ran.push(sql);
				pending.push({ sql, resolve, reject });
			}),
		exec: async (sql) => void ran.push(sql),
		insertArrowIPC: async () => {},
		close: async () => {},
	};
	/** Let the promise chains behind a query or an answer run (a few microtask turns). */
	const settle = async () => {
		for (let i = 0; i < 8; i++) await Promise.resolve();
	};
	/** Answer the oldest query still waiting with a one-row table `{ v: value }`. */
	const finish = async (value: number) => {
		await settle();
		pending.shift()!.resolve(tableFromArrays({ v: [value] }));
		await settle();
	};
	/** Fail the oldest query still waiting. */
	const fail = async (message: string) => {
		await settle();
		pending.shift()!.reject(new Error(message));
		await settle();
	};
	return { connector, ran, pending, settle, finish, fail };
}
