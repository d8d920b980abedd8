/** The words data staff write in the period, scope and qualifier cells, and what each one means. */
import type { FactScope, PeriodKind } from '../model/periods.ts';
import type { CountQualifier } from './numbers.ts';

/*
 * The words of the period, scope and qualifier cells (normalised as headers are) are looked up in Maps:
 * a plain object would answer a cell reading "constructor" or "toString" from its prototype.
 */
export const PERIOD_WORDS = new Map<string, PeriodKind>();
for (const [kind, words] of Object.entries({
	year: ['year', 'ca nam', 'nam', 'full year', 'annual', '12 thang', 'y'],
	h1: ['h1', '6 thang', '6 thang dau nam', 'sau thang dau nam', 'first half', 'first half year'],
	m9: ['m9', '9 thang', '9 thang dau nam', 'chin thang dau nam', 'first nine months'],
	month: ['month', 'thang'],
	term: ['term', 'nhiem ky', 'ca nhiem ky', 'whole term'],
} satisfies Record<PeriodKind, string[]>)) {
	for (const w of words) PERIOD_WORDS.set(w, kind as PeriodKind);
}

export const SCOPE_WORDS = new Map<string, FactScope>(
	Object.entries({
		own: 'own',
		'cua chinh hdnd cap nay': 'own',
		'cua chinh hdnd': 'own',
		chinh: 'own',
		'cap nay': 'own',
		'the council s own': 'own',
		subunits: 'subunits',
		'tong cua hdnd cap duoi': 'subunits',
		'hdnd cap duoi': 'subunits',
		'cap duoi': 'subunits',
		'tong cap duoi': 'subunits',
		'sum over sub unit councils': 'subunits',
	} satisfies Record<string, FactScope>),
);

export const QUALIFIER_WORDS = new Map<string, CountQualifier | 'exact'>(
	Object.entries({
		exact: 'exact',
		'chinh xac': 'exact',
		at_least: 'at_least',
		'at least': 'at_least',
		'it nhat': 'at_least',
		'toi thieu': 'at_least',
		hon: 'at_least',
		tren: 'at_least',
		approx: 'approx',
		approximately: 'approx',
		about: 'approx',
		khoang: 'approx',
		'xap xi': 'approx',
		'uoc tinh': 'approx',
		gan: 'approx',
	} satisfies Record<string, CountQualifier | 'exact'>),
);
