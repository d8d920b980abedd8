import { describe, expect, test } from 'vitest';
import {
	decodeHtmlEntities,
	htmlToText,
	looksLikeHtml,
} from '../../../../src/extract/read/html-text.ts';

/** A council news page as such sites save it: menus, scripts, a counter, entities, a table. */
const PAGE = `<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Giao ban HĐND huyện quý I - Cổng thông tin điện tử huyện</title>
<style>.menu { color: red } p > a { }</style>
<script>var s = "<p>không phải văn bản</p>"; if (a < b) { document.write('<div>'); }</script>
</head>
<body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul></nav>
<ul class="main-menu"><li>Giới thiệu<li>Văn bản</ul>
<div id="content">
<!-- bài viết -->
<h1>Giao ban HĐND huyện quý I</h1>
<p class="date">(08:15 02/04/2024)</p>
<p>Qu&yacute; I n&#259;m 2024, Thường trực HĐND huyện tổ chức&nbsp;2 kỳ họp chuyên đề,
   giám sát <b>3</b> cuộc&hellip;</p>
<p>Ti&#7871;p nhận <i>1.143</i> kiến nghị &amp; phản ánh của cử tri;<br>đã giải quyết 1.020 kiến nghị.</p>
<table><tr><th>Nội dung</th><th>Số lượng</th></tr>
<tr><td>Kỳ họp thường lệ</td><td>1</td></tr></table>
<noscript>Bật JavaScript để xem</noscript>
<select><option>Hà Nội</option><option>Huế</option></select>
</div>
<footer><p>Lượt truy cập: 123456</p></footer>
</body></html>`;

describe('htmlToText', () => {
	const { text, title } = htmlToText(PAGE);

	test('keeps the article, one line per block, table cells separated by tabs', () => {
		expect(text.split('\n')).toEqual([
			'Giao ban HĐND huyện quý I',
			'(08:15 02/04/2024)',
			'Quý I năm 2024, Thường trực HĐND huyện tổ chức 2 kỳ họp chuyên đề, giám sát 3 cuộc…',
			'Tiếp nhận 1.143 kiến nghị & phản ánh của cử tri;',
			'đã giải quyết 1.020 kiến nghị.',
			'Nội dung\tSố lượng',
			'Kỳ họp thường lệ\t1',
			'Lượt truy cập: 123456',
		]);
	});

	test('drops scripts, styles, menus, drop-down lists and the head', () => {
		for (const gone of [
			'không phải',
			'document',
			'color',
			'Trang chủ',
			'Giới thiệu',
			'Huế',
			'JavaScript',
		]) {
			expect(text).not.toContain(gone);
		}
	});

	test('takes the <h1> when the <title> is the headline plus the site name', () => {
		expect(title).toBe('Giao ban HĐND huyện quý I');
		expect(htmlToText('<title>Báo cáo năm</title><h1>Khác</h1>').title).toBe('Báo cáo năm');
		expect(htmlToText('<p>chỉ có đoạn</p>').title).toBeNull();
	});

	test('text is NFC, with no doubled spaces', () => {
		expect(text).toBe(text.normalize('NFC'));
		expect(text).not.toMatch(/ {2}|\u00a0/);
		// Decomposed input (a tone mark after its letter) comes out composed.
		expect(htmlToText('<p>ky\u0300 ho\u0323p</p>').text).toBe('kỳ họp');
	});

	test('a page that names its whole body as navigation is read with its containers kept', () => {
		const body = 'Năm 2023, HĐND xã tổ chức 4 kỳ họp thường lệ và 2 kỳ họp chuyên đề. '.repeat(5);
		const page = `<div class="nav-wrapper"><p>${body}</p></div>`;
		expect(htmlToText(page).text).toBe(body.trim());
	});

	test('pre keeps its line breaks; unclosed tags and stray "<" do not lose text', () => {
		expect(htmlToText('<pre>a  b\nc</pre>').text).toBe('a b\nc');
		expect(htmlToText('<p>3 < 5 và 7 > 2<p>tiếp').text).toBe('3 < 5 và 7 > 2\ntiếp');
		expect(htmlToText('<div><script>never closed').text).toBe('');
	});

	test('a page of unclosed tags and quotes is read in linear time', () => {
		const broken = `<p>đầu</p>${'<a href="x '.repeat(30000)}`;
		const started = performance.now();
		expect(htmlToText(broken).text.startsWith('đầu\n<a href="x <a')).toBe(true);
		expect(performance.now() - started).toBeLessThan(1500);
	});
});

describe('decodeHtmlEntities', () => {
	test('named, decimal, hexadecimal and Windows-1252 references', () => {
		expect(
			decodeHtmlEntities('&agrave;&Ecirc;&ocirc;&dstrok;&#7897;&#x1EA1;&#150;&unknown;&amp;lt;'),
		).toBe('àÊôđộạ–&unknown;&lt;');
	});
});

describe('looksLikeHtml', () => {
	test('a document skeleton is HTML whatever the name; block tags only when not named .txt', () => {
		expect(looksLikeHtml('<!DOCTYPE html><p>x', 'a.txt')).toBe(true);
		expect(looksLikeHtml('dòng 1\n<p>x</p>', 'a.txt')).toBe(false);
		expect(looksLikeHtml('dòng 1\n<p>x</p>', 'a.htm')).toBe(true);
		expect(looksLikeHtml('Kỳ họp thứ 3 < 5 kỳ', 'a')).toBe(false);
	});
});
