/**
 * Tables in a report's text: rows of cells separated by "|" or tabs (as the DOCX, HTML and PDF readers
 * write table rows). A header cell that names a counted activity ("Cuộc giám sát", "Lượt tiếp công dân")
 * makes its column a metric; the unit column names each row's council; a total row ("Tổng cộng") is
 * the sum over the sub-units; a row of "the others" is a part and gives nothing. Each figure's evidence
 * is its cell, and its sentence is its row.
 */
import { matchNoun } from './lexicon.ts';
import type { ExtractMetricId } from './types.ts';

export interface TableCell {
	text: string;
	start: number;
	end: number;
}

export interface TableFigure {
	metric: ExtractMetricId;
	value: number;
	/** The row's unit cell, and whether the row is the total over the sub-units. */
	unitCell: TableCell;
	total: boolean;
	cell: TableCell;
	row: { start: number; end: number };
	/** The lines just above the header (the table's title), for its period. */
	caption: { start: number; end: number };
	header: string;
}

export interface Table {
	start: number;
	end: number;
	figures: TableFigure[];
}

const SEPARATOR = /\t|\s\|\s?|\|/;

function cellsOf(line: string, offset: number): TableCell[] {
	const cells: TableCell[] = [];
	let at = 0;
	for (const part of line.split(/(\t|\|)/)) {
		if (part !== '\t' && part !== '|') {
			const lead = part.length - part.trimStart().length;
			const text = part.trim();
			cells.push({ text, start: offset + at + lead, end: offset + at + lead + text.length });
		}
		at += part.length;
	}
	// A leading or trailing separator ("| a | b |") leaves an empty cell at the edge: drop it.
	if (cells[0]?.text === '' && /^\s*\|/.test(line)) cells.shift();
	if (cells[cells.length - 1]?.text === '' && /\|\s*$/.test(line)) cells.pop();
	return cells;
}

const UNIT_HEADER =
	/^(?:đơn\s+vị|tên\s+đơn\s+vị|địa\s+phương|địa\s+bàn|xã|phường|xã,\s*phường|huyện|quận|hđnd)/iu;
const TOTAL_ROW =
	/^(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+(?:quận|huyện|thị\s+xã|thành\s+phố|tỉnh))(?![\p{L}])/iu;
const PART_ROW = /còn\s+lại|khác(?![\p{L}])/iu;

/** The metric a header cell names, or null ("Kỳ họp chuyên đề" → sessions_thematic). */
function headerMetric(header: string): ExtractMetricId | null {
	const text = header.replace(/\s*\([^)]*\)\s*$/, '');
	const noun = matchNoun('', ` ${text}`, text);
	if (!noun || noun.length < text.length - 2) return null;
	return noun.metric;
}

/** Tables of the text, with their figures. */
export function findTables(text: string): Table[] {
	const lines: { text: string; start: number }[] = [];
	let at = 0;
	for (const line of text.split('\n')) {
		lines.push({ text: line, start: at });
		at += line.length + 1;
	}
	const tables: Table[] = [];
	for (let i = 0; i < lines.length; i++) {
		const header = lines[i]!;
		if (!SEPARATOR.test(header.text)) continue;
		const heads = cellsOf(header.text, header.start);
		if (heads.length < 3) continue;
		const metrics = heads.map((h) => headerMetric(h.text));
		const unitColumn = heads.findIndex((h) => UNIT_HEADER.test(h.text));
		if (unitColumn < 0 || metrics.every((m) => m === null)) continue;
		const figures: TableFigure[] = [];
		const captionLine = lines[i - 1];
		const caption = captionLine
			? { start: captionLine.start, end: captionLine.start + captionLine.text.length }
			: { start: header.start, end: header.start };
		let j = i + 1;
		for (; j < lines.length; j++) {
			const row = lines[j]!;
			if (!SEPARATOR.test(row.text)) break;
			const cells = cellsOf(row.text, row.start);
			if (Math.abs(cells.length - heads.length) > 1) break;
			// Rows shorter by one lost their leading number cell ("| Tổng cộng | 5 | …").
			const shift = heads.length - cells.length;
			const unitCell = cells[unitColumn - shift];
			if (!unitCell || PART_ROW.test(unitCell.text)) continue;
			const total = TOTAL_ROW.test(unitCell.text);
			metrics.forEach((metric, c) => {
				const cell = cells[c - shift];
				if (!metric || !cell || c === unitColumn) return;
				const m = /^(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(cell.text);
				if (!m) return;
				figures.push({
					metric,
					value: Number(m[1]!.replace(/\./g, '')),
					unitCell,
					total,
					cell,
					row: { start: row.start, end: row.start + row.text.length },
					caption,
					header: heads[c]!.text,
				});
			});
		}
		tables.push({
			start: header.start,
			end: lines[j - 1]!.start + lines[j - 1]!.text.length,
			figures,
		});
		i = j - 1;
	}
	return tables;
}
