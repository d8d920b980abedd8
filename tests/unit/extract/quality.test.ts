/**
 * The extractor's quality on the fixture sets, as a regression guard: the same scoring as
 * `npm run eval:extract`. The development sets were tuned on, so they must stay near perfect; the
 * held-out set was written blind and is never tuned on, so its floor is the goal (precision
 * 0.9, recall 0.85, unit resolution 0.8), not its current score.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractFigures } from '../../../src/extract/extract.ts';
import { scoreFile, totals, type ScoredFigure } from '../../../src/extract/score.ts';
import { projectUnits } from '../../helpers/gazetteer.ts';

const FIXTURES = join(
	resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
	'tests/fixtures/extract',
);
const units = projectUnits();

function score(set: string) {
	const dir = join(FIXTURES, set);
	const scores = readdirSync(dir)
		.filter((n) => n.endsWith('.txt'))
		.map((name) => {
			const expected = JSON.parse(
				readFileSync(join(dir, name.replace(/\.txt$/, '.json')), 'utf8'),
			) as {
				date: string | null;
				figures: ScoredFigure[];
			};
			const result = extractFigures(readFileSync(join(dir, name), 'utf8'), {
				units,
				date: expected.date,
			});
			return scoreFile(
				expected.figures,
				result.figures.map((f) => ({
					metric: f.metric,
					value: f.value,
					unit_key: f.unitKey,
					scope: f.scope,
				})),
			);
		});
	return totals(scores);
}

describe('extraction quality', () => {
	test.each([
		['dev', 0.97, 0.97, 0.97],
		['dev2', 0.95, 0.93, 0.9],
		['holdout', 0.9, 0.85, 0.8],
	])(
		'%s: precision ≥ %d, recall ≥ %d, unit resolution ≥ %d',
		(set, precision, recall, unitAccuracy) => {
			const t = score(set);
			expect(t.expected).toBeGreaterThan(100);
			expect(t.precision).toBeGreaterThanOrEqual(precision);
			expect(t.recall).toBeGreaterThanOrEqual(recall);
			expect(t.unitAccuracy).toBeGreaterThanOrEqual(unitAccuracy);
		},
	);
});
