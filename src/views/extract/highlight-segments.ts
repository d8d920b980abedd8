/**
 * The text of a report cut into pieces for highlighting: plain runs, and runs covered by the evidence of
 * one or more figures. Evidence spans may overlap (a derived figure shares its total's words, a total
 * contains its part), so the text is cut at every span boundary and each piece lists every figure that
 * covers it; the piece is drawn in the colour of the innermost (shortest) of them.
 */

/** A figure's evidence: `text.slice(start, end)`. */
export interface Span {
	id: string;
	start: number;
	end: number;
}

export interface Segment {
	start: number;
	end: number;
	/** Figures whose evidence covers this piece, innermost first; empty for plain text. */
	ids: string[];
}

/**
 * Cut `length` characters of text at the boundaries of `spans`. Spans outside the text are clipped,
 * empty ones ignored; the pieces cover the text exactly, in order, with no empty piece.
 */
export function highlightSegments(length: number, spans: readonly Span[]): Segment[] {
	const valid = spans
		.map((s) => ({ id: s.id, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
		.filter((s) => s.start < s.end);
	const cuts = new Set<number>([0, length]);
	for (const s of valid) {
		cuts.add(s.start);
		cuts.add(s.end);
	}
	const points = [...cuts].sort((a, b) => a - b);
	const segments: Segment[] = [];
	for (let i = 0; i < points.length - 1; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		if (start >= end) continue;
		const ids = valid
			.filter((s) => s.start <= start && s.end >= end)
			.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start)
			.map((s) => s.id);
		const last = segments.at(-1);
		// Neighbouring pieces covered by the same figures are one piece.
		if (last && last.ids.join(' ') === ids.join(' ')) last.end = end;
		else segments.push({ start, end, ids });
	}
	return segments;
}
