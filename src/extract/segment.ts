/**
 * The text cut into paragraphs, sentences and clauses, with offsets into the normalised text. A dot
 * ends a sentence only before a space and a capital letter or a line break: "1.143" and "TP. Huế" stay
 * whole. Clauses are cut at semicolons, which in report prose separate one council's figures from
 * another's ("HĐND huyện tổ chức 5 kỳ họp…; HĐND các xã tổ chức 46 kỳ họp…").
 */

export interface Span {
	start: number;
	end: number;
}

export interface Sentence extends Span {
	/** Its place in the list of sentences. */
	index: number;
	paragraph: number;
	clauses: Span[];
}

/** NFC, line breaks as `\n`, no-break and odd spaces as plain spaces (one character for one). */
export function normaliseText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
		.replace(/\u00ad/g, '');
}

const SENTENCE_END = /[.!?…]+["”’)]*(?=\s+[\p{Lu}\d"“(]|\s*$)|\n/gu;

/**
 * Hard-wrapped text (a PDF's lines, a mail's 80 columns) breaks sentences mid-way: a line that does not
 * end a sentence and is followed by more of the paragraph is joined to the next, character for character
 * (a space for the line break), so offsets stay those of the text.
 */
export function unwrapLines(text: string): string {
	const lines = text.split('\n');
	const long = lines.filter((l) => l.trim().length >= 40);
	const open = long.filter((l) => !/[.!?:;…"”)|]\s*$/.test(l));
	if (long.length < 4 || open.length < long.length * 0.5) return text;
	return text.replace(/([^\n.!?:;…"”)|\s])[ \t]*\n(?=[ \t]*[^\s])/g, (m) => m.replace('\n', ' '));
}

/** Sentences of the text in order, each with its clauses. */
export function segment(original: string): Sentence[] {
	const text = unwrapLines(original);
	const out: Sentence[] = [];
	let paragraph = 0;
	let start = 0;
	const push = (end: number) => {
		let s = start;
		while (s < end && /\s/.test(text[s]!)) s++;
		let e = end;
		while (e > s && /\s/.test(text[e - 1]!)) e--;
		if (e > s) {
			out.push({ index: out.length, start: s, end: e, paragraph, clauses: clausesOf(text, s, e) });
		}
	};
	SENTENCE_END.lastIndex = 0;
	for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
		const end = m.index + m[0].length;
		push(m[0] === '\n' ? m.index : end);
		if (m[0] === '\n' && /^\s*\n/.test(text.slice(end, end + 40))) paragraph++;
		else if (m[0] === '\n') paragraph++;
		start = end;
	}
	push(text.length);
	return out;
}

function clausesOf(text: string, start: number, end: number): Span[] {
	const clauses: Span[] = [];
	let s = start;
	let depth = 0;
	for (let i = start; i < end; i++) {
		// "tiếp nhận 74 đơn (61 đơn kiến nghị; 13 đơn khiếu nại)": a parenthesis stays in its clause.
		if (text[i] === '(') depth++;
		else if (text[i] === ')') depth = Math.max(0, depth - 1);
		else if (text[i] === ';' && depth === 0) {
			clauses.push({ start: s, end: i });
			s = i + 1;
		}
	}
	clauses.push({ start: s, end });
	return clauses;
}
