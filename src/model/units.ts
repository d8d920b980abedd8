/**
 * Administrative units: schemes, levels and keys.
 * A GSO code alone does not name a unit after 2025 (codes were reused), so every key carries its scheme.
 */
import type { Bilingual } from './metrics.ts';

/** The list a code belongs to: the pre-reorganisation list (2023 snapshot) or the one valid from 1 July 2025. */
export type Scheme = '2023' | '2025';
export const SCHEMES: readonly Scheme[] = ['2023', '2025'];

export type UnitLevel = 'province' | 'district' | 'commune';
export const LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune'];

/** The first year reported by the units of the 2025 list (their councils' year-end reports cover the whole year). */
export const FIRST_YEAR_OF_2025_SCHEME = 2025;

/** The scheme whose units report the given year. */
export function schemeOfYear(year: number): Scheme {
	return year >= FIRST_YEAR_OF_2025_SCHEME ? '2025' : '2023';
}

/** Levels that exist in a scheme: the district level was abolished on 1 July 2025. */
export function levelsOfScheme(scheme: Scheme): readonly UnitLevel[] {
	return scheme === '2025' ? ['province', 'commune'] : LEVELS;
}

/** A unit key such as `2025:24`: scheme and code, unambiguous across the reorganisation. */
export function unitKey(scheme: Scheme, code: string): string {
	return `${scheme}:${code}`;
}

/** Split a unit key into its scheme and code; undefined when the text is not a key. */
export function parseUnitKey(key: string): { scheme: Scheme; code: string } | undefined {
	const match = /^(2023|2025):(\d{2}|\d{3}|\d{5})$/.exec(key);
	if (!match) return undefined;
	return { scheme: match[1] as Scheme, code: match[2] as string };
}

export const LEVEL_LABELS: Record<UnitLevel, Bilingual> = {
	province: { vi: 'Cấp tỉnh', en: 'Province' },
	district: { vi: 'Cấp huyện', en: 'District' },
	commune: { vi: 'Cấp xã', en: 'Commune' },
};

/** Labels of the source `type` values (units_2023.csv / units_2025.csv). */
export const UNIT_TYPE_LABELS: Record<string, Bilingual> = {
	tinh: { vi: 'Tỉnh', en: 'Province' },
	'thanh-pho': { vi: 'Thành phố', en: 'City' },
	quan: { vi: 'Quận', en: 'Urban district' },
	huyen: { vi: 'Huyện', en: 'District' },
	'thi-xa': { vi: 'Thị xã', en: 'Town' },
	xa: { vi: 'Xã', en: 'Commune' },
	phuong: { vi: 'Phường', en: 'Ward' },
	'thi-tran': { vi: 'Thị trấn', en: 'Township' },
	'dac-khu': { vi: 'Đặc khu', en: 'Special zone' },
};
