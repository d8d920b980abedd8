/** Numbers and dates in the user's language: vi-VN writes 1.234,5 and 23/11/2026. Formatters are memoised. */
export type Lang = 'vi' | 'en';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n:${lang}:${JSON.stringify(options)}`;
	let format = cache.get(key) as Intl.NumberFormat | undefined;
	if (!format) {
		format = new Intl.NumberFormat(LOCALES[lang], options);
		cache.set(key, format);
	}
	return format;
}

/**
 * formatNumber's text of each value already written, by language and digits: a redraw of the dashboard
 * writes a few thousand numbers (cells, bars, their titles and tables), most of them written before, and
 * Intl formatting with its option lookup was about 5 ms of a click. Bounded: emptied when it grows large.
 */
const written = new Map<string, Map<number, string>>();
const WRITTEN_LIMIT = 20_000;

/** A count or a value with at most one decimal: 1.234 or 1.234,5; "—" when not reported. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 1): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '—';
	// A map's keys do not tell -0 from 0, which Intl writes as "-0".
	if (Object.is(value, -0))
		return numberFormat(lang, { maximumFractionDigits: digits }).format(value);
	const key = `${lang}:${digits}`;
	let texts = written.get(key);
	if (!texts || texts.size > WRITTEN_LIMIT) {
		texts = new Map();
		written.set(key, texts);
	}
	let text = texts.get(value);
	if (text === undefined) {
		text = numberFormat(lang, { maximumFractionDigits: digits }).format(value);
		texts.set(value, text);
	}
	return text;
}

/** A fraction as a percentage with one decimal: 0.892 → 89,2%. */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '—';
	return numberFormat(lang, {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
	}).format(value);
}

/** A signed relative change: +12,5% or −3,0%. */
export function formatChange(value: number | null | undefined, lang: Lang): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	return numberFormat(lang, {
		style: 'percent',
		signDisplay: 'exceptZero',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
	}).format(value);
}

/** A byte count in MB with one decimal. */
export function formatMegabytes(bytes: number, lang: Lang): string {
	return `${formatNumber(bytes / 1e6, lang, 1)} MB`;
}

/** A calendar date: 23/11/2026 in Vietnamese. Accepts ISO dates (YYYY-MM-DD) read as local dates. */
/** A span of years as written in titles: "2024" for one year, "2019–2024" for several. */
export function formatYearSpan(from: number, to: number): string {
	return from === to ? String(from) : `${from}–${to}`;
}

export function formatDate(value: Date | string | null | undefined, lang: Lang): string {
	if (!value) return '—';
	const date = typeof value === 'string' ? new Date(`${value}T00:00:00`) : value;
	if (Number.isNaN(date.getTime())) return '—';
	const key = `d:${lang}`;
	let format = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!format) {
		format = new Intl.DateTimeFormat(LOCALES[lang], {
			day: '2-digit',
			month: '2-digit',
			year: 'numeric',
		});
		cache.set(key, format);
	}
	return format.format(date);
}

/** Fill {placeholders} of a message. */
export function interpolate(message: string, params: Record<string, string | number> = {}): string {
	return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole,
	);
}
