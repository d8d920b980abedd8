/**
 * A Word document (.docx, Office Open XML) → its text: one line per paragraph, runs joined, tabs and
 * line breaks kept, a table's row on one line with its cells separated by tabs. Read with fflate's unzip
 * and the project's small XML reader; only the parts needed are inflated, each capped in size, so that a
 * zip bomb is refused instead of filling the memory.
 *
 * Left out on purpose: deleted revisions (`w:del`), field codes (`w:instrText`), hidden text
 * (`w:vanish`), and the fallback copy of text boxes (`mc:Fallback`, which repeats `mc:Choice`).
 * Headers, footers, footnotes and comments live in other parts and are not read: a report's figures are
 * in its body.
 */
import { strFromU8, unzipSync } from 'fflate';
import { xmlEvents } from '../../import/xml.ts';
import { tidyLines } from './tidy.ts';

export type DocxText =
	| { ok: true; text: string; title: string | null }
	| { ok: false; code: 'too_large' | 'damaged' | 'not_docx'; detail: string };

const MAIN_TYPES = [
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
	'application/vnd.ms-word.document.macroEnabled.main+xml',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
	'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
];
const OFFICE_DOCUMENT = /\/officeDocument$/;
const DEFAULT_MAIN = 'word/document.xml';

/** Small parts read first to find the main one; capped lower, since they are lists of a few lines. */
const PACKAGE_PARTS = ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml'];
const MAX_PACKAGE_PART = 4 * 1024 * 1024;

class TooLarge extends Error {}

/** Inflate the named parts (those present), refusing any whose declared size passes the cap. */
function inflate(bytes: Uint8Array, names: readonly string[], cap: number): Record<string, string> {
	const parts = unzipSync(bytes, {
		filter: (file) => {
			if (!names.includes(file.name)) return false;
			// fflate inflates into a buffer of the declared size, so a lying header cannot overflow it.
			if (file.originalSize > cap) throw new TooLarge(file.name);
			return true;
		},
	});
	const text: Record<string, string> = {};
	for (const [name, data] of Object.entries(parts)) text[name] = strFromU8(data);
	return text;
}

/** The main document part: the content types' main part, else the package relationship, else default. */
function mainPartName(parts: Record<string, string>): string {
	for (const e of xmlEvents(parts['[Content_Types].xml'] ?? '')) {
		if (
			e.type === 'open' &&
			e.name === 'Override' &&
			MAIN_TYPES.includes(e.attrs.ContentType ?? '')
		) {
			const name = (e.attrs.PartName ?? '').replace(/^\//, '');
			if (name) return name;
		}
	}
	for (const e of xmlEvents(parts['_rels/.rels'] ?? '')) {
		if (
			e.type === 'open' &&
			e.name === 'Relationship' &&
			OFFICE_DOCUMENT.test(e.attrs.Type ?? '')
		) {
			const name = (e.attrs.Target ?? '').replace(/^\//, '');
			if (name) return name;
		}
	}
	return DEFAULT_MAIN;
}

function coreTitle(xml: string | undefined): string | null {
	if (!xml) return null;
	let inTitle = false;
	let title = '';
	for (const e of xmlEvents(xml)) {
		if (e.type === 'open' && e.name === 'title') inTitle = !e.selfClosing;
		else if (e.type === 'close' && e.name === 'title') inTitle = false;
		else if (e.type === 'text' && inTitle) title += e.text;
	}
	return title.replace(/\s+/g, ' ').trim() || null;
}

/** Elements whose content is not part of the visible text. */
const SKIPPED = new Set(['del', 'moveFrom', 'Fallback', 'instrText', 'delText', 'rPrChange']);
/** Paragraph styles that mark a document's title. */
const TITLE_STYLE = /^(title|heading1|tieude|tiêuđề)$/i;

interface Table {
	rows: string[];
	row: string[] | null;
	cell: string[] | null;
}

/** The text of a WordprocessingML body, and its first paragraph styled as a title. */
export function documentText(xml: string): { text: string; styledTitle: string | null } {
	const lines: string[] = [];
	const tables: Table[] = [];
	/** Paragraphs being read: a text box inside a paragraph holds paragraphs of its own. */
	const paragraphs: { text: string; style: string }[] = [];
	let styledTitle: string | null = null;
	let skip = 0;
	let run = 0;
	let hidden = false;
	let inText = false;

	const emit = (line: string) => {
		const table = tables.at(-1);
		if (table?.cell) table.cell.push(line);
		else if (table?.row) table.row.push(line);
		else if (table) table.rows.push(line);
		else lines.push(line);
	};
	const append = (text: string) => {
		const p = paragraphs.at(-1);
		if (p && skip === 0 && !hidden) p.text += text;
	};

	for (const e of xmlEvents(xml)) {
		if (e.type === 'text') {
			if (inText) append(e.text);
			continue;
		}
		const { name } = e;
		if (SKIPPED.has(name)) {
			// A self-closing element gives an open and a close event too, so the count stays even.
			skip = e.type === 'open' ? skip + 1 : Math.max(0, skip - 1);
			continue;
		}
		if (e.type === 'open') {
			switch (name) {
				case 'p':
					paragraphs.push({ text: '', style: '' });
					break;
				case 'pStyle':
					if (paragraphs.length > 0) paragraphs.at(-1)!.style = e.attrs.val ?? '';
					break;
				case 'r':
					run++;
					hidden = false;
					break;
				case 'vanish':
					if (run > 0) hidden = !/^(false|0|off)$/i.test(e.attrs.val ?? '');
					break;
				case 't':
					inText = !e.selfClosing && run > 0;
					break;
				case 'tab':
					// A `w:tab` outside a run is a tab stop of the paragraph's properties, not a character.
					if (run > 0) append('\t');
					break;
				case 'br':
				case 'cr':
					if (run > 0) append('\n');
					break;
				case 'noBreakHyphen':
					if (run > 0) append('-');
					break;
				case 'tbl':
					tables.push({ rows: [], row: null, cell: null });
					break;
				case 'tr':
					if (tables.length > 0) tables.at(-1)!.row = [];
					break;
				case 'tc':
					if (tables.length > 0) tables.at(-1)!.cell = [];
					break;
			}
		} else {
			switch (name) {
				case 'p': {
					const p = paragraphs.pop();
					if (!p) break;
					const text = p.text.trim();
					if (styledTitle === null && text && TITLE_STYLE.test(p.style)) styledTitle = text;
					emit(p.text);
					break;
				}
				case 'r':
					run = Math.max(0, run - 1);
					hidden = false;
					break;
				case 't':
					inText = false;
					break;
				case 'tc': {
					const table = tables.at(-1);
					if (table?.cell && table.row) {
						// A cell's paragraphs share its place in the row.
						table.row.push(table.cell.join(' ').replace(/[\t\n]+/g, ' '));
						table.cell = null;
					}
					break;
				}
				case 'tr': {
					const table = tables.at(-1);
					if (table?.row) {
						if (table.row.some((c) => c.trim() !== '')) table.rows.push(table.row.join('\t'));
						table.row = null;
					}
					break;
				}
				case 'tbl': {
					const table = tables.pop();
					if (table) for (const row of table.rows) emit(row);
					break;
				}
			}
		}
	}
	return { text: tidyLines(lines.join('\n')), styledTitle };
}

/** Read a .docx file's text. Never throws. */
export function readDocx(bytes: Uint8Array, maxPartBytes: number): DocxText {
	try {
		const packageParts = inflate(bytes, PACKAGE_PARTS, Math.min(MAX_PACKAGE_PART, maxPartBytes));
		const main = mainPartName(packageParts);
		const body = inflate(bytes, [main], maxPartBytes)[main];
		if (body === undefined) return { ok: false, code: 'not_docx', detail: `no ${main}` };
		const { text, styledTitle } = documentText(body);
		return { ok: true, text, title: coreTitle(packageParts['docProps/core.xml']) ?? styledTitle };
	} catch (error) {
		if (error instanceof TooLarge) return { ok: false, code: 'too_large', detail: error.message };
		return {
			ok: false,
			code: 'damaged',
			detail: error instanceof Error ? error.message : String(error),
		};
	}
}
