/**
 * A saved web page → its readable text, without a DOM (the same code runs in `npm run extract`). Scripts,
 * styles, the head, forms' drop-down lists, navigation and menus are dropped; block elements end a line,
 * table cells are separated by tabs so that a row stays on one line; entities are decoded; runs of spaces
 * collapse. It is a converter, not a parser: malformed markup gives imperfect text, never an error.
 */
import { tidyLines } from './tidy.ts';

export interface HtmlText {
	text: string;
	title: string | null;
}

/** Elements whose whole content is dropped. */
const DROPPED = new Set([
	'head',
	'script',
	'style',
	'noscript',
	'template',
	'svg',
	'math',
	'iframe',
	'object',
	'canvas',
	'select',
	'button',
	'nav',
	'aside',
	'dialog',
]);

/** Elements whose content is raw text (no tags inside), found by their closing tag alone. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript']);

/** Elements that never have content or a closing tag. */
const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr',
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
	'address',
	'article',
	'blockquote',
	'br',
	'caption',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'legend',
	'li',
	'main',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'tfoot',
	'thead',
	'tr',
	'ul',
]);

/** Containers a page's menus are usually made of, recognised by their class, id or role. */
const MENU_CONTAINERS = new Set(['div', 'ul', 'ol', 'section', 'header', 'table']);
const MENU_WORDS = new Set([
	'menu',
	'menubar',
	'nav',
	'navbar',
	'navigation',
	'breadcrumb',
	'breadcrumbs',
	'sidebar',
]);

/** Named entities common in Vietnamese pages: punctuation, spaces, and Latin-1 letters with accents. */
const NAMED: Record<string, string> = (() => {
	const table: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: '\u00a0',
		ensp: ' ',
		emsp: ' ',
		thinsp: ' ',
		shy: '',
		zwnj: '',
		zwj: '',
		ndash: '–',
		mdash: '—',
		hellip: '…',
		lsquo: '‘',
		rsquo: '’',
		sbquo: '‚',
		ldquo: '“',
		rdquo: '”',
		bdquo: '„',
		laquo: '«',
		raquo: '»',
		bull: '•',
		middot: '·',
		copy: '©',
		reg: '®',
		trade: '™',
		deg: '°',
		times: '×',
		divide: '÷',
		plusmn: '±',
		sect: '§',
		para: '¶',
		euro: '€',
		percnt: '%',
		sup2: '²',
		sup3: '³',
		frac12: '½',
		Dstrok: 'Đ',
		dstrok: 'đ',
		ccedil: 'ç',
		Ccedil: 'Ç',
	};
	const marks: Record<string, string> = {
		grave: '\u0300',
		acute: '\u0301',
		circ: '\u0302',
		tilde: '\u0303',
		uml: '\u0308',
		breve: '\u0306',
	};
	for (const base of 'aeiouyAEIOUY') {
		for (const [name, mark] of Object.entries(marks)) {
			const letter = (base + mark).normalize('NFC');
			if (letter.length === 1) table[base + name] = letter;
		}
	}
	return table;
})();

/** Numeric references 128–159 mean Windows-1252 characters, as browsers read them. */
const CP1252: Record<number, string> = {
	128: '€',
	130: '‚',
	132: '„',
	133: '…',
	139: '‹',
	145: '‘',
	146: '’',
	147: '“',
	148: '”',
	149: '•',
	150: '–',
	151: '—',
	153: '™',
	155: '›',
};

/** Decode named (common ones) and numeric character references. */
export function decodeHtmlEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(
		/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
		(whole, body) => {
			if (body[0] !== '#') return NAMED[body] ?? whole;
			const code =
				body[1] === 'x' || body[1] === 'X'
					? parseInt(body.slice(2), 16)
					: parseInt(body.slice(1), 10);
			if (CP1252[code]) return CP1252[code];
			if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
			return String.fromCodePoint(code);
		},
	);
}

/**
 * Comments, declarations and tags, in order (the text is what lies between them). A tag may not contain
 * "<", even in a quoted value: otherwise every unclosed "<" of a broken page would scan to the end, and
 * a page of them would take minutes.
 */
const TOKEN =
	/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][\w:-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
const ATTR = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attributesOf(source: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	for (const m of source.matchAll(ATTR)) {
		attrs[m[1]!.toLowerCase()] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
	}
	return attrs;
}

function looksLikeMenu(name: string, attrs: Record<string, string>): boolean {
	const role = attrs.role?.toLowerCase();
	if (role === 'navigation' || role === 'menu' || role === 'menubar') return true;
	if ('hidden' in attrs || /display\s*:\s*none/i.test(attrs.style ?? '')) return true;
	if (!MENU_CONTAINERS.has(name)) return false;
	const words = `${attrs.class ?? ''} ${attrs.id ?? ''}`.toLowerCase().split(/[\s_-]+/);
	return words.some((w) => MENU_WORDS.has(w));
}

const collapse = (text: string) => text.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();

interface Pass {
	text: string;
	title: string | null;
	h1: string | null;
}

function convert(html: string, dropMenus: boolean): Pass {
	const out: string[] = [];
	let title: string | null = null;
	let h1: string | null = null;
	let h1Parts: string[] | null = null;
	/** The element being dropped, and how deep inside its own name we are. */
	let skip: { name: string; depth: number } | null = null;
	let pre = 0;
	const emit = (text: string) => {
		out.push(text);
		h1Parts?.push(text);
	};
	let last = 0;
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
		if (m.index > last && !skip) {
			const raw = decodeHtmlEntities(html.slice(last, m.index));
			emit(pre > 0 ? raw : raw.replace(/[ \t\n\r\f]+/g, ' '));
		}
		last = TOKEN.lastIndex;
		const name = m[2]?.toLowerCase();
		if (!name) continue; // comment, CDATA, doctype, processing instruction
		const closing = m[1] === '/';
		const selfClosing = /\/\s*$/.test(m[3] ?? '');
		if (!closing && RAW_TEXT.has(name)) {
			// Raw text runs to the closing tag whatever it contains ("<" in a script is not a tag).
			const end = new RegExp(`</${name}\\s*>`, 'gi');
			end.lastIndex = last;
			const found = end.exec(html);
			const content = html.slice(last, found ? found.index : html.length);
			TOKEN.lastIndex = last = found ? end.lastIndex : html.length;
			if (name === 'title' && title === null) title = collapse(decodeHtmlEntities(content));
			else if (name === 'textarea' && !skip) emit(` ${decodeHtmlEntities(content)} `);
			continue;
		}
		if (skip) {
			if (name === skip.name && !VOID.has(name) && !selfClosing) {
				skip.depth += closing ? -1 : 1;
				if (skip.depth === 0) skip = null;
			}
			continue;
		}
		if (!closing && !VOID.has(name) && !selfClosing) {
			const attrs = attributesOf(m[3] ?? '');
			if (DROPPED.has(name) || (dropMenus && looksLikeMenu(name, attrs))) {
				skip = { name, depth: 1 };
				continue;
			}
		}
		if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
		if (name === 'h1') {
			if (!closing && h1 === null) h1Parts = [];
			else if (closing && h1Parts) {
				h1 = collapse(h1Parts.join('')) || null;
				h1Parts = null;
			}
		}
		if (name === 'td' || name === 'th') {
			if (!closing) out.push('\t');
		} else if (BLOCK.has(name)) out.push('\n');
	}
	if (last < html.length && !skip) emit(decodeHtmlEntities(html.slice(last)).replace(/\s+/g, ' '));
	return { text: tidyLines(out.join('')), title, h1 };
}

/** The readable text of an HTML page and its title (the page's `<title>`, or its first `<h1>`). */
export function htmlToText(html: string): HtmlText {
	let pass = convert(html, true);
	// Menus are recognised by their names; a page that names its whole body "nav-something" would lose
	// its text, so when that leaves next to nothing the page is read again with every container kept.
	if (pass.text.length < 200) {
		const full = convert(html, false);
		if (full.text.length > pass.text.length * 2) pass = full;
	}
	const { title, h1 } = pass;
	// A page's <title> is often the headline plus the site's name; the <h1> alone is cleaner then.
	const best = h1 && (!title || title.includes(h1)) ? h1 : title || h1;
	return { text: pass.text, title: best || null };
}

/** Whether decoded text is markup: a document skeleton, or (unless named .txt) common block tags. */
export function looksLikeHtml(text: string, fileName: string): boolean {
	const head = text.slice(0, 65536);
	if (/<(!doctype\s+html|html|head|body)\b[^>]*>/i.test(head)) return true;
	if (/\.txt$/i.test(fileName)) return false;
	return /<(p|div|br|h[1-6]|table|article|span|meta)\b[^>]*>/i.test(head);
}
