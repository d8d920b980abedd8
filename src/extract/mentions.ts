/**
 * Units named in a report, and the councils that act in it. A mention is a type word and a capitalised
 * name ("huyện Thạch Thất", "xã Phú Xuyên", "tỉnh Tuyên Quang"), resolved in the scheme of the report's
 * date; an actor is a council a figure may belong to: its own ("HĐND huyện", "Thường trực HĐND quận Đống
 * Đa", "cấp quận"), its sub-units together ("HĐND các xã, thị trấn", "Thường trực HĐND 21 phường") or
 * several levels at once ("HĐND huyện, xã, thị trấn"), whose sum belongs to no single council.
 */
import type { Scheme, UnitLevel } from '../model/units.ts';
import { Gazetteer, TYPE_WORDS, levelsOfTypeWord } from './gazetteer.ts';
import type { GazetteerUnit } from './types.ts';

export interface NamedMention {
	start: number;
	end: number;
	typeWord: string;
	name: string;
	/** Units of the report's scheme with that name and type. */
	matches: GazetteerUnit[];
}

export type ActorKind = 'own' | 'plural' | 'combined';

export interface Actor {
	start: number;
	end: number;
	kind: ActorKind;
	/** The level the words name (a plural names its members' level). */
	level: UnitLevel | null;
	/** For an own actor with a name. */
	named: NamedMention | null;
	text: string;
	/** The type word as written ("thành phố" may be a province or a district). */
	typeWord?: string;
}

/** Type words in lower case or capitalised ("Huyện"), never matched case-blind: names must be capitalised. */
const TYPE_ALT = [
	'thành phố',
	'tp\\.?',
	'tỉnh',
	'huyện',
	'quận',
	'thị xã',
	'tx\\.?',
	'thị trấn',
	'xã',
	'phường',
	'đặc khu',
]
	.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()])
	.join('|');
const NAME_WORD = '(?:\\p{Lu}[\\p{Ll}\\p{M}]*|\\d{1,2})';
const NAMED = new RegExp(
	`(?<![\\p{L}])(${TYPE_ALT})\\s+(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,5})`,
	'gu',
);

/** Named units in the text, each with the units it may be (longest name that exists wins). */
export function findNamedMentions(
	text: string,
	gazetteer: Gazetteer,
	scheme: Scheme,
): NamedMention[] {
	const out: NamedMention[] = [];
	NAMED.lastIndex = 0;
	for (let m = NAMED.exec(text); m; m = NAMED.exec(text)) {
		const typeWord = m[1]!.toLowerCase().replace(/\.$/, '');
		// The type word must be written in lower case or as a title ("Huyện"), and the name capitalised.
		const types = TYPE_WORDS[typeWord] ?? TYPE_WORDS[`${typeWord}.`];
		if (!types) continue;
		const words = m[2]!.split(/[ \t]+/);
		let found: NamedMention | null = null;
		for (let n = Math.min(words.length, gazetteer.maxNameWords); n >= 1 && !found; n--) {
			const name = words.slice(0, n).join(' ');
			const matches = gazetteer.find(name, scheme, types);
			const other = matches.length ? matches : gazetteer.find(name, otherScheme(scheme), types);
			if (other.length) {
				const nameStart = m.index + m[0].indexOf(m[2]!);
				found = {
					start: m.index,
					end: nameStart + name.length,
					typeWord,
					name,
					matches,
				};
			}
		}
		if (found) {
			out.push(found);
			NAMED.lastIndex = found.end;
		} else {
			// Not a name: the next type word may start right after this one ("xã của thành phố Hội An").
			NAMED.lastIndex = m.index + m[1]!.length;
		}
	}
	for (const alias of findAliasMentions(text, gazetteer, scheme)) {
		if (!out.some((o) => o.start < alias.end && alias.start < o.end)) out.push(alias);
	}
	return out.sort((a, b) => a.start - b.start);
}

/** Short forms of province names that reports use without a type word. */
const ALIASES: [RegExp, string][] = [
	[/(?<![\p{L}])TP\.?\s?HCM(?![\p{L}])|(?<![\p{L}])TPHCM(?![\p{L}])/gu, 'Hồ Chí Minh'],
	[/(?<![\p{L}])TP\.?\s?Hà Nội(?![\p{L}])/gu, 'Hà Nội'],
];

/** Mentions written as a short form ("HĐND TPHCM"), as if written "thành phố Hồ Chí Minh". */
export function findAliasMentions(
	text: string,
	gazetteer: Gazetteer,
	scheme: Scheme,
): NamedMention[] {
	const out: NamedMention[] = [];
	for (const [re, name] of ALIASES) {
		for (const m of text.matchAll(re)) {
			const matches = gazetteer.find(name, scheme, ['thanh-pho']);
			if (matches.length)
				out.push({
					start: m.index,
					end: m.index + m[0].length,
					typeWord: 'thành phố',
					name,
					matches,
				});
		}
	}
	return out;
}

const otherScheme = (s: Scheme): Scheme => (s === '2023' ? '2025' : '2023');

/** Province names written bare ("Hà Nội", "Tuyên Quang"), for narrowing ambiguous names. */
export function findProvinceNames(
	text: string,
	gazetteer: Gazetteer,
	provinces: readonly GazetteerUnit[],
): GazetteerUnit[] {
	const seen: GazetteerUnit[] = [];
	for (const p of provinces) {
		if (p.name.length < 3) continue;
		const re = new RegExp(`(?<![\\p{L}])${escape(p.name)}(?![\\p{L}])`, 'u');
		if (re.test(text) && !seen.includes(p)) seen.push(p);
	}
	void gazetteer;
	return seen;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COUNCIL =
	'(?:hđnd|hội đồng nhân dân|thường trực(?: hđnd)?|tt hđnd|tt\\.? ?hđnd|các ban(?: hđnd)?|ban [\\p{L} –-]{2,30}? hđnd)';
const LEVEL_WORD = 'tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu';
const PLURAL = new RegExp(
	`(?<![\\p{L}])(?:${COUNCIL}\\s+)?(?:(?:100\\s?%|tất cả|toàn bộ)\\s+)?(?:${COUNCIL}\\s+)?(?:các|\\d+)\\s+(${LEVEL_WORD})((?:\\s*,\\s*|\\s+và\\s+)(?:${LEVEL_WORD}))*(?![\\p{L}])`,
	'giu',
);
const LEVEL_CAP = new RegExp(
	`(?<![\\p{L}])(?:${COUNCIL}\\s+)?cấp\\s+(${LEVEL_WORD})(?![\\p{L}])`,
	'giu',
);
const OWN = new RegExp(
	`(?<![\\p{L}])${COUNCIL}\\s+(${LEVEL_WORD})(?![\\p{L}])((?:\\s*,\\s*(?:${LEVEL_WORD}))+)?`,
	'giu',
);
const ALL_LEVELS = new RegExp(`(?<![\\p{L}])${COUNCIL}\\s+các cấp(?![\\p{L}])`, 'giu');

function levelOf(word: string): UnitLevel | null {
	const levels = levelsOfTypeWord(word.toLowerCase());
	return levels.includes('district') ? 'district' : (levels[0] ?? null);
}

/** The councils that act in the text, in order. */
export function findActors(text: string, named: readonly NamedMention[]): Actor[] {
	const actors: Actor[] = [];
	const add = (a: Actor) => {
		if (actors.some((o) => o.start < a.end && a.start < o.end)) return;
		actors.push(a);
	};
	for (const m of text.matchAll(ALL_LEVELS)) {
		add({
			start: m.index,
			end: m.index + m[0].length,
			kind: 'combined',
			level: null,
			named: null,
			text: m[0],
		});
	}
	for (const m of text.matchAll(PLURAL)) {
		const words = [
			m[1]!,
			...(m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length).match(new RegExp(LEVEL_WORD, 'giu')) ??
				[]),
		];
		const levels = new Set(words.map(levelOf));
		add({
			start: m.index,
			end: m.index + m[0].length,
			kind: levels.size > 1 ? 'combined' : 'plural',
			level: levelOf(m[1]!),
			named: null,
			text: m[0],
		});
	}
	for (const m of text.matchAll(OWN)) {
		const start = m.index;
		const typeAt =
			start +
			m[0].toLowerCase().lastIndexOf(m[1]!.toLowerCase(), m[0].length - (m[2]?.length ?? 0));
		const name = named.find((n) => n.start === typeAt);
		const kind: ActorKind = m[2] ? 'combined' : 'own';
		add({
			start,
			end: name ? name.end : start + m[0].length,
			kind,
			level: levelOf(m[1]!),
			typeWord: m[1]!.toLowerCase(),
			named: kind === 'own' ? (name ?? null) : null,
			text: text.slice(start, name ? name.end : start + m[0].length),
		});
	}
	for (const m of text.matchAll(LEVEL_CAP)) {
		add({
			start: m.index,
			end: m.index + m[0].length,
			kind: 'own',
			level: levelOf(m[1]!),
			named: null,
			text: m[0],
		});
	}
	actors.sort((a, b) => a.start - b.start);
	// "HĐND tỉnh và HĐND các huyện": one figure for two levels.
	for (let i = 1; i < actors.length; i++) {
		const a = actors[i - 1]!;
		const b = actors[i]!;
		const between = text.slice(a.end, b.start);
		if (a.kind !== b.kind && /^\s*(?:,|và|cùng)\s*$/iu.test(between) && a.level !== b.level) {
			actors.splice(i - 1, 2, {
				...a,
				end: b.end,
				kind: 'combined',
				named: null,
				text: text.slice(a.start, b.end),
			});
			i--;
		}
	}
	return actors;
}
