/** Words a plain object inherits ("constructor", "toString"…) are read as text by every reader of reports. */
import { describe, expect, test } from 'vitest';
import { levelsOfTypeWord } from '../../../src/extract/gazetteer.ts';
import { decodeHtmlEntities, htmlToText } from '../../../src/extract/read/html-text.ts';
import { findNumbers } from '../../../src/extract/vn-numbers.ts';
import { INHERITED_KEYS } from '../../helpers/hostile.ts';

describe.each(INHERITED_KEYS)('"%s" in a report', (word) => {
	test('is not a digit word: no number is read from it', () => {
		expect(findNumbers(`${word} trăm cuộc giám sát, ${word} mươi kiến nghị`)).toEqual([]);
	});

	test('is not a unit type word', () => {
		expect(levelsOfTypeWord(word)).toEqual([]);
	});

	test('is not a named entity, and as an attribute name changes nothing', () => {
		expect(decodeHtmlEntities(`a &${word}; b`)).toBe(`a &${word}; b`);
		expect(htmlToText(`<p ${word}="x" role="${word}">Kỳ họp thứ ${word}</p>`).text).toContain(
			`Kỳ họp thứ ${word}`,
		);
	});
});
