/**
 * Which provinces the map outlines and which one it opens, from the unit keys of the view (chosen units,
 * the focus, the filter's province). The map shows one scheme's provinces (2023 or 2025): a key of the
 * other scheme, or of a district or commune, is no province of it.
 */
import { parseUnitKey, type Scheme } from '../../model/units.ts';
import type { ViewState } from '../../state/view-state.ts';

/** The key itself when it names a province of the scheme shown, else null. */
export function provinceOfScheme(key: string | null, scheme: Scheme): string | null {
	const parsed = key ? parseUnitKey(key) : undefined;
	return parsed && parsed.code.length === 2 && parsed.scheme === scheme ? key : null;
}

/**
 * The province open when the map is first shown: the focused unit if it is one, else the last province
 * chosen, else the filter's province.
 */
export function initialDrill(
	s: Pick<ViewState, 'selected' | 'focus' | 'province'>,
	scheme: Scheme,
): string | null {
	const selectedProvinces = s.selected.filter((k) => provinceOfScheme(k, scheme));
	return (
		provinceOfScheme(s.focus, scheme) ??
		selectedProvinces.at(-1) ??
		provinceOfScheme(s.province, scheme)
	);
}

/**
 * The province open after a click toggled `key` on the map: choosing a province opens it; letting go of
 * the open one closes it; letting go of another leaves the open one as it is.
 */
export function drillAfterToggle(
	open: string | null,
	key: string,
	wasSelected: boolean,
): string | null {
	return wasSelected ? (open === key ? null : open) : key;
}
