/**
 * What the title block of a report sheet says about the whole table: the unit that reports
 * ("HĐND HUYỆN THẠCH THẤT", "ỦY BAN NHÂN DÂN / XÃ HẠ BẰNG", "Đơn vị: Phường Láng") and the period
 * ("NĂM 2023", "6 THÁNG ĐẦU NĂM 2024", "THÁNG 3 NĂM 2025", "NHIỆM KỲ 2021-2026"). The signing line
 * ("Thạch Thất, ngày 15 tháng 12 năm 2023") is not a period, and a term written beside a year
 * ("KHÓA VI, NHIỆM KỲ 2021-2026 … NĂM 2023") is the council's term, not the period.
 */
import { TERMS, type PeriodKind } from '../model/periods.ts';
import type { UnitLevel } from '../model/units.ts';
import { foldVietnamese } from '../model/text.ts';

export interface TitleFacts {
	/** The reporting unit as written, with its type word: "HUYỆN THẠCH THẤT". */
	unit?: string;
	/** The level the type word says (a "thành phố" may be a province or a district: none then). */
	unitLevel?: UnitLevel;
	period?: PeriodKind;
	year?: number;
	month?: number;
	term?: string;
}

const TYPE_WORDS: [RegExp, UnitLevel | null][] = [
	[/^tinh$/, 'province'],
	[/^thanh pho$/, null],
	[/^(huyen|quan|thi xa)$/, 'district'],
	[/^(xa|phuong|thi tran|dac khu)$/, 'commune'],
];
const SPECIFIC: Record<UnitLevel, number> = { province: 1, district: 2, commune: 3 };

/** A unit type word at the start of a name, in Vietnamese with or without diacritics. */
const UNIT = /^(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$/iu;
/** The organ that precedes the unit in a heading. */
const ORGAN =
	/(?:HỘI ĐỒNG NHÂN DÂN|HĐND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|THƯỜNG TRỰC HĐND|ĐƠN VỊ(?: BÁO CÁO)?\s*:)\s*/giu;
/** Where a unit's name ends: a comma, a dash, "khóa", "nhiệm kỳ", "năm", a parenthesis. */
const NAME_END =
	/\s*(?:[,;(–—]|\s-\s|\bKHÓA\b|\bKHOÁ\b|\bNHIỆM KỲ\b|\bNĂM\b|\bTHÁNG\b|\bKỲ HỌP\b).*$/iu;

function unitIn(text: string): { unit: string; level: UnitLevel | null } | null {
	const match = UNIT.exec(text.trim());
	if (!match) return null;
	const name = match[2]!.replace(NAME_END, '').trim();
	if (!name || name.split(/\s+/).length > 5 || /^(CÁC|NHỮNG)\b/iu.test(name)) return null;
	const type = foldVietnamese(match[1]!).replace(/\.$/, '').replace(/^tp$/, 'thanh pho');
	const level = TYPE_WORDS.find(([re]) => re.test(type))?.[1] ?? null;
	return { unit: `${match[1]} ${name}`, level };
}

/** Units named in a line: after an organ ("HĐND XÃ …"), or a line that is a unit ("HUYỆN …"). */
function unitsOf(line: string): { unit: string; level: UnitLevel | null }[] {
	const found: { unit: string; level: UnitLevel | null }[] = [];
	const whole = line.split(/\s{2,}/)[0]!;
	if (whole.split(/\s+/).length <= 6) {
		const u = unitIn(whole);
		if (u) found.push(u);
	}
	for (const m of line.matchAll(ORGAN)) {
		const u = unitIn(line.slice(m.index + m[0].length));
		if (u) found.push(u);
	}
	return found;
}

/** The period a folded text names, if any; signing dates removed beforehand. */
function periodOf(folded: string): Omit<TitleFacts, 'unit' | 'unitLevel'> {
	// A term's years ("2021-2026") are not the year of the period.
	const noTerms = folded.replace(/\b\d{4}\s*-\s*\d{4}\b/g, ' ');
	const year = /\bnam (\d{4})\b/.exec(noTerms) ?? /\b(20\d{2})\b/.exec(noTerms);
	const term = /nhiem ky (\d{4})\s*-\s*(\d{4})/.exec(folded);
	const y = year ? Number(year[1]) : undefined;
	if (y !== undefined) {
		if (/\b(6|sau) thang\b/.test(folded)) return { period: 'h1', year: y };
		if (/\b(9|chin) thang\b/.test(folded)) return { period: 'm9', year: y };
		const month = /\bthang (\d{1,2})(?: nam| \/)/.exec(folded);
		if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
			return { period: 'month', year: y, month: Number(month[1]) };
		}
		return { period: 'year', year: y };
	}
	if (term) {
		const t = `${term[1]}-${term[2]}`;
		if ((TERMS as readonly string[]).includes(t)) return { period: 'term', term: t };
	}
	return {};
}

/** The unit and period a title block (its lines, top to bottom) and a sheet name give. */
export function readTitleBlock(lines: readonly string[]): TitleFacts {
	const facts: TitleFacts = {};
	let best = 0;
	const texts = lines.flatMap((l) => l.split('\n')).map((l) => l.normalize('NFC').trim());
	for (const text of texts) {
		for (const u of unitsOf(text)) {
			const rank = u.level ? SPECIFIC[u.level] : 2;
			if (rank >= best) {
				best = rank;
				facts.unit = u.unit;
				if (u.level) facts.unitLevel = u.level;
				else delete facts.unitLevel;
			}
		}
	}
	// The period: from the title lines without signing dates; a line with a year beats one with a term.
	const periods = texts
		.map((t) =>
			periodOf(
				foldVietnamese(t)
					.replace(/ngay \d{1,2} thang \d{1,2} nam \d{4}/g, ' ')
					.replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, ' ')
					.replace(/[^a-z0-9/-]+/g, ' '),
			),
		)
		.filter((p) => p.period);
	const chosen = periods.find((p) => p.period !== 'term') ?? periods[0];
	return chosen ? { ...facts, ...chosen } : facts;
}
