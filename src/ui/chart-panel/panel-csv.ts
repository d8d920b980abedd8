/**
 * What a chart panel's CSV holds besides the figures: the rows of the chart's data, and the comment
 * lines that say what the figures are and where they come from.
 */
import type { CsvCell, PanelTable } from '../../export/chart-csv.ts';
import type { Credit } from '../../export/credits.ts';
import type { CountedSource } from '../../export/describe.ts';
import type { FigureScope } from '../../db/source-queries.ts';

/** The chart's data as CSV rows, its column labels first. */
export function dataTableCells(data: PanelTable): CsvCell[][] {
	return [data.columns.map((c) => c.label), ...data.rows];
}

/**
 * The unit-year rows whose sources an export names. The data table has its own when it lists more than
 * the chart draws (a top-40 ranking); undefined: the chart cannot say.
 */
export function sourceScope(
	figures: FigureScope | null | undefined,
	tableFigures: FigureScope | null | undefined,
	forTable: boolean,
): FigureScope | null | undefined {
	return forTable ? (tableFigures ?? figures) : figures;
}

/**
 * The CSV's comment lines: the panel's notes on its figures, then each source of the rows on its own
 * line ("# Nguồn: …", so that a reader can tell them apart), then the credits.
 */
export function csvComments(
	notes: readonly string[],
	sources: readonly CountedSource[] | null,
	sourceLine: (source: CountedSource) => string,
	credits: readonly Credit[],
): string[] {
	return [...notes, ...(sources ?? []).map(sourceLine), ...credits.map((c) => c.text)];
}
