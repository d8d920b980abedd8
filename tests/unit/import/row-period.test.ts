import { describe, expect, it } from 'vitest';
import type { ImportColumnId } from '../../../src/import/columns.ts';
import type { IssueCode } from '../../../src/import/issue-messages.ts';
import { cellText } from '../../../src/import/numbers.ts';
import { readPeriod, readScheme, schemeOfPeriod } from '../../../src/import/row-period.ts';
import type { RowReader } from '../../../src/import/row-reader.ts';
import type { Cell } from '../../../src/import/types.ts';

/** A row of the given cells, recording the codes of its issues with the column each points at. */
function row(cells: Partial<Record<ImportColumnId, Cell>>) {
	const issues: string[] = [];
	const reader: RowReader = {
		cell: (id) => cells[id] ?? null,
		text: (id) => cellText(cells[id] ?? null),
		has: (id) => id in cells,
		columnOr: (id, fallback) => (id in cells ? id : fallback in cells ? fallback : null),
		add: (severity, code: IssueCode, _message, id) =>
			issues.push(`${severity}:${code}@${id ?? ''}`),
	};
	return { reader, issues };
}

describe('schemeOfPeriod', () => {
	it('puts figures before 1 July 2025 in the 2023 list and later ones in the 2025 list', () => {
		expect(schemeOfPeriod(2024, 'year', null)).toBe('2023');
		expect(schemeOfPeriod(2025, 'h1', null)).toBe('2023');
		expect(schemeOfPeriod(2025, 'month', 6)).toBe('2023');
		expect(schemeOfPeriod(2025, 'month', 7)).toBe('2025');
		expect(schemeOfPeriod(2025, 'year', null)).toBe('2025');
		expect(schemeOfPeriod(2026, 'h1', null)).toBe('2025');
	});
});

describe('readPeriod', () => {
	it('reads a month figure from its year and month, with no issue', () => {
		const { reader, issues } = row({ year: 2024, month: '3' });
		expect(readPeriod(reader)).toEqual({
			year: 2024,
			month: 3,
			term: null,
			period: 'month',
			yearBroken: false,
		});
		expect(issues).toEqual([]);
	});

	it('takes a term written in the year cell for what it is: not a year', () => {
		const { reader, issues } = row({ year: '2021 - 2026' });
		expect(readPeriod(reader)).toMatchObject({ year: null, period: 'year', yearBroken: true });
		// The broken year is reported once; "missing year" would only repeat it.
		expect(issues).toEqual(['error:term_in_year@year']);
	});

	it('drops the year of a whole-term total and says so', () => {
		const { reader, issues } = row({ period: 'Cả nhiệm kỳ', term: '2021–2026', year: 2023 });
		expect(readPeriod(reader)).toMatchObject({ year: null, term: '2021-2026', period: 'term' });
		expect(issues).toEqual(['warning:year_ignored_for_term@year']);
	});

	it('points a missing month at the period column when the file has no month column', () => {
		const { reader, issues } = row({ period: 'Tháng', year: 2024 });
		expect(readPeriod(reader).period).toBe('month');
		expect(issues).toEqual(['error:missing_month@period']);
	});
});

describe('readScheme', () => {
	it('takes the written scheme, else the one of the period, else the one of the term', () => {
		const written = row({ scheme: 'Danh mục 2025', year: 2026 });
		expect(readScheme(written.reader, readPeriod(written.reader))).toBe('2025');

		const inferred = row({ scheme: '', year: 2025, period: '6 tháng đầu năm' });
		expect(readScheme(inferred.reader, readPeriod(inferred.reader))).toBe('2023');
		expect(inferred.issues).toEqual(['warning:scheme_inferred@scheme']);

		const term = row({ term: '2026-2031' });
		expect(readScheme(term.reader, readPeriod(term.reader))).toBe('2025');
	});

	it('says when nothing tells the scheme', () => {
		const { reader, issues } = row({ term: '2021-2026' });
		expect(readScheme(reader, readPeriod(reader))).toBeNull();
		expect(issues).toEqual(['error:scheme_unknown@scheme']);
	});
});
