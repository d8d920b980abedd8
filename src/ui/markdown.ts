/**
 * Notebook prose as safe HTML. Two layers: marked renders the Markdown with any raw HTML in it shown as
 * text (never as markup), then DOMPurify removes whatever could still run (scripts, event handlers,
 * javascript: links, styles, frames, forms). The result is what `{@html}` may show.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const SAFE_URL = /^(https?:|mailto:|#|\.{0,2}\/|[\w-]+(\.[\w-]+)*(\/|$))/i;

const marked = new Marked({ gfm: true, async: false });
marked.use({
	renderer: {
		// Raw HTML written in the notebook is shown as text.
		html: ({ text }) => escapeHtml(text),
	},
	walkTokens(token) {
		if ((token.type === 'link' || token.type === 'image') && !SAFE_URL.test(token.href.trim())) {
			token.href = '#';
		}
	},
});

/** Markdown → sanitised HTML. */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown, { async: false });
	return DOMPurify.sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS: [
			'style',
			'form',
			'input',
			'button',
			'textarea',
			'select',
			'iframe',
			'object',
			'embed',
		],
		FORBID_ATTR: ['style'],
	});
}
