import { describe, expect, it } from 'vitest';
import { agreement, comparisonTable, summarise } from '../../../scripts/bench/compare.ts';

const side = (kind: string, values: number[]) => values.map((ms) => ({ kind, ms }));

describe('the side-by-side latency table', () => {
	const ours = [...side('measure', [10, 20, 30]), ...side('level', [100])];
	const theirs = [...side('measure', [20, 40, 60]), ...side('province', [5])];

	it('summarises a side overall first, then each kind in order', () => {
		const rows = summarise(ours);
		expect(rows.map((r) => r.kind)).toEqual(['all', 'level', 'measure']);
		expect(rows[2]).toEqual({ kind: 'measure', n: 3, p50: 20, p95: 29, max: 30 });
		expect(rows[0]!.n).toBe(4);
	});

	it('puts both sides on one row per kind with the ratio of the first to the second', () => {
		const text = comparisonTable(['ours', 'mosaic'], ours, theirs).markdown();
		expect(text).toContain(
			'| measure | 3 | 20.0 | 29.0 | 30.0 | 3 | 40.0 | 58.0 | 60.0 | 0.50× | 0.50× |',
		);
		// A kind one side never did has no ratio.
		expect(text).toContain('| province | 0 | — | — | — | 1 | 5.0 | 5.0 | 5.0 | — | — |');
	});

	it('counts where two sequences agree, position by position', () => {
		expect(agreement(['a 1', 'b 2', 'c 3'], ['a 1', 'b 9', 'c 3', 'd 4'])).toBe(0.5);
		expect(agreement([], [])).toBe(1);
	});
});
