/**
 * Excel workbooks written: plain values, a bold frozen header row, text-formatted code columns (so that
 * Excel keeps their leading zeros), merged title cells. Used for the import template, test fixtures
 * and downloads.
 */
import { strToU8, zipSync } from 'fflate';
import { columnLetter } from './columns.ts';
import { escapeXml } from './xml.ts';

/** A sheet to write: rows of plain values; the first row is a bold header, `textColumns` are text. */
export interface SheetToWrite {
	name: string;
	rows: readonly (readonly (string | number | null)[])[];
	/** Column widths in characters. */
	widths?: readonly number[];
	/** 0-based columns formatted as text, so that Excel keeps the leading zeros typed there. */
	textColumns?: readonly number[];
	/** Freeze the first row. */
	header?: boolean;
	/** Merged ranges ("A5:A6"), as a report's title block and two-row header have. */
	merges?: readonly string[];
	/** Hidden in Excel. */
	hidden?: boolean;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(sheet: SheetToWrite): string {
	const text = new Set(sheet.textColumns ?? []);
	const cols = (sheet.widths ?? [])
		.map(
			(w, i) =>
				`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${text.has(i) ? ' style="2"' : ''}/>`,
		)
		.join('');
	const rows = sheet.rows
		.map((row, r) => {
			const cells = row
				.map((value, c) => {
					if (value === null || value === '') return '';
					const ref = `${columnLetter(c)}${r + 1}`;
					const style = r === 0 && sheet.header ? ' s="1"' : text.has(c) ? ' s="2"' : '';
					if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
					return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
				})
				.join('');
			return `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	const merges = sheet.merges?.length
		? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
		: '';
	const pane = sheet.header
		? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
		: '';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

/** A workbook of the given sheets as .xlsx bytes. Deterministic: no clock, fixed zip dates. */
export function writeXlsx(sheets: readonly SheetToWrite[]): Uint8Array {
	const mtime = new Date(2026, 0, 1);
	const file = (content: string): [Uint8Array, { mtime: Date }] => [strToU8(content), { mtime }];
	const files: Record<string, [Uint8Array, { mtime: Date }]> = {
		'[Content_Types].xml': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
				)
				.join('')}</Types>`,
		),
		'_rels/.rels': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		),
		'xl/workbook.xml': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
				.map(
					(s, i) =>
						`<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
				)
				.join('')}</sheets></workbook>`,
		),
		'xl/_rels/workbook.xml.rels': file(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
				)
				.join(
					'',
				)}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		),
		'xl/styles.xml': file(STYLES),
	};
	sheets.forEach((s, i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = file(sheetXml(s));
	});
	return zipSync(files, { level: 6 });
}
