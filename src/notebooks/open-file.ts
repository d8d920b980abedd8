/**
 * A .md file the user picked, read as a notebook: its extension, its size before it is read (so a huge
 * file is refused without loading it), then its text (checkNotebookBytes). The name it gets is its
 * title, else the file name.
 */
import type { Bilingual } from '../model/metrics.ts';
import { foldVietnamese } from '../model/text.ts';
import { MAX_NOTEBOOK_BYTES, checkNotebookBytes, tooLarge } from './check.ts';

export type OpenedFile =
	{ ok: true; name: string; markdown: string } | { ok: false; problem: Bilingual };

const NOT_MARKDOWN: Bilingual = {
	vi: 'Chỉ mở được tệp Markdown (.md, .markdown).',
	en: 'Only Markdown files (.md, .markdown) can be opened.',
};
const UNREADABLE: Bilingual = {
	vi: 'Trình duyệt không đọc được tệp.',
	en: 'The browser could not read the file.',
};

/** The file's name without its folder and `.md`. */
function baseName(fileName: string): string {
	return fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '');
}

/** Read and check a picked file. */
export async function openNotebookFile(file: File): Promise<OpenedFile> {
	if (!/\.(md|markdown)$/i.test(file.name)) return { ok: false, problem: NOT_MARKDOWN };
	if (file.size > MAX_NOTEBOOK_BYTES) return { ok: false, problem: tooLarge(file.size) };
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await file.arrayBuffer());
	} catch {
		return { ok: false, problem: UNREADABLE };
	}
	// Drop a UTF-8 byte-order mark, which Windows editors write.
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
	// Named by its file: the title falls back to that when the notebook has no heading.
	const checked = checkNotebookBytes(baseName(file.name), bytes);
	if (!checked.ok) return checked;
	return { ok: true, name: checked.notebook.title, markdown: new TextDecoder().decode(bytes) };
}

/** A file name for a notebook's name, in plain letters: "Sổ tay mới" → "so-tay-moi". */
export function notebookFileName(name: string): string {
	const slug = foldVietnamese(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return slug || 'so-tay';
}
