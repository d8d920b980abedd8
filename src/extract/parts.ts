/**
 * Figures among figures: a part stated after its total ("47 cuộc giám sát, trong đó 12 cuộc …") is not a
 * figure of its own, and a kind of session missing beside a total and the other kind is derived.
 */
import type { Found } from './number-figures.ts';
import type { ExtractedFigure } from './types.ts';

/**
 * Parts of a total stated just before ("47 cuộc giám sát, trong đó 12 cuộc …") are not figures of their
 * own, except the kinds of sessions, which are metrics themselves. The same figure read twice is kept once.
 */
export function dropParts(text: string, found: Found[]): Found[] {
	const out: Found[] = [];
	for (const f of found) {
		const prev = out[out.length - 1];
		if (
			prev &&
			prev.sentence === f.sentence &&
			prev.noun.metric === f.noun.metric &&
			prev.clause === f.clause
		) {
			const between = text.slice(prev.token.end, f.token.start);
			// …unless it is a new total ("…, nâng tổng số nghị quyết trong năm lên 117 nghị quyết").
			if (
				/trong\s+đó|gồm|bao\s+gồm|riêng|\(/iu.test(between) &&
				!/tổng\s+(?:số|cộng)/iu.test(between)
			)
				continue;
		}
		out.push(f);
	}
	return out;
}

/** Regular = total − thematic (and the reverse) when a total and one kind are stated together. */
export function addDerived(figures: ExtractedFigure[], text: string): void {
	const added: ExtractedFigure[] = [];
	for (const total of figures.filter((f) => f.metric === 'sessions_total')) {
		const group = figures.filter(
			(f) =>
				f !== total &&
				f.sentenceStart === total.sentenceStart &&
				f.unitKey === total.unitKey &&
				f.scope === total.scope &&
				f.start > total.start &&
				/trong\s+đó|gồm|bao\s+gồm|\(/iu.test(text.slice(total.end, f.start)),
		);
		const thematic = group.find((f) => f.metric === 'sessions_thematic');
		const regular = group.find((f) => f.metric === 'sessions_regular');
		if ((thematic ? 1 : 0) + (regular ? 1 : 0) !== 1) continue;
		const part = (thematic ?? regular)!;
		if (part.value > total.value || total.qualifier !== 'exact' || part.qualifier !== 'exact')
			continue;
		added.push({
			...total,
			metric: thematic ? 'sessions_regular' : 'sessions_thematic',
			value: total.value - part.value,
			evidence: text.slice(total.start, part.end),
			end: part.end,
			derived: true,
			reasons: [`${total.value} − ${part.value}`, ...total.reasons.slice(1)],
		});
	}
	figures.push(...added);
	figures.sort((a, b) => a.start - b.start || (a.derived ? 1 : 0) - (b.derived ? 1 : 0));
}
