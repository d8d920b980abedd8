/**
 * Shared-notebook links: a notebook goes through the link and comes back the same; a broken, cut,
 * forged or oversized link is refused with a message in both languages, never thrown.
 */
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { MAX_NOTEBOOK_BYTES } from '../../../src/notebooks/check.ts';
import {
	MAX_LINK_CODE,
	SHARE_PARAM,
	decodeShared,
	encodeShared,
	fitsInLink,
	shareLink,
} from '../../../src/notebooks/share.ts';
import { base64url } from '../../../src/ui/base64.ts';

const MARKDOWN = `# Kỳ họp chuyên đề theo tỉnh

Số kỳ họp chuyên đề của HĐND cấp tỉnh, năm 2024 (số liệu mô phỏng).

\`\`\`sql chart=bar x=province y=n
SELECT province, COUNT(*) AS n FROM yearly WHERE year = 2024 GROUP BY province
\`\`\`
`;

/** A code made by hand from any JSON value, as a forged link would carry. */
const forged = (value: unknown) => `1.${base64url(deflateSync(strToU8(JSON.stringify(value))))}`;

describe('encodeShared and decodeShared', () => {
	test('a notebook comes back from its link as it went in', () => {
		const code = encodeShared({ name: 'Kỳ họp 2024 – bản của tôi', markdown: MARKDOWN });
		expect(code).toMatch(/^1\.[A-Za-z0-9_-]+$/);
		expect(fitsInLink(code)).toBe(true);
		const link = shareLink(code, 'http://127.0.0.1:4173/hdnd/?v=sql&sql=x#top');
		const url = new URL(link);
		expect(url.pathname).toBe('/hdnd/');
		expect(url.hash).toBe('');
		expect(url.searchParams.get('v')).toBe('notebooks');
		const decoded = decodeShared(url.searchParams.get(SHARE_PARAM)!);
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		expect(decoded.name).toBe('Kỳ họp 2024 – bản của tôi');
		expect(decoded.markdown).toBe(MARKDOWN);
		expect(decoded.notebook.cells.filter((c) => c.kind === 'sql')).toHaveLength(1);
	});

	test('a large notebook does not fit in a link', () => {
		// Text that does not compress: a different number on every line.
		const lines = Array.from({ length: 900 }, (_, i) => `- Dòng ${i}: ${(i * 7919) % 10007}`);
		const code = encodeShared({ name: 'Lớn', markdown: `${MARKDOWN}\n${lines.join('\n')}\n` });
		expect(code.length).toBeGreaterThan(MAX_LINK_CODE);
		expect(fitsInLink(code)).toBe(false);
	});

	test.each([
		['empty', ''],
		['no version', 'abc'],
		['unknown version', '2.abc'],
		['not base64url', '1.ab+c/=='],
		['not deflate', `1.${base64url(strToU8('plain text, not compressed'))}`],
		['cut short', encodeShared({ name: 'x', markdown: MARKDOWN }).slice(0, 40)],
		['not JSON', `1.${base64url(deflateSync(strToU8('{"n": "x",')))}`],
		['JSON of the wrong shape', forged({ n: 1, m: ['x'] })],
		['null', forged(null)],
	])('a broken link is refused: %s', (_, code) => {
		const decoded = decodeShared(code);
		expect(decoded.ok).toBe(false);
		if (decoded.ok) return;
		expect(decoded.problem.vi).toMatch(/Đường liên kết sổ tay bị hỏng/);
		expect(decoded.problem.en).toMatch(/broken/);
	});

	test('a link whose Markdown is not a notebook is refused as such', () => {
		const decoded = decodeShared(forged({ n: 'Ghi chú', m: '# Chỉ có chữ\n\nKhông có ô SQL.' }));
		expect(decoded.ok).toBe(false);
		if (!decoded.ok) expect(decoded.problem.vi).toMatch(/không có ô SQL/);
	});

	test('a link that inflates past the cap is refused without inflating it all', () => {
		// Highly compressible: a few kB of code that would inflate to 5 MB.
		const markdown = '```sql\nSELECT 1\n```\n' + 'a'.repeat(5_000_000);
		const code = forged({ n: 'bom', m: markdown });
		expect(code.length).toBeLessThan(20_000);
		const decoded = decodeShared(code);
		expect(decoded.ok).toBe(false);
		if (!decoded.ok) {
			expect(decoded.problem.vi).toMatch(/quá lớn/);
			expect(decoded.problem.en).toMatch(/too large/);
		}
	});

	test('an overlong code is refused before decoding', () => {
		const decoded = decodeShared(`1.${'A'.repeat(2 * MAX_NOTEBOOK_BYTES + 1)}`);
		expect(decoded.ok).toBe(false);
	});

	test('a blank name falls back to the title; a long one is cut', () => {
		const blank = decodeShared(forged({ n: '  ', m: MARKDOWN }));
		expect(blank.ok && blank.name).toBe('Kỳ họp chuyên đề theo tỉnh');
		const long = decodeShared(forged({ n: 'x'.repeat(500), m: MARKDOWN }));
		expect(long.ok && long.name.length).toBe(200);
	});
});
