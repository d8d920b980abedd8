/**
 * When a row's figures are for: its year, month, term and kind of period, and the list of units (scheme)
 * its code belongs to. A term total is not a year and a month needs its year; codes were reused on
 * 1 July 2025, so the scheme follows from the period when the row does not say it.
 */
import { FIRST_YEAR, LAST_YEAR, TERMS, type PeriodKind } from '../model/periods.ts';
import { FIRST_YEAR_OF_2025_SCHEME, type Scheme } from '../model/units.ts';
import { PERIOD_WORDS } from './cell-words.ts';
import { normaliseHeader } from './columns.ts';
import { MESSAGES } from './issue-messages.ts';
import { parseWhole } from './numbers.ts';
import type { RowReader } from './row-reader.ts';

export interface RowPeriod {
	year: number | null;
	month: number | null;
	term: string | null;
	/** Null when the period cell is not understood (an error is recorded). */
	period: PeriodKind | null;
	/** The year cell held something that is not a year: the issues that follow from it are not repeated. */
	yearBroken: boolean;
}

const TERM_PATTERN = /^(\d{4})\s*[-–—/]\s*(\d{4})$/;

/** The list whose units report a period of a year: the 2025 list from 1 July 2025. */
export function schemeOfPeriod(year: number, period: PeriodKind, month: number | null): Scheme {
	if (year < FIRST_YEAR_OF_2025_SCHEME) return '2023';
	if (year > FIRST_YEAR_OF_2025_SCHEME) return '2025';
	if (period === 'h1' || (period === 'month' && month !== null && month < 7)) return '2023';
	return '2025';
}

/** The row's year, month, term and period, with an issue for each that is missing, broken or contradictory. */
export function readPeriod(row: RowReader): RowPeriod {
	let year: number | null = null;
	let yearBroken = false;
	const yearText = row.text('year');
	if (yearText !== '') {
		const term = TERM_PATTERN.exec(yearText);
		if (term) {
			row.add('error', 'term_in_year', MESSAGES.termInYear(yearText), 'year');
			yearBroken = true;
		} else {
			year = parseWhole(row.cell('year'));
			if (year === null || year < 1990 || year > 2100) {
				row.add('error', 'invalid_year', MESSAGES.invalidYear(yearText), 'year');
				year = null;
				yearBroken = true;
			} else if (year < FIRST_YEAR || year > LAST_YEAR) {
				row.add('warning', 'year_outside_range', MESSAGES.yearOutsideRange(year), 'year');
			}
		}
	}
	let month: number | null = null;
	const monthText = row.text('month');
	if (monthText !== '') {
		month = parseWhole(row.cell('month'));
		if (month === null || month < 1 || month > 12) {
			row.add('error', 'invalid_month', MESSAGES.invalidMonth(monthText), 'month');
			month = null;
		}
	}
	let term: string | null = null;
	const termText = row.text('term');
	if (termText !== '') {
		const match = TERM_PATTERN.exec(termText);
		const normal = match ? `${match[1]}-${match[2]}` : termText;
		if ((TERMS as readonly string[]).includes(normal)) term = normal;
		else row.add('error', 'invalid_term', MESSAGES.invalidTerm(termText), 'term');
	}
	let period: PeriodKind | null;
	const periodText = row.text('period');
	if (periodText !== '') {
		period = PERIOD_WORDS.get(normaliseHeader(periodText)) ?? null;
		if (!period) row.add('error', 'invalid_period', MESSAGES.invalidPeriod(periodText), 'period');
	} else if (termText !== '' && yearText === '') period = 'term';
	else if (monthText !== '') period = 'month';
	else period = 'year';

	if (period === 'year' && termText !== '') {
		row.add('error', 'term_as_year', MESSAGES.termAsYear(term ?? termText), 'term');
	}
	if (period && period !== 'term' && year === null && !yearBroken) {
		row.add('error', 'missing_year', MESSAGES.missingYear(), row.columnOr('year', 'period'));
	}
	if (period === 'term') {
		if (termText === '') {
			row.add('error', 'missing_term', MESSAGES.missingTerm(), row.columnOr('term', 'period'));
		}
		if (year !== null) {
			row.add('warning', 'year_ignored_for_term', MESSAGES.yearIgnoredForTerm(year), 'year');
			year = null;
		}
	}
	if (period === 'month' && monthText === '') {
		row.add('error', 'missing_month', MESSAGES.missingMonth(), row.columnOr('month', 'period'));
	}
	if (period && period !== 'month' && monthText !== '') {
		row.add('error', 'month_without_month_period', MESSAGES.monthWithoutMonthPeriod(), 'month');
	}
	return { year, month, term, period, yearBroken };
}

/** The row's scheme: written in its cell, or taken from the period; null when neither tells. */
export function readScheme(row: RowReader, when: RowPeriod): Scheme | null {
	const { year, month, term, period, yearBroken } = when;
	let scheme: Scheme | null = null;
	const schemeText = row.text('scheme');
	if (schemeText !== '') {
		const match = /(?:^|\D)(2023|2025)(?:\D|$)/.exec(schemeText);
		if (match) scheme = match[1] as Scheme;
		else row.add('error', 'invalid_scheme', MESSAGES.invalidScheme(schemeText), 'scheme');
	} else if (year !== null && period) {
		scheme = schemeOfPeriod(year, period, month);
		if (row.has('scheme')) {
			row.add('warning', 'scheme_inferred', MESSAGES.schemeInferred(scheme, year), 'scheme');
		}
	} else if (term === '2016-2021') scheme = '2023';
	else if (term === '2026-2031') scheme = '2025';
	else if (!yearBroken) row.add('error', 'scheme_unknown', MESSAGES.schemeUnknown(), 'scheme');
	return scheme;
}
