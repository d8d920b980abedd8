/**
 * Sharing a notebook from the page: a link when its code is short enough (copied to the clipboard where
 * the browser allows, and shown either way), else the .md file downloaded to send instead.
 */
import { MAX_LINK_CODE, encodeShared, fitsInLink, shareLink } from '../../notebooks/share.ts';
import { notebookFileName } from '../../notebooks/open-file.ts';
import { download } from '../../ui/download.ts';

export type Shared =
	| { kind: 'link'; link: string; copied: boolean; length: number }
	| { kind: 'file'; file: string; length: number; max: number };

/** Share `markdown` under `name`; says what was done. */
export async function shareNotebook(name: string, markdown: string): Promise<Shared> {
	const code = encodeShared({ name, markdown });
	if (!fitsInLink(code)) {
		const file = `${notebookFileName(name)}.md`;
		download(file, markdown, 'text/markdown;charset=utf-8');
		return { kind: 'file', file, length: code.length, max: MAX_LINK_CODE };
	}
	const link = shareLink(code, location.href);
	try {
		await navigator.clipboard.writeText(link);
		return { kind: 'link', link, copied: true, length: link.length };
	} catch {
		// No clipboard (permission, insecure page): the link is shown to copy by hand.
		return { kind: 'link', link, copied: false, length: link.length };
	}
}
