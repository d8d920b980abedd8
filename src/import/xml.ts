/**
 * A very small XML reader for the parts of a workbook the importer needs (sheets, shared strings,
 * relationships): a flat list of start tags, end tags and text, with entities decoded and namespace
 * prefixes dropped. It never throws; malformed input gives fewer or odd events, which the workbook reader
 * then finds wanting.
 */
import { bareTable, ownValue } from '../model/own.ts';

export type XmlEvent =
	| { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
	| { type: 'close'; name: string }
	| { type: 'text'; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|\w{1,32});/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X'
					? parseInt(body.slice(2), 16)
					: parseInt(body.slice(1), 10);
			return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		}
		return ownValue(ENTITIES, body) ?? whole;
	});
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The events of an XML text, in document order. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
	// Linear on any input: an unclosed CDATA section, comment or declaration runs to the end of the text
	// once, instead of being searched for its end again from every later "<"; a quoted value stops at "<"
	// (which XML does not allow there), so an unclosed quote cannot scan past the next tag.
	const tag =
		/<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[?!][^>]*>?/g;
	const attr = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
	let last = 0;
	for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
		if (match.index > last)
			yield { type: 'text', text: decodeEntities(xml.slice(last, match.index)) };
		last = tag.lastIndex;
		if (match[5] !== undefined) {
			yield { type: 'text', text: match[5] };
			continue;
		}
		if (match[2] === undefined) continue;
		const name = localName(match[2]);
		if (match[1]) {
			yield { type: 'close', name };
			continue;
		}
		// Attribute names come from the file: no prototype, so `attrs.t` is never an inherited value.
		const attrs = bareTable<string>();
		for (let a = attr.exec(match[3] ?? ''); a; a = attr.exec(match[3] ?? '')) {
			attrs[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
		}
		attr.lastIndex = 0;
		yield { type: 'open', name, attrs, selfClosing: match[4] === '/' };
		if (match[4] === '/') yield { type: 'close', name };
	}
	if (last < xml.length) yield { type: 'text', text: decodeEntities(xml.slice(last)) };
}

/** Escape text for an XML element or attribute value. */
export function escapeXml(text: string): string {
	return (
		text
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			// Control characters other than tab and line ends are not allowed in XML 1.0 at all.
			.replace(/[^\t\n\r\u0020-\uffff]/gu, (ch) => (ch.codePointAt(0)! > 0xffff ? ch : ''))
	);
}
