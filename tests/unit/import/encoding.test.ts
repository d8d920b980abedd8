import { describe, expect, test } from 'vitest';
import { decodeText, vietnamesePlausibility } from '../../../src/import/encoding.ts';
import { encodeCp1258 } from '../../helpers/cp1258.ts';

const CSV =
	'Mã đơn vị,Tên đơn vị,Kỳ họp thường lệ\n276,Huyện Thạch Thất,2\n00001,Phường Ba Đình,3\n';
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe('decodeText', () => {
	test('UTF-8 without a byte-order mark', () => {
		expect(decodeText(utf8(CSV))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
	});

	test('UTF-8 with a byte-order mark: the mark is not part of the text', () => {
		expect(decodeText(withBom(utf8(CSV)))).toEqual({ ok: true, text: CSV, encoding: 'utf-8 BOM' });
	});

	test('decomposed UTF-8 (as some Mac programs write it) comes out composed', () => {
		const result = decodeText(utf8(CSV.normalize('NFD')));
		expect(result).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
	});

	test('Windows-1258, whose tone marks are separate characters, comes out as composed UTF-16', () => {
		const bytes = encodeCp1258(CSV);
		// "Thạch" is written T h a + dot below (0xF2) c h in Windows-1258.
		expect([...bytes.slice(40, 60)]).toContain(0xf2);
		expect(decodeText(bytes)).toEqual({ ok: true, text: CSV, encoding: 'windows-1258' });
	});

	test('Windows-1258 of every Vietnamese letter round-trips', () => {
		const letters = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
		const text = `${letters}\n${letters.toUpperCase()}\n`;
		expect(decodeText(encodeCp1258(text))).toEqual({ ok: true, text, encoding: 'windows-1258' });
	});

	test('UTF-16 with a byte-order mark (Excel "Unicode text") is read', () => {
		const body = new Uint8Array(CSV.length * 2);
		for (let i = 0; i < CSV.length; i++) {
			body[i * 2] = CSV.charCodeAt(i) & 0xff;
			body[i * 2 + 1] = CSV.charCodeAt(i) >> 8;
		}
		const result = decodeText(new Uint8Array([0xff, 0xfe, ...body]));
		expect(result).toEqual({ ok: true, text: CSV, encoding: 'utf-16le BOM' });
	});

	test('UTF-16 without a byte-order mark is refused, not read as garbage', () => {
		const body = new Uint8Array(CSV.length * 2);
		for (let i = 0; i < CSV.length; i++) body[i * 2] = CSV.charCodeAt(i) & 0xff;
		const result = decodeText(body);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toBe('encoding');
		expect(!result.ok && result.message.vi).toMatch(/^Không nhận ra bảng mã của tệp/);
	});

	test('Shift-JIS is refused', () => {
		// 「議会」,2023 in Shift-JIS.
		const sjis = new Uint8Array([
			0x81, 0x75, 0x8b, 0x63, 0x89, 0xef, 0x81, 0x76, 0x2c, 0x32, 0x30, 0x32, 0x33, 0x0a, 0x93,
			0x8c, 0x8b, 0x9e, 0x2c, 0x31, 0x0a,
		]);
		expect(decodeText(sjis)).toMatchObject({ ok: false, reason: 'encoding' });
	});

	test('TCVN3 (ABC) Vietnamese is recognised and converted, with the encoding named', () => {
		// "Th¹ch ThÊt" is how TCVN3 bytes look as Latin-1: ¹ and Ê are no Vietnamese letters there.
		const tcvn3 = new Uint8Array([...'M· ®¬n vÞ,Th¹ch ThÊt\n276,2\n'].map((c) => c.charCodeAt(0)));
		expect(decodeText(tcvn3)).toEqual({
			ok: true,
			text: 'Mã đơn vị,Thạch Thất\n276,2\n',
			encoding: 'TCVN3 (ABC)',
			legacy: true,
		});
	});

	test('binary junk is refused as binary', () => {
		const junk = new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x80, 0x7f, 0x03]);
		expect(decodeText(junk)).toMatchObject({ ok: false, reason: 'binary' });
	});

	test('plausibility: 1 for ASCII, 0 for control characters and stray combining marks', () => {
		expect(vietnamesePlausibility('abc,1\n')).toBe(1);
		expect(vietnamesePlausibility('Thạch Thất')).toBe(1);
		expect(vietnamesePlausibility('a\u0001b')).toBe(0);
		expect(vietnamesePlausibility('x\u0323')).toBe(0);
		expect(vietnamesePlausibility('¹Ê')).toBe(0.5);
	});
});
