// @vitest-environment happy-dom
/**
 * Notebook prose never carries anything that runs into the page: raw HTML is shown as text, event
 * handlers, scripts and javascript: links are gone, ordinary Markdown still renders.
 */
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../../src/ui/markdown.ts';

function mount(html: string): HTMLElement {
	const div = document.createElement('div');
	div.innerHTML = html;
	return div;
}

describe('renderMarkdown', () => {
	test('renders headings, emphasis, lists, code and safe links', () => {
		// (Under happy-dom DOMPurify drops the very first element of a fragment, so the heading is not
		// first here; Chromium keeps it, see tests/e2e/notebooks.test.ts.)
		const html = renderMarkdown(
			'Mở đầu.\n\n## Tiêu đề\n\n*nghiêng* **đậm** `mã`\n\n- một\n- hai\n\n[nguồn](https://example.org/a)',
		);
		const root = mount(html);
		expect(root.querySelector('h2')?.textContent).toBe('Tiêu đề');
		expect(root.querySelector('strong')?.textContent).toBe('đậm');
		expect(root.querySelector('code')?.textContent).toBe('mã');
		expect(root.querySelector('em')?.textContent).toBe('nghiêng');
		expect(root.querySelectorAll('li')).toHaveLength(2);
		expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.org/a');
	});

	test.each([
		'<script>window.__xss = 1</script>',
		'<img src=x onerror="window.__xss = 1">',
		'text <svg onload="window.__xss=1"></svg> after',
		'<iframe src="javascript:alert(1)"></iframe>',
		'<a href="javascript:alert(1)">click</a>',
		'[click](javascript:alert(1))',
		'[click](JaVaScRiPt:alert(1))',
		'![img](x" onerror="alert(1))',
		'<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>',
	])('nothing that runs survives: %s', (markdown) => {
		const html = renderMarkdown(markdown);
		// Tags written in the notebook only ever appear escaped, as text.
		expect(html).not.toMatch(/<(script|iframe|svg|img|div)\b/i);
		const root = mount(html);
		expect(root.querySelector('script, iframe, svg, img, [style]')).toBe(null);
		for (const element of root.querySelectorAll('*')) {
			for (const attribute of element.getAttributeNames()) {
				expect(attribute).not.toMatch(/^on/i);
				expect(element.getAttribute(attribute) ?? '').not.toMatch(/^\s*javascript:/i);
			}
		}
	});

	test('raw HTML is shown as text, not lost', () => {
		const root = mount(renderMarkdown('Before <b>bold?</b> after'));
		expect(root.querySelector('b')).toBeNull();
		expect(root.textContent).toContain('<b>bold?</b>');
	});
});
