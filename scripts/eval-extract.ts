/**
 * `npm run eval:extract`: runs the extractor on the development set (tests/fixtures/extract/dev/: texts
 * written for this project, each with its expected figures) and prints precision, recall and unit
 * resolution accuracy at the figure level (metric and value), then what was missed or wrong.
 *
 *   npm run eval:extract                 summary and the mistakes
 *   npm run eval:extract -- --quiet      summary only
 *   npm run eval:extract -- --json       the totals as JSON (for scripts)
 *   npm run eval:extract -- --set holdout   the held-out set instead (written blind; never tune on it)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFigures } from '../src/extract/extract.ts';
import { gazetteerFromCsv } from '../src/extract/gazetteer.ts';
import { scoreFile, totals, type FileScore, type ScoredFigure } from '../src/extract/score.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// `--set holdout` scores the held-out set (written blind to the extractor; never tune on it).
const SET =
	args[args.indexOf('--set') + 1] && args.includes('--set')
		? args[args.indexOf('--set') + 1]!
		: 'dev';
const DEV = process.env.EXTRACT_DEV_SET ?? join(ROOT, 'tests', 'fixtures', 'extract', SET);

const units = gazetteerFromCsv(
	readFileSync(join(ROOT, 'data', 'units', 'units_2023.csv'), 'utf8'),
	readFileSync(join(ROOT, 'data', 'units', 'units_2025.csv'), 'utf8'),
);

interface Expected {
	date: string | null;
	figures: ScoredFigure[];
}

const show = (f: ScoredFigure) =>
	`${f.metric}=${f.value} ${f.scope ?? ''} ${f.unit_key ?? 'null'}${f.derived ? ' (derived)' : ''}`;

const scores: FileScore[] = [];
const lines: string[] = [];
for (const name of readdirSync(DEV)
	.filter((n) => n.endsWith('.txt'))
	.sort()) {
	const text = readFileSync(join(DEV, name), 'utf8');
	const expected = JSON.parse(
		readFileSync(join(DEV, name.replace(/\.txt$/, '.json')), 'utf8'),
	) as Expected;
	const result = extractFigures(text, { units, date: expected.date });
	const got: ScoredFigure[] = result.figures.map((f) => ({
		metric: f.metric,
		value: f.value,
		unit_key: f.unitKey,
		scope: f.scope,
		derived: f.derived,
	}));
	const score = scoreFile(expected.figures, got);
	scores.push(score);
	if (score.missed.length || score.spurious.length || score.wrongUnit.length) {
		lines.push(`${name}`);
		for (const f of score.missed) lines.push(`  missed    ${show(f)}`);
		for (const f of score.spurious) lines.push(`  spurious  ${show(f)}`);
		for (const p of score.wrongUnit)
			lines.push(`  unit      ${show(p.got)}  expected ${p.want.unit_key ?? 'null'}`);
	}
}

const t = totals(scores);
if (args.includes('--json')) {
	console.log(JSON.stringify(t));
} else {
	if (!args.includes('--quiet')) console.log(lines.join('\n'));
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	console.log(
		`\n${t.files} reports, ${t.expected} expected figures, ${t.extracted} extracted, ${t.matched} right\n` +
			`precision ${pct(t.precision)}  recall ${pct(t.recall)}  unit resolution ${pct(t.unitAccuracy)} (${t.unitRight}/${t.matched})`,
	);
}
