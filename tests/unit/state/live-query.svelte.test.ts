import { flushSync } from 'svelte';
import { describe, expect, test } from 'vitest';
import { controlledConnector } from '../../helpers/controlled-connector.ts';
import { Coordinator } from '../../../src/db/coordinator.ts';
import { LiveQuery } from '../../../src/state/live-query.svelte.ts';

describe('LiveQuery answered in the page', () => {
	test('a local answer is shown at once, and an engine answer still due for an older text is not', async () => {
		const { connector, ran, finish, settle } = controlledConnector();
		const coordinator = new Coordinator(connector);
		const sql = $state({ text: 'SELECT 1' as string });
		const localAnswers = new Map<string, number>([['SELECT 2', 20]]);
		let query!: LiveQuery<number>;
		const stop = $effect.root(() => {
			query = new LiveQuery<number>(
				coordinator,
				'ranking',
				() => sql.text,
				(table) => Number(table.getChild('v')!.get(0)),
				0,
				(text) => localAnswers.get(text),
			);
		});
		flushSync();
		// Not answered in the page: asked of the engine.
		expect(query.pending).toBe(true);
		await settle();
		expect(ran).toEqual(['SELECT 1']);
		// While that runs, a text the page answers: shown at once, not pending, nothing asked.
		sql.text = 'SELECT 2';
		flushSync();
		expect(query.value).toBe(20);
		expect(query.pending).toBe(false);
		const shownId = query.renderId;
		await finish(1);
		await settle();
		// The engine's late answer of the older text does not replace it.
		expect(query.value).toBe(20);
		expect(query.renderId).toBe(shownId);
		expect(ran).toEqual(['SELECT 1']);
		// Back to a text only the engine answers.
		sql.text = 'SELECT 3';
		flushSync();
		expect(query.pending).toBe(true);
		await finish(3);
		await settle();
		expect(query.value).toBe(3);
		expect(query.pending).toBe(false);
		stop();
	});
});
