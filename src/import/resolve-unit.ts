/**
 * The unit a row's code names. Codes must exist in the row's list (with the closest units as suggestions
 * when they do not), and belong to the list of the row's year: codes were reused on 1 July 2025 (`24` is
 * Bắc Ninh in the 2025 list and was Bắc Giang before). Excel drops leading zeros, so a short code is
 * matched against the padded ones.
 */
import type { Bilingual } from '../model/metrics.ts';
import type { PeriodKind } from '../model/periods.ts';
import type { Scheme } from '../model/units.ts';
import { MESSAGES } from './issue-messages.ts';
import { schemeOfPeriod } from './row-period.ts';
import type { AddIssue } from './row-reader.ts';
import type { UnitCatalog } from './unit-catalog.ts';

/** The unit a row's code names in its scheme, with issues for what is wrong; null when there is none. */
export function resolveUnit(
	codeText: string,
	nameText: string,
	scheme: Scheme,
	year: number | null,
	period: PeriodKind | null,
	month: number | null,
	units: UnitCatalog,
	add: AddIssue,
): string | null {
	const other: Scheme = scheme === '2023' ? '2025' : '2023';
	const reuse = (code: string): Bilingual | null => {
		const u25 = units.get('2025', code);
		const u23 = units.get('2023', code);
		return u25 && u23 && u25.name !== u23.name ? MESSAGES.codeReused(code, u25, u23) : null;
	};
	const digits = /^\d+$/.test(codeText);
	let unit = digits ? units.get(scheme, codeText) : undefined;
	if (!unit && digits) {
		let candidates = units.padded(scheme, codeText);
		if (nameText && candidates.length > 1) {
			const named = candidates.filter((u) => units.nameMatches(u, nameText));
			if (named.length > 0) candidates = named;
		}
		if (candidates.length === 1) {
			unit = candidates[0]!;
			add('warning', 'code_padded', MESSAGES.codePadded(codeText, unit), 'unit_code');
		} else if (candidates.length > 1) {
			add(
				'error',
				'ambiguous_code',
				MESSAGES.ambiguousCode(codeText, scheme, candidates),
				'unit_code',
			);
			return null;
		}
	}
	if (!unit) {
		const elsewhere = digits
			? (units.get(other, codeText) ??
				(units.padded(other, codeText).length === 1 ? units.padded(other, codeText)[0] : undefined))
			: undefined;
		if (elsewhere) {
			add(
				'error',
				'other_scheme',
				MESSAGES.otherSchemeOnly(codeText, scheme, elsewhere),
				'unit_code',
			);
			return null;
		}
		const suggestions = nameText
			? units.closestByName(nameText, scheme)
			: digits
				? units.closestByCode(codeText, scheme)
				: units.closestByName(codeText, scheme);
		add('error', 'unknown_unit', MESSAGES.unknownUnit(codeText, scheme, suggestions), 'unit_code');
		return null;
	}
	// The code exists in the row's list; does the year belong to that list?
	if (year !== null && period && period !== 'term') {
		const expected = schemeOfPeriod(year, period, month);
		if (expected !== scheme) {
			add(
				'error',
				'year_not_in_scheme',
				MESSAGES.yearNotInScheme(year, scheme, reuse(unit.code)),
				'scheme',
			);
			return null;
		}
	}
	// Does the name, if given, name this unit or the one the code meant in the other list?
	if (nameText && !units.nameMatches(unit, nameText)) {
		const twin = units.get(other, unit.code);
		const reused = reuse(unit.code);
		if (twin && reused && units.nameMatches(twin, nameText)) {
			add(
				'error',
				'name_other_scheme',
				MESSAGES.nameOtherScheme(nameText, scheme, reused),
				'unit_name',
			);
			return null;
		}
		add('warning', 'name_mismatch', MESSAGES.nameMismatch(nameText, unit), 'unit_name');
	}
	return unit.code;
}
