/**
 * Dates in workbooks. Excel stores a date as a number of days (a serial) and says it is a date only
 * through the cell's number format: built-in formats 14–22 and 45–47 (and 27–36, 50–58 in East Asian
 * locales), or a custom format with day, month or year codes. Serials count from 30 December 1899 in the
 * 1900 date system (with Lotus's 29 February 1900, which did not exist) and from 1 January 1904 in the
 * 1904 system of old Mac workbooks (`<workbookPr date1904="1"/>`). A date comes out as Vietnamese
 * writes it, "23/11/2026" (with "hh:mm" when the format shows a time).
 */
import { xmlEvents } from './xml.ts';

const BUILT_IN_DATES = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
	52, 53, 54, 55, 56, 57, 58,
]);
/** Built-in formats that show a time of day only (not a date). */
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 45, 46, 47]);

export type DateKind = 'date' | 'datetime' | 'time';

/** What a number format code shows: a date, a date and time, a time, or null for a number. */
export function formatKind(code: string): DateKind | null {
	// Quoted text, escaped characters, colours and locales ([Red], [$-42A]) are not date codes; [h] is.
	const bare = code
		.split(';')[0]!
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
		.toLowerCase();
	if (/general|@|0|#/.test(bare) && !/[dy]/.test(bare)) return null;
	const date = /[dy]/.test(bare) || /(^|[^h:])m{3,}/.test(bare);
	const time = /[hs]/.test(bare);
	if (date && time) return 'datetime';
	if (date) return 'date';
	if (time) return 'time';
	return null;
}

/** The kind of each cell style (`s` attribute index) of a styles part; absent for numbers. */
export function styleKinds(stylesXml: string | undefined): Map<number, DateKind> {
	const kinds = new Map<number, DateKind>();
	if (!stylesXml) return kinds;
	const custom = new Map<number, string>();
	let inCellXfs = false;
	let xf = 0;
	for (const e of xmlEvents(stylesXml)) {
		if (e.type === 'open' && e.name === 'numFmt' && e.attrs.numFmtId && e.attrs.formatCode) {
			custom.set(Number(e.attrs.numFmtId), e.attrs.formatCode);
		} else if (e.type === 'open' && e.name === 'cellXfs') {
			inCellXfs = true;
		} else if (e.type === 'close' && e.name === 'cellXfs') {
			inCellXfs = false;
		} else if (e.type === 'open' && e.name === 'xf' && inCellXfs) {
			const id = Number(e.attrs.numFmtId ?? 0);
			const code = custom.get(id);
			const kind =
				code !== undefined
					? formatKind(code)
					: BUILT_IN_DATES.has(id)
						? BUILT_IN_TIMES.has(id)
							? 'time'
							: id === 22
								? 'datetime'
								: 'date'
						: null;
			if (kind) kinds.set(xf, kind);
			xf++;
		}
	}
	return kinds;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A serial in the workbook's date system as "dd/mm/yyyy" (or "dd/mm/yyyy hh:mm"); null when absurd. */
export function serialToText(serial: number, kind: DateKind, date1904: boolean): string | null {
	if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
	if (kind === 'time') return null;
	// 1900 system: day 1 is 1 January 1900, and day 60 is Lotus's 29 February 1900.
	let days = Math.floor(serial);
	if (!date1904) {
		if (days === 60) return '29/02/1900';
		if (days < 60) days += 1;
	}
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
	const ms = epoch + days * 86_400_000 + Math.round((serial - Math.floor(serial)) * 86_400) * 1000;
	const d = new Date(ms);
	const text = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
	return kind === 'datetime' ? `${text} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : text;
}

/** An ISO 8601 date of a `t="d"` cell as "dd/mm/yyyy"; the text itself when it is not one. */
export function isoToText(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
	if (!m) return iso;
	const date = `${m[3]}/${m[2]}/${m[1]}`;
	return m[4] && (m[4] !== '00' || m[5] !== '00') ? `${date} ${m[4]}:${m[5]}` : date;
}
