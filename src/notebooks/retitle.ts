/**
 * Renaming a notebook renames its heading too when the heading was its name (a new notebook's "Sổ tay
 * mới", a file's title), so the list and the page agree; a heading the user wrote otherwise is theirs
 * and stays.
 */
import { parseNotebook } from '../model/notebook.ts';

/** The Markdown with its first level-1 heading `from` changed to `to`; unchanged otherwise. */
export function retitle(markdown: string, from: string, to: string): string {
	if (parseNotebook('', markdown).title !== from.trim()) return markdown;
	const heading = /^#\s+(.+)$/m;
	return markdown.replace(heading, () => `# ${to.trim().replace(/\s+/g, ' ')}`);
}
