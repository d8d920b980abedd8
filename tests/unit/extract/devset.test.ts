/**
 * The extractor's fixture sets are well formed: the development sets (tests/fixtures/extract/dev and
 * dev2, the first held-out set) and the held-out set (tests/fixtures/extract/holdout). Every text has its expected figures, every figure
 * names a metric of the catalogue, a unit of the right list, a valid period, and derived figures add up.
 * It checks the fixtures only, never the extractor's scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { METRIC_IDS } from '../../../src/model/metrics.ts';
import { parseUnitKey, type UnitLevel } from '../../../src/model/units.ts';
import { ROOT } from '../../helpers/node-connector.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'extract');
const METRICS = new Set<string>([...METRIC_IDS, 'sessions_total', 'petition_resolution_rate']);
const QUALIFIERS = new Set(['exact', 'at_least', 'approx', 'cumulative']);
const SCOPES = new Set(['own', 'subunits']);
const PERIODS = new Set(['year', 'h1', 'm9', 'quarter', 'month', 'term', 'span']);
const TERMS = new Set(['2016-2021', '2021-2026', '2026-2031']);
const FIGURE_KEYS = [
	'metric',
	'value',
	'qualifier',
	'scope',
	'unit_key',
	'period',
	'year',
	'term',
	'derived',
];
/** The first day of the 2025 list: reports dated from then name units of that list. */
const SCHEME_2025_FROM = '2025-07-01';

interface Figure {
	metric: string;
	value: number;
	qualifier: string;
	scope: string;
	unit_key: string | null;
	period: string;
	year: number | null;
	term: string | null;
	derived: boolean;
}
interface Expected {
	date: string | null;
	note: string;
	figures: Figure[];
}

/** Level of every unit key of both lists. */
function unitLevels(): Map<string, UnitLevel> {
	const levels = new Map<string, UnitLevel>();
	for (const scheme of ['2023', '2025']) {
		const csv = readFileSync(join(ROOT, 'data', 'units', `units_${scheme}.csv`), 'utf8');
		for (const row of csvParse(csv)) levels.set(`${scheme}:${row.code}`, row.level as UnitLevel);
	}
	return levels;
}

/** The first full date written in a text (dd/mm/yyyy), as ISO. */
function dateInText(text: string): string | null {
	const m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
	if (!m) return null;
	return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const isIsoDate = (s: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

const levels = unitLevels();

/** The expected figures of one set, read from its folder. */
function readSet(dir: string) {
	const files = readdirSync(dir);
	const texts = files.filter((f) => f.endsWith('.txt')).sort();
	const cases = texts.map((file) => {
		const base = file.slice(0, -'.txt'.length);
		const text = readFileSync(join(dir, file), 'utf8');
		const expected = JSON.parse(readFileSync(join(dir, `${base}.json`), 'utf8')) as Expected;
		return { base, text, expected };
	});
	return { files, cases };
}

const dev = readSet(join(FIXTURES, 'dev'));

describe('the development set of the report extractor', () => {
	test('holds enough cases, figures and texts with no figure', () => {
		const { cases } = dev;
		expect(cases.length).toBeGreaterThanOrEqual(45);
		const figures = cases.reduce((n, c) => n + c.expected.figures.length, 0);
		expect(figures).toBeGreaterThanOrEqual(150);
		expect(cases.filter((c) => c.expected.figures.length === 0).length).toBeGreaterThanOrEqual(5);
	});
});

const dev2 = readSet(join(FIXTURES, 'dev2'));
const holdout = readSet(join(FIXTURES, 'holdout'));

// dev2 was the first held-out set; it became a development set once scored, so only holdout is kept blind.
describe('the held-out set of the report extractor', () => {
	test('has a README that forbids tuning on it', () => {
		expect(holdout.files).toContain('README.md');
		const readme = readFileSync(join(FIXTURES, 'holdout', 'README.md'), 'utf8');
		expect(readme).toMatch(/never tune/i);
	});
});

describe.each([
	{ name: 'dev', ...dev },
	{ name: 'dev2', ...dev2 },
	{ name: 'holdout', ...holdout },
])('the $name set of the report extractor is well formed', ({ files, cases }) => {
	test('holds cases', () => {
		expect(cases.length).toBeGreaterThan(0);
	});

	test('pairs every text with its expected figures, named NNN-slug, numbered without gaps', () => {
		const names = files.filter((f) => f !== 'README.md');
		for (const f of names) expect(f, f).toMatch(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*\.(txt|json)$/);
		const jsons = names.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
		expect(jsons.sort()).toEqual(cases.map((c) => c.base));
		expect(cases.map((c) => Number(c.base.slice(0, 3)))).toEqual(cases.map((_, i) => i + 1));
	});

	test.each(cases)('$base: text is NFC UTF-8 with \\n line breaks', ({ text }) => {
		expect(text.length).toBeGreaterThan(0);
		expect(text).toBe(text.normalize('NFC'));
		expect(text).not.toContain('\r');
		expect(text).not.toContain('\uFFFD');
	});

	test.each(cases)('$base: expected figures are well formed', ({ text, expected }) => {
		expect(Object.keys(expected).sort()).toEqual(['date', 'figures', 'note']);
		expect(expected.note.trim().length).toBeGreaterThan(10);
		// The date is given only when the text has none of its own.
		const textDate = dateInText(text);
		if (expected.date === null)
			expect(textDate, 'a text without a full date needs one').not.toBeNull();
		else expect(isIsoDate(expected.date), expected.date).toBe(true);
		const date = (expected.date ?? textDate)!;
		const scheme = date >= SCHEME_2025_FROM ? '2025' : '2023';

		for (const f of expected.figures) {
			const at = `${f.metric} ${f.value}`;
			expect(Object.keys(f), at).toEqual(FIGURE_KEYS);
			expect(METRICS.has(f.metric), at).toBe(true);
			expect(Number.isFinite(f.value) && f.value >= 0, at).toBe(true);
			if (f.metric === 'petition_resolution_rate') expect(f.value, at).toBeLessThanOrEqual(100);
			else expect(Number.isInteger(f.value), at).toBe(true);
			expect(QUALIFIERS.has(f.qualifier), at).toBe(true);
			expect(SCOPES.has(f.scope), at).toBe(true);
			expect(PERIODS.has(f.period), at).toBe(true);
			expect(typeof f.derived, at).toBe('boolean');

			if (f.unit_key !== null) {
				const key = parseUnitKey(f.unit_key);
				expect(key, at).toBeDefined();
				expect(key!.scheme, `${at}: the report's date chooses the list`).toBe(scheme);
				expect(levels.has(f.unit_key), `${at}: ${f.unit_key} is in data/units`).toBe(true);
				// A sum over sub-units belongs to their parent, which is never a commune.
				if (f.scope === 'subunits') expect(levels.get(f.unit_key), at).not.toBe('commune');
			}

			if (f.period === 'term') {
				expect(f.year, at).toBeNull();
				expect(TERMS.has(f.term ?? ''), at).toBe(true);
			} else {
				expect(f.term, at).toBeNull();
				expect(Number.isInteger(f.year) && f.year! >= 2010 && f.year! <= 2031, at).toBe(true);
			}
			if (f.qualifier === 'cumulative') expect(f.period, at).toBe('term');
		}
	});

	test.each(cases)(
		'$base: a derived part is the stated total less the stated part',
		({ expected }) => {
			const same = (a: Figure, b: Figure) =>
				a.unit_key === b.unit_key &&
				a.scope === b.scope &&
				a.period === b.period &&
				a.year === b.year &&
				a.term === b.term;
			for (const f of expected.figures.filter((x) => x.derived)) {
				expect(['sessions_regular', 'sessions_thematic']).toContain(f.metric);
				const other = f.metric === 'sessions_regular' ? 'sessions_thematic' : 'sessions_regular';
				const total = expected.figures.find(
					(x) => x.metric === 'sessions_total' && !x.derived && same(x, f),
				);
				const part = expected.figures.find((x) => x.metric === other && !x.derived && same(x, f));
				expect(total, `${f.metric}: stated total`).toBeDefined();
				expect(part, `${f.metric}: stated ${other}`).toBeDefined();
				expect(f.value).toBe(total!.value - part!.value);
				expect(f.qualifier).toBe(total!.qualifier);
			}
		},
	);
});
