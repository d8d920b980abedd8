// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { composeSvg, escapeXml } from '../../../src/export/compose.ts';
import { FONT_FACES, fontFaceRule } from '../../../src/export/fonts.ts';
import { PRESETS, layoutExport, type Measure } from '../../../src/export/layout.ts';

const measure: Measure = (text, size) => text.length * size * 0.55;
const colours = {
	background: '#ffffff',
	ink: '#1b1f24',
	muted: '#4d5560',
	line: '#d5dbe1',
	badgeBackground: '#fff2cc',
	badgeInk: '#6b4b00',
};

function compose(blocks?: [number, number][]) {
	const layout = layoutExport(
		PRESETS.slide,
		{ width: 400, height: 900, blocks },
		{
			title: 'Xếp hạng <đơn vị> & "tỉnh"',
			subtitle: ['Tổng số kỳ họp · năm 2019–2026'],
			badge: 'DỮ LIỆU MÔ PHỎNG',
			footer: ['Nguồn: Mô phỏng', 'Xuất ngày 23/11/2026'],
		},
		measure,
	);
	return composeSvg({
		layout,
		colours,
		fontCss: fontFaceRule(FONT_FACES[0]!, 'data:font/woff2;base64,AAAA'),
		title: 'Xếp hạng',
		description: 'Cao nhất: A (12); thấp nhất: B (2).',
		body: '<rect width="400" height="900" fill="#2f6fae"/>',
		lang: 'vi',
	});
}

describe('the standalone SVG', () => {
	test('is well-formed and carries title, summary, bands and the embedded font', () => {
		const svg = compose();
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		expect(doc.querySelector('title')?.textContent).toBe('Xếp hạng');
		expect(doc.querySelector('desc')?.textContent).toContain('Cao nhất');
		expect(svg).toContain("@font-face{font-family:'Be Vietnam Pro'");
		expect(svg).toContain('unicode-range:U+0102-0103');
		expect(svg).toContain('Xếp hạng &lt;đơn vị&gt; &amp; &quot;tỉnh&quot;');
		expect(svg).toContain('data-band="badge">DỮ LIỆU MÔ PHỎNG');
		expect(svg).toMatch(/data-band="footer"[^>]*>Xuất ngày 23\/11\/2026/);
		expect(svg).toContain('width="1600" height="900"');
	});

	test('a tall chart cut into columns shows one copy through clipped windows', () => {
		const rows = Array.from(
			{ length: 40 },
			(_, i) => [i * 22 + 3, i * 22 + 19] as [number, number],
		);
		const svg = compose(rows);
		expect(svg.match(/<use href="#export-body"/g)!.length).toBeGreaterThan(1);
		expect(svg.match(/fill="#2f6fae"/g)).toHaveLength(1);
	});

	test('escapes XML', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
		);
	});
});
