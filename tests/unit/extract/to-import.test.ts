import { describe, expect, test } from 'vitest';
import { figuresToImport, type ReportSource } from '../../../src/extract/to-import.ts';
import { TO_IMPORT_MESSAGES } from '../../../src/extract/to-import-messages.ts';
import type { ExtractedFigure, ExtractedPeriod } from '../../../src/extract/types.ts';
import { UnitCatalog } from '../../../src/import/unit-catalog.ts';
import { MESSAGES } from '../../../src/import/issue-messages.ts';
import { UNITS } from '../../helpers/import-fixtures.ts';

const units = new UnitCatalog(UNITS);
const now = new Date('2026-11-23T07:05:12.000Z');

/** A news item written for these tests in the style of a district's report. */
const TEXT = [
	'Hội nghị giao ban HĐND huyện Thạch Thất năm 2022.',
	'Năm 2022, HĐND huyện tổ chức 5 kỳ họp, gồm 3 kỳ họp chuyên đề.',
	'HĐND các xã, thị trấn tổ chức 46 kỳ họp thường lệ và 7 kỳ họp chuyên đề.',
	'Thường trực và các Ban HĐND huyện thực hiện 13 cuộc giám sát; Thường trực HĐND các xã, thị trấn thực hiện 177 cuộc giám sát.',
	'Quý III, HĐND huyện thực hiện 4 cuộc giám sát.',
	'Từ đầu nhiệm kỳ đến nay, HĐND huyện đã tổ chức 40 cuộc giám sát.',
	'Năm 2023, huyện tiếp nhận 100 kiến nghị cử tri, đã giải quyết 120 kiến nghị.',
].join('\n');

const SOURCE: ReportSource = {
	title: 'Giao ban HĐND huyện Thạch Thất năm 2022',
	publisher: 'Trang tin huyện Thạch Thất',
	date: '2023-01-11',
	url: null,
	fileName: 'giao-ban-2022.txt',
};

const YEAR_2022: ExtractedPeriod = {
	kind: 'year',
	year: 2022,
	month: null,
	quarter: null,
	term: null,
	from: null,
	to: null,
	basis: 'sentence',
};

let next = 0;
/** A figure whose evidence is the `nth` occurrence of `words` in the text. */
function figure(
	words: string,
	fields: Partial<ExtractedFigure> & Pick<ExtractedFigure, 'metric' | 'value'>,
	nth = 0,
): ExtractedFigure {
	let start = -1;
	for (let i = 0; i <= nth; i++) start = TEXT.indexOf(words, start + 1);
	if (start < 0) throw new Error(`not in the text: ${words}`);
	const sentenceStart = TEXT.lastIndexOf('\n', start) + 1;
	const lineEnd = TEXT.indexOf('\n', start);
	const sentenceEnd = lineEnd < 0 ? TEXT.length : lineEnd;
	next += 1;
	return {
		id: `f${next}`,
		qualifier: 'exact',
		scope: 'own',
		unit: 'HĐND huyện Thạch Thất',
		unitKey: '2023:276',
		unitCandidates: [],
		period: YEAR_2022,
		evidence: words,
		start,
		end: start + words.length,
		sentenceStart,
		sentenceEnd,
		derived: false,
		reasons: [],
		...fields,
	};
}

const SUBUNITS = { scope: 'subunits', unit: 'HĐND các xã, thị trấn' } as const;

/** Thạch Thất 2022: the council's own figures and the communes' sums. */
function thachThat(): ExtractedFigure[] {
	return [
		figure('5 kỳ họp', { metric: 'sessions_total', value: 5 }),
		figure('3 kỳ họp chuyên đề', { metric: 'sessions_thematic', value: 3 }),
		figure('5 kỳ họp, gồm 3 kỳ họp chuyên đề', {
			metric: 'sessions_regular',
			value: 2,
			derived: true,
		}),
		figure('46 kỳ họp thường lệ', { metric: 'sessions_regular', value: 46, ...SUBUNITS }),
		figure('7 kỳ họp chuyên đề', { metric: 'sessions_thematic', value: 7, ...SUBUNITS }),
		figure('13 cuộc giám sát', { metric: 'supervisions', value: 13 }),
		figure('177 cuộc giám sát', { metric: 'supervisions', value: 177, ...SUBUNITS }),
	];
}

const run = (figures: ExtractedFigure[], existing?: Map<string, { kind: string; title: string }>) =>
	figuresToImport({ text: TEXT, figures, source: SOURCE, units, existing, now });

describe('accepted figures as an import', () => {
	test('Thạch Thất 2022: one row for the council, one for its communes, as the template would', () => {
		const figures = thachThat();
		const { record, problems } = run(figures);
		expect(record).not.toBeNull();
		expect(record!.facts.map((f) => [f.scope, f.values, f.qualifier])).toEqual([
			['own', { sessions_regular: 2, sessions_thematic: 3, supervisions: 13 }, null],
			['subunits', { sessions_regular: 46, sessions_thematic: 7, supervisions: 177 }, null],
		]);
		const [own, subunits] = record!.facts;
		expect(own).toMatchObject({
			unit_code: '276',
			scheme: '2023',
			year: 2022,
			period: 'year',
			month: null,
			term: null,
		});
		// The note says what has no column and quotes the sentences (each once).
		expect(own!.note).toBe(
			'Kỳ họp thường lệ 2: suy ra từ các số báo cáo nêu. Tổng số kỳ họp: 5. Trích câu: ' +
				'"Năm 2022, HĐND huyện tổ chức 5 kỳ họp, gồm 3 kỳ họp chuyên đề." ' +
				'"Thường trực và các Ban HĐND huyện thực hiện 13 cuộc giám sát; Thường trực HĐND các xã, thị trấn thực hiện 177 cuộc giám sát."',
		);
		expect(subunits!.note).toContain('"HĐND các xã, thị trấn tổ chức 46 kỳ họp thường lệ');
		// The total is the only thing said: it is kept in the note, and it adds up.
		expect(problems).toEqual([
			{
				figureId: figures[0]!.id,
				severity: 'warning',
				message: TO_IMPORT_MESSAGES.noteOnly({ vi: 'Tổng số kỳ họp', en: 'Sessions in all' }),
			},
		]);
		expect(record).toMatchObject({
			version: 1,
			fileName: 'giao-ban-2022.txt',
			importedAt: expect.stringMatching(/^2026-11-2\dT/),
			format: 'report',
			totalRows: 2,
			rejectedRows: 0,
			source: { kind: 'reported', ...SOURCE },
		});
		expect(record!.id).toMatch(/^report-20261123T070512000Z-[0-9a-z]{7}$/);
		expect(record!.report!.text).toBe(TEXT);
		// Every figure, the total too, can be found again in the text.
		expect(record!.report!.evidence).toHaveLength(7);
		const thematic = record!.report!.evidence.find(
			(e) => e.metric === 'sessions_thematic' && e.scope === 'subunits',
		)!;
		expect(thematic).toMatchObject({
			unitKey: '2023:276',
			period: 'year',
			year: 2022,
			month: null,
			term: null,
		});
		expect(TEXT.slice(thematic.start, thematic.end)).toBe('7 kỳ họp chuyên đề');
		expect(TEXT.slice(thematic.sentenceStart, thematic.sentenceEnd)).toMatch(/^HĐND các xã/);
	});

	test('two different figures of one metric for one row conflict: neither is kept, the rest is', () => {
		const a = figure('13 cuộc giám sát', { metric: 'supervisions', value: 13 });
		const b = figure('177 cuộc giám sát', { metric: 'supervisions', value: 177 });
		const c = figure('3 kỳ họp chuyên đề', { metric: 'sessions_thematic', value: 3 });
		const { record, problems } = run([a, b, c]);
		const message = TO_IMPORT_MESSAGES.conflict(
			{ vi: 'Cuộc giám sát', en: 'Supervisions' },
			[13, 177],
		);
		expect(problems).toEqual([
			{ figureId: a.id, severity: 'error', message },
			{ figureId: b.id, severity: 'error', message },
		]);
		expect(record!.facts.map((f) => f.values)).toEqual([{ sessions_thematic: 3 }]);
		expect(record!.report!.evidence.map((e) => e.metric)).toEqual(['sessions_thematic']);
	});

	test('the same figure read twice is one figure, with both places kept', () => {
		const a = figure('13 cuộc giám sát', { metric: 'supervisions', value: 13 });
		const b = figure('13 cuộc giám sát', { metric: 'supervisions', value: 13 });
		const { record, problems } = run([a, b]);
		expect(problems).toEqual([]);
		expect(record!.facts.map((f) => f.values)).toEqual([{ supervisions: 13 }]);
		expect(record!.report!.evidence).toHaveLength(2);
	});

	test('a figure with no unit is left out, with the candidates named', () => {
		const lost = figure('13 cuộc giám sát', {
			metric: 'supervisions',
			value: 13,
			unitKey: null,
			unitCandidates: [
				{
					key: '2023:276',
					nameWithType: 'Huyện Thạch Thất',
					level: 'district',
					province: 'Hà Nội',
				},
			],
		});
		const kept = figure('3 kỳ họp chuyên đề', { metric: 'sessions_thematic', value: 3 });
		const { record, problems } = run([lost, kept]);
		expect(problems).toEqual([
			{
				figureId: lost.id,
				severity: 'error',
				message: TO_IMPORT_MESSAGES.chooseUnit(['Huyện Thạch Thất (Hà Nội)']),
			},
		]);
		expect(problems[0]!.message.vi).toBe(
			'Chưa rõ số liệu này của đơn vị nào: chọn một đơn vị. Có thể là: Huyện Thạch Thất (Hà Nội).',
		);
		expect(record!.facts).toHaveLength(1);
		expect(run([lost]).record).toBeNull();
	});

	test('a quarter or a date span cannot be stored yet: an error, nothing kept', () => {
		const quarter = figure('4 cuộc giám sát', {
			metric: 'supervisions',
			value: 4,
			period: { ...YEAR_2022, kind: 'quarter', quarter: 3 },
		});
		const span = figure('40 cuộc giám sát', {
			metric: 'supervisions',
			value: 40,
			period: { ...YEAR_2022, kind: 'span', year: null, from: '2021-07-01', to: '2023-01-11' },
		});
		const { record, problems } = run([quarter, span]);
		expect(record).toBeNull();
		expect(problems).toEqual([
			{ figureId: quarter.id, severity: 'error', message: TO_IMPORT_MESSAGES.choosePeriod() },
			{ figureId: span.id, severity: 'error', message: TO_IMPORT_MESSAGES.choosePeriod() },
		]);
	});

	test('a count to date is stored as a lower bound of the term, and the note says until when', () => {
		const cumulative = figure('40 cuộc giám sát', {
			metric: 'supervisions',
			value: 40,
			qualifier: 'cumulative',
			period: { ...YEAR_2022, kind: 'term', year: null, term: '2021-2026', to: '2023-01-11' },
		});
		const { record, problems } = run([cumulative]);
		expect(record!.facts).toEqual([
			expect.objectContaining({
				period: 'term',
				term: '2021-2026',
				year: null,
				scheme: '2023',
				values: { supervisions: 40 },
				qualifier: 'at_least',
				note: expect.stringMatching(/^Cuộc giám sát: lũy kế đến 11\/01\/2023\. Trích câu: "Từ đầu/),
			}),
		]);
		expect(problems).toEqual([
			{
				figureId: cumulative.id,
				severity: 'warning',
				message: TO_IMPORT_MESSAGES.cumulative('đến 11/01/2023'),
			},
		]);
		expect(record!.report!.evidence[0]).toMatchObject({ period: 'term', term: '2021-2026' });
	});

	test("the validator's errors come back to the figures of their row: resolved above received", () => {
		const year2023 = { ...YEAR_2022, year: 2023 };
		const received = figure('100 kiến nghị', {
			metric: 'petitions_received',
			value: 100,
			period: year2023,
		});
		const resolved = figure('120 kiến nghị', {
			metric: 'petitions_resolved',
			value: 120,
			period: year2023,
		});
		const { record, problems } = run([received, resolved]);
		expect(record).toBeNull();
		const message = MESSAGES.resolvedAboveReceived(120, 100);
		expect(problems).toEqual([
			{
				figureId: received.id,
				severity: 'error',
				message: TO_IMPORT_MESSAGES.leftOutWithRow(message),
			},
			{ figureId: resolved.id, severity: 'error', message },
		]);
	});

	test('a unit of the other list for the year is refused as in a file', () => {
		const wrong = figure('13 cuộc giám sát', {
			metric: 'supervisions',
			value: 13,
			unitKey: '2025:01',
		});
		const { record, problems } = run([wrong]);
		expect(record).toBeNull();
		expect(problems).toEqual([
			{
				figureId: wrong.id,
				severity: 'error',
				message: MESSAGES.yearNotInScheme(2022, '2025', null),
			},
		]);
	});

	test('a total alone stores nothing; a total that does not add up is said', () => {
		const total = figure('5 kỳ họp', { metric: 'sessions_total', value: 5 });
		expect(run([total])).toEqual({
			record: null,
			problems: [
				{
					figureId: total.id,
					severity: 'error',
					message: TO_IMPORT_MESSAGES.noteOnlyAlone({
						vi: 'Tổng số kỳ họp',
						en: 'Sessions in all',
					}),
				},
			],
		});
		const regular = figure('5 kỳ họp', { metric: 'sessions_regular', value: 3 });
		const thematic = figure('3 kỳ họp chuyên đề', { metric: 'sessions_thematic', value: 3 });
		const { problems } = run([total, regular, thematic]);
		expect(problems.map((p) => p.message)).toEqual([
			TO_IMPORT_MESSAGES.noteOnly({ vi: 'Tổng số kỳ họp', en: 'Sessions in all' }),
			TO_IMPORT_MESSAGES.totalMismatch(5, 3, 3),
		]);
	});

	test('the share of petitions resolved goes in the note, in the Vietnamese way', () => {
		const rate = figure('đã giải quyết 120', {
			metric: 'petition_resolution_rate',
			value: 89.2,
		});
		const received = figure('100 kiến nghị', { metric: 'petitions_received', value: 100 });
		const { record } = run([rate, received]);
		expect(record!.facts[0]!.note).toMatch(/^Tỷ lệ kiến nghị cử tri đã giải quyết: 89,2%\. /);
		expect(record!.facts[0]!.values).toEqual({ petitions_received: 100 });
	});

	test('one qualifier per row: a lower bound makes the row "at least"; two kinds cannot share a row', () => {
		const exact = figure('3 kỳ họp chuyên đề', { metric: 'sessions_thematic', value: 3 });
		const above = figure('13 cuộc giám sát', {
			metric: 'supervisions',
			value: 13,
			qualifier: 'at_least',
		});
		const mixed = run([exact, above]);
		expect(mixed.record!.facts[0]!.qualifier).toBe('at_least');
		expect(mixed.problems).toEqual([
			{
				figureId: exact.id,
				severity: 'warning',
				message: TO_IMPORT_MESSAGES.exactInQualifiedRow('at_least'),
			},
			{
				figureId: above.id,
				severity: 'warning',
				message: MESSAGES.qualifierFromText('trên 13', 13, 'at_least'),
			},
		]);
		// All of one kind: the row's qualifier, no warning.
		const both = run([
			{ ...exact, qualifier: 'approx' },
			{ ...above, qualifier: 'approx' },
		]);
		expect(both.problems).toEqual([]);
		expect(both.record!.facts[0]!.qualifier).toBe('approx');
		// "at least" and "about" in one row: the validator refuses the row.
		const clash = run([{ ...exact, qualifier: 'approx' }, above]);
		expect(clash.record).toBeNull();
		const conflict = MESSAGES.qualifierConflict('trên 13', 'approx');
		expect(clash.problems).toEqual([
			{
				figureId: exact.id,
				severity: 'error',
				message: TO_IMPORT_MESSAGES.leftOutWithRow(conflict),
			},
			{ figureId: above.id, severity: 'error', message: conflict },
		]);
	});

	test('figures an imported file already gives are replaced, and the warning says so', () => {
		const kept = figure('13 cuộc giám sát', { metric: 'supervisions', value: 13 });
		const existing = new Map([
			['2023|276|year|2022|||own', { kind: 'imported', title: 'so-lieu.csv' }],
		]);
		expect(run([kept], existing).problems).toEqual([
			{
				figureId: kept.id,
				severity: 'warning',
				message: TO_IMPORT_MESSAGES.replacesImported('so-lieu.csv'),
			},
		]);
	});

	test('a long sentence is cut in the note', () => {
		const long = `${'Rất dài '.repeat(60)}13 cuộc giám sát.`;
		const start = long.indexOf('13');
		const f = figure('13 cuộc giám sát', { metric: 'supervisions', value: 13 });
		const { record } = figuresToImport({
			text: long,
			figures: [{ ...f, start, end: start + 2, sentenceStart: 0, sentenceEnd: long.length }],
			source: { ...SOURCE, fileName: null },
			units,
			now,
		});
		const quoted = /"(.*)"/.exec(record!.facts[0]!.note!)![1]!;
		expect(quoted).toHaveLength(300);
		expect(quoted.endsWith('…')).toBe(true);
		expect(record!.fileName).toBe(SOURCE.title);
	});
});
