/**
 * What makes text a notebook the app will keep: UTF-8 text (no NUL bytes), within a size the browser
 * stores and renders at ease, with at least one ```sql cell (a Markdown file without one is a document,
 * not an analysis). Files opened from disk and shared links both pass here before anything is stored.
 */
import type { Bilingual } from '../model/metrics.ts';
import { formatNumber } from '../i18n/format.ts';
import { parseNotebook, type Notebook } from '../model/notebook.ts';

/** The largest notebook kept, in bytes of UTF-8 (the bundled ones are about 4 kB). */
export const MAX_NOTEBOOK_BYTES = 1_000_000;
/** The most cells a notebook may have: each SQL cell is an editor and a result table on the page. */
export const MAX_NOTEBOOK_CELLS = 300;

export type NotebookCheck = { ok: true; notebook: Notebook } | { ok: false; problem: Bilingual };

const n = (value: number, lang: 'vi' | 'en') => formatNumber(value, lang, 0);

/** A message for a file or link larger than MAX_NOTEBOOK_BYTES (`bytes`, or more than it). */
export function tooLarge(bytes: number, more = false): Bilingual {
	const vi = `${more ? 'hơn ' : ''}${n(bytes, 'vi')}`;
	const en = `${more ? 'over ' : ''}${n(bytes, 'en')}`;
	return {
		vi: `Sổ tay quá lớn: ${vi} byte, tối đa ${n(MAX_NOTEBOOK_BYTES, 'vi')} byte.`,
		en: `The notebook is too large: ${en} bytes, at most ${n(MAX_NOTEBOOK_BYTES, 'en')}.`,
	};
}

/** Check text already decoded; `id` names the notebook if it is kept. */
export function checkNotebookText(id: string, text: string): NotebookCheck {
	const bytes = new TextEncoder().encode(text).length;
	if (bytes > MAX_NOTEBOOK_BYTES) return { ok: false, problem: tooLarge(bytes) };
	if (text.includes('\u0000')) {
		return {
			ok: false,
			problem: {
				vi: 'Đây không phải tệp văn bản Markdown (có byte nhị phân).',
				en: 'This is not a Markdown text file (it holds binary bytes).',
			},
		};
	}
	const notebook = parseNotebook(id, text);
	if (!notebook.cells.some((cell) => cell.kind === 'sql')) {
		return {
			ok: false,
			problem: {
				vi: 'Tệp Markdown này không phải sổ tay: không có ô SQL nào (khối ```sql … ```).',
				en: 'This Markdown file is not a notebook: it has no SQL cell (a ```sql … ``` block).',
			},
		};
	}
	if (notebook.cells.length > MAX_NOTEBOOK_CELLS) {
		return {
			ok: false,
			problem: {
				vi: `Sổ tay có ${n(notebook.cells.length, 'vi')} ô, tối đa ${n(MAX_NOTEBOOK_CELLS, 'vi')}.`,
				en: `The notebook has ${n(notebook.cells.length, 'en')} cells, at most ${n(MAX_NOTEBOOK_CELLS, 'en')}.`,
			},
		};
	}
	return { ok: true, notebook };
}

/** Check bytes read from a file: strict UTF-8, then checkNotebookText. */
export function checkNotebookBytes(id: string, bytes: Uint8Array): NotebookCheck {
	if (bytes.length > MAX_NOTEBOOK_BYTES) return { ok: false, problem: tooLarge(bytes.length) };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return {
			ok: false,
			problem: {
				vi: 'Tệp không phải văn bản UTF-8: hãy lưu sổ tay dưới dạng Markdown (.md) mã UTF-8.',
				en: 'The file is not UTF-8 text: save the notebook as Markdown (.md) in UTF-8.',
			},
		};
	}
	return checkNotebookText(id, text);
}
