/**
 * Which notebook the page opens, and the name a new notebook is listed under. Pure, so that the rules
 * are tested without a browser; the page's state (NotebooksPage) applies them.
 */
import { SHARED_ID } from '../../notebooks/share.ts';

/** The notebook shown when none is chosen: the first shipped one, else the first own one, else none (''). */
export function defaultChoice(bundledIds: readonly string[], ownIds: readonly string[]): string {
	return bundledIds[0] ?? ownIds[0] ?? '';
}

/**
 * The notebook open once the page has loaded: the one from a shared link, else the one open on the last
 * visit while it still exists (an own notebook may have been deleted since), else the default.
 */
export function firstChoice(
	remembered: string,
	hasShared: boolean,
	bundledIds: readonly string[],
	ownIds: readonly string[],
): string {
	if (hasShared) return SHARED_ID;
	if (bundledIds.includes(remembered) || ownIds.includes(remembered)) return remembered;
	return defaultChoice(bundledIds, ownIds);
}

/** `base`, or `base 2`, `base 3`… : the first not already taken, so that the list tells them apart. */
export function newNotebookName(base: string, taken: Iterable<string>): string {
	const names = new Set(taken);
	let name = base;
	for (let i = 2; names.has(name); i++) name = `${base} ${i}`;
	return name;
}
