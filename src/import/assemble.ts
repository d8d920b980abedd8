/**
 * One table to check, from the sheets chosen in a file: each sheet's table found under its title block
 * (or where the user put its header), their rows put together column by column, and the facts the rows
 * lack taken from the title block or the sheet's name ("NĂM 2023", "HĐND XÃ HẠ BẰNG", a sheet named
 * "Hạ Bằng"): they become columns of their own, marked "(theo tiêu đề)", that the user sees and can
 * ignore in the mapping step like any other.
 */
import type { Bilingual } from '../model/metrics.ts';
import { PERIOD_LABELS } from '../model/periods.ts';
import { foldVietnamese } from '../model/text.ts';
import type { ImportColumnId } from './columns.ts';
import type { ReadSource, RegionInfo, SourceSheet } from './source.ts';
import { detectRegion, regionAt, type TableRegion } from './table-region.ts';
import { readTitleBlock, type TitleFacts } from './title-block.ts';
import type { Cell, Sheet, SheetRow } from './types.ts';
import { levelOfName, schemeOfYear, type UnitNames } from './unit-names.ts';

/** A sheet to read, and where its header is when the user moved it (else it is found). */
export interface SheetChoice {
	sheet: number;
	header?: { index: number; height: number };
}

export interface Assembled {
	sheet: Sheet;
	mapping: (ImportColumnId | null)[];
}

const textOf = (c: Cell | undefined) =>
	c === null || c === undefined ? '' : String(c).normalize('NFC').trim();

/** The region of a sheet: where the user put the header, else found, else its first row with text. */
export function regionOf(sheet: SourceSheet, header?: SheetChoice['header']): TableRegion {
	const merges = sheet.merges ?? [];
	if (header) return regionAt(sheet.rows, merges, header.index, header.height);
	const found = detectRegion(sheet.rows, merges);
	if (found) return found;
	const first = sheet.rows.findIndex((r) => r.cells.some((c) => textOf(c) !== ''));
	return regionAt(sheet.rows, merges, Math.max(0, first), 1);
}

/** Names a workbook writer gives sheets by default: they say nothing about the unit. */
const GENERIC_NAME =
	/^(sheet|trang tinh|bieu|bang|mau|tong hop|so lieu|data|du lieu|bao cao|huong dan)\s*\d*$/;

/** The sheet's name when it may name a unit or a period ("Hạ Bằng", "2023"), not "Sheet1". */
export function telling(sheet: SourceSheet): string | null {
	const folded = foldVietnamese(sheet.name);
	return GENERIC_NAME.test(folded) || folded === '' ? null : sheet.name;
}

/** The title block's facts; the period completed by the sheet's name ("2023", "6 tháng 2024"). */
export function titleOf(sheet: SourceSheet, region: TableRegion): TitleFacts {
	const lines = sheet.rows
		.slice(0, region.headerIndex)
		.flatMap((r) => r.cells.map(textOf).filter((t) => t !== ''));
	const facts = readTitleBlock(lines);
	const name = telling(sheet);
	const named = name === null ? {} : readTitleBlock([name]);
	if (!facts.period && named.period) Object.assign(facts, pickPeriod(named));
	return facts;
}

const pickPeriod = (f: TitleFacts): TitleFacts => {
	const { period, year, month, term } = f;
	return Object.fromEntries(
		Object.entries({ period, year, month, term }).filter(([, v]) => v !== undefined),
	);
};

/** A date as the workbook reader writes it: "dd/mm/yyyy", perhaps with a time. */
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?: \d{2}:\d{2})?$/;

/** A total row ("Tổng cộng", "Cộng"): not a unit's figures. */
const TOTAL = /^(tong cong|cong|tong so|tong|toan huyen|toan tinh|toan xa|total)$/;

/** The sheets read when the user has not chosen: see the mapping step's sheet list. */
export function defaultChoice(source: ReadSource): SheetChoice[] {
	const visible = source.sheets.flatMap((s, i) => (s.hidden ? [] : [i]));
	const candidates = visible.length > 0 ? visible : source.sheets.map((_, i) => i);
	const withTable = candidates.filter(
		(i) => detectRegion(source.sheets[i]!.rows, source.sheets[i]!.merges) !== null,
	);
	if (withTable.length === 0) {
		const first = candidates.find((i) => source.sheets[i]!.rows.length > 0) ?? candidates[0] ?? 0;
		return [{ sheet: first }];
	}
	// A sheet per unit or per period: the same table in every sheet, each for its own unit or period.
	const signature = (i: number) => {
		const sheet = source.sheets[i]!;
		const region = regionOf(sheet);
		const title = titleOf(sheet, region);
		return {
			columns: region.mapping.filter((m) => m !== null).join(','),
			key: `${telling(sheet) ?? ''}|${title.unit ?? ''}|${title.period ?? ''}|${title.year ?? ''}|${title.month ?? ''}`,
			// Rows that say their own unit and year need no sheet to say it for them.
			selfContained:
				region.mapping.includes('year') &&
				(region.mapping.includes('unit_code') || region.mapping.includes('unit_name')),
		};
	};
	const signatures = withTable.map(signature);
	const sameTable = signatures.every((s) => s.columns === signatures[0]!.columns);
	const ownFacts = new Set(signatures.map((s) => s.key)).size === signatures.length;
	if (withTable.length > 1 && sameTable && ownFacts && !signatures[0]!.selfContained) {
		return withTable.map((sheet) => ({ sheet }));
	}
	return [{ sheet: withTable[0]! }];
}

/** The sheets and headers read first: Parquet's column names, else what defaultChoice finds. */
export function initialChoice(source: ReadSource): SheetChoice[] {
	return source.fixedHeader
		? [{ sheet: 0, header: { index: 0, height: 1 } }]
		: defaultChoice(source);
}

export interface AssembleOptions {
	/** Finds units by name (title block, sheet names, a name column without codes). */
	units?: UnitNames;
}

/** The table of the chosen sheets, with the mapping found for it. Pure. */
export function assembleTable(
	source: ReadSource,
	choices: readonly SheetChoice[],
	options: AssembleOptions = {},
): Assembled {
	const chosen = choices.filter((c) => source.sheets[c.sheet]);
	const parts = chosen.map((c) => {
		const sheet = source.sheets[c.sheet]!;
		const region = regionOf(sheet, c.header);
		return { sheet, region, title: titleOf(sheet, region) };
	});
	const first = parts[0];
	const headers: string[] = first ? [...first.region.headers] : [];
	const mapping: (ImportColumnId | null)[] = first ? [...first.region.mapping] : [];
	const notices: Bilingual[] = [...(source.notices ?? [])];
	const regions: RegionInfo[] = [];
	// Columns of later sheets go where the first sheet has the same column; new ones are added.
	const placeOf = (id: ImportColumnId, label: string): number => {
		const at = mapping.indexOf(id);
		if (at >= 0) return at;
		headers.push(label);
		mapping.push(id);
		return headers.length - 1;
	};
	const rows: { row: SheetRow; part: (typeof parts)[number] }[] = [];
	const skippedTotals: number[] = [];
	let below = 0;
	for (const part of parts) {
		const { sheet, region } = part;
		notices.push(...(sheet.notices ?? []));
		const places = region.mapping.map((id, i) =>
			part === first ? i : id ? placeOf(id, region.headers[i]!) : -1,
		);
		const body = sheet.rows.slice(region.bodyIndex, region.bodyEnd);
		below += sheet.rows.length - region.bodyEnd;
		const codeAt = region.mapping.indexOf('unit_code');
		for (const row of body) {
			const isTotal =
				(codeAt < 0 || textOf(row.cells[codeAt]) === '') &&
				row.cells.some((c) => typeof c === 'string' && TOTAL.test(foldVietnamese(c)));
			if (isTotal) {
				skippedTotals.push(row.number);
				continue;
			}
			const cells: Cell[] = [];
			places.forEach((to, from) => {
				if (to >= 0) cells[to] = row.cells[from] ?? null;
			});
			rows.push({ row: { number: row.number, cells }, part });
		}
		regions.push({
			...(source.sheets.length > 1 || source.format === 'xlsx' ? { sheetName: sheet.name } : {}),
			headerRows: region.headerRowNumbers,
			headerIndex: region.headerIndex,
			headerHeight: region.headerHeight,
			firstColumn: region.firstColumn,
			lastColumn: region.lastColumn,
			firstRow: body[0]?.number ?? null,
			lastRow: body.at(-1)?.number ?? null,
			title: part.title,
		});
	}
	if (skippedTotals.length > 0) {
		notices.push(MESSAGES.totals(skippedTotals));
	}
	if (below > 0) notices.push(MESSAGES.below(below));

	// Facts the rows lack, from each sheet's title block or name.
	const addColumn = (
		id: ImportColumnId,
		label: string,
		value: (p: (typeof parts)[number], r: SheetRow) => Cell,
	) => {
		const values = rows.map(({ row, part }) => value(part, row));
		if (values.every((v) => v === null)) return;
		headers.push(label);
		mapping.push(id);
		rows.forEach(({ row }, i) => {
			row.cells[headers.length - 1] = values[i]!;
		});
	};
	// A year or month column of dates ("31/12/2023") gives the date's year or month.
	for (const id of ['year', 'month'] as const) {
		const at = mapping.indexOf(id);
		if (at < 0) continue;
		for (const { row } of rows) {
			const date = DATE.exec(textOf(row.cells[at]));
			if (date) row.cells[at] = Number(id === 'year' ? date[3] : date[2]);
		}
	}
	const width = headers.length;
	for (const { row } of rows) while (row.cells.length < width) row.cells.push(null);
	const has = (id: ImportColumnId) => mapping.includes(id);
	if (!has('year')) addColumn('year', 'Năm (theo tiêu đề)', (p) => p.title.year ?? null);
	if (!has('period')) {
		// A full year is the default period: only other periods need saying.
		addColumn('period', 'Kỳ báo cáo (theo tiêu đề)', (p) =>
			p.title.period && p.title.period !== 'year' ? PERIOD_LABELS[p.title.period].vi : null,
		);
	}
	if (!has('month')) addColumn('month', 'Tháng (theo tiêu đề)', (p) => p.title.month ?? null);
	if (!has('term') && !rows.some(({ row }) => textOf(row.cells[mapping.indexOf('year')]) !== '')) {
		addColumn('term', 'Nhiệm kỳ (theo tiêu đề)', (p) => p.title.term ?? null);
	}
	if (!has('unit_code') && options.units) {
		const units = options.units;
		const nameAt = mapping.indexOf('unit_name');
		const yearAt = mapping.indexOf('year');
		const schemeOf = (row: SheetRow, title: TitleFacts) => {
			const y = Number(textOf(row.cells[yearAt]) || title.year);
			return Number.isInteger(y) && y > 1990 ? schemeOfYear(y, title.period) : null;
		};
		const rank = (level: string | undefined) =>
			level === 'commune' ? 3 : level === 'district' ? 2 : level === 'province' ? 1 : 0;
		// The sheet's unit: its title block's, or one its name names within it (a sheet per commune of
		// a district's workbook); the unit of every row, or the unit the rows' names lie within.
		const titleUnit = (p: (typeof parts)[number], row: SheetRow) => {
			const scheme = schemeOf(row, p.title);
			if (!scheme) return null;
			const fromTitle = p.title.unit
				? units.find(p.title.unit, scheme, { level: p.title.unitLevel ?? null })
				: null;
			const name = telling(p.sheet);
			const fromName = name ? units.find(name, scheme, { within: fromTitle?.code ?? null }) : null;
			return fromName && (!fromTitle || rank(fromName.level) > rank(fromTitle.level))
				? fromName
				: fromTitle;
		};
		if (nameAt >= 0) {
			addColumn('unit_code', 'Mã đơn vị (theo tên)', (p, row) => {
				const name = textOf(row.cells[nameAt]);
				const scheme = schemeOf(row, p.title);
				if (!name || !scheme) return null;
				const within = titleUnit(p, row)?.code ?? null;
				return units.find(name, scheme, { level: levelOfName(name), within })?.code ?? null;
			});
		} else {
			addColumn(
				'unit_code',
				'Mã đơn vị (theo tiêu đề)',
				(p, row) => titleUnit(p, row)?.code ?? null,
			);
		}
	}
	if (parts.length > 1) {
		headers.push('Trang tính');
		mapping.push(null);
		rows.forEach(({ row, part }) => {
			row.cells[headers.length - 1] = part.sheet.name;
		});
	}

	const sheet: Sheet = {
		format: source.format,
		...(source.encoding !== undefined && { encoding: source.encoding }),
		...(source.delimiter !== undefined && { delimiter: source.delimiter }),
		...(source.format === 'xlsx' && { sheetName: parts.map((p) => p.sheet.name).join(', ') }),
		...(notices.length > 0 && { notices }),
		regions,
		headerRow: first?.region.headerRowNumbers.at(-1) ?? 1,
		headers,
		rows: rows.map((r) => r.row),
	};
	return { sheet, mapping };
}

const list = (rows: number[]) =>
	rows.length > 5 ? `${rows.slice(0, 5).join(', ')}…` : rows.join(', ');

const MESSAGES = {
	totals: (rows: number[]): Bilingual => ({
		vi: `Dòng tổng cộng không nhập (dòng ${list(rows)}): biểu đồ tự cộng từ các đơn vị.`,
		en: `Total rows are not imported (row ${list(rows)}): the charts add up the units themselves.`,
	}),
	below: (n: number): Bilingual => ({
		vi: `${n} dòng bên dưới bảng (chữ ký, ghi chú) không thuộc bảng số liệu: bỏ qua.`,
		en: `${n} row(s) below the table (signatures, notes) are not part of it: skipped.`,
	}),
};
