/**
 * The credit and licence of data drawn into a chart (today: the province boundaries of the map). A
 * licence such as CC BY-SA 4.0 asks for its attribution wherever the data goes, so a chart that draws
 * such data names it on screen and carries it into every exported file.
 */
import type { MessageKey } from '../i18n/messages.ts';
import type { Scheme } from '../model/units.ts';

/** One credit: what to write, under which licence. */
export interface Credit {
	/** A stable name for files and tests: `boundaries-2016`, `boundaries-2025`. */
	id: string;
	/** The attribution in the interface's language. */
	text: string;
	licence: string;
	licenceUrl: string;
}

const BOUNDARIES: Record<
	Scheme,
	{ id: string; message: MessageKey; licence: string; licenceUrl: string }
> = {
	// The units of the 2023 list are drawn with geoBoundaries' 2016 outlines (data/README.md).
	'2023': {
		id: 'boundaries-2016',
		message: 'mapAttribution2023',
		licence: 'CC BY-SA 4.0',
		licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
	},
	'2025': {
		id: 'boundaries-2025',
		message: 'mapAttribution2025',
		licence: 'MIT',
		licenceUrl: 'https://opensource.org/license/mit',
	},
};

/** The credit of the province boundaries drawn for a scheme. */
export function boundaryCredit(scheme: Scheme, t: (key: MessageKey) => string): Credit {
	const { id, message, licence, licenceUrl } = BOUNDARIES[scheme];
	return { id, text: t(message), licence, licenceUrl };
}

/** Credits of several charts, each once, in the order first met. */
export function uniqueCredits(credits: readonly Credit[]): Credit[] {
	const seen = new Map<string, Credit>();
	for (const credit of credits) if (!seen.has(credit.id)) seen.set(credit.id, credit);
	return [...seen.values()];
}
