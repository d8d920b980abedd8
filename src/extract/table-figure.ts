/** Figures read from a report's tables: the row names the unit, the column the metric, the caption the period. */
import { narrow } from './context.ts';
import { period as makePeriod } from './periods.ts';
import type { ReportReading } from './report-reading.ts';
import type { TableFigure } from './tables.ts';
import type { ExtractScope, ExtractedFigure, GazetteerUnit } from './types.ts';

/** A figure from a table cell: the row names the unit, the column the metric, the caption the period. */
export function tableFigure(r: ReportReading, cell: TableFigure): ExtractedFigure | null {
	const {
		text,
		named,
		gazetteer,
		provinces,
		contextUnit,
		context,
		periods,
		dateYear,
		chromeStart,
	} = r;
	if (cell.row.start >= chromeStart) return null;
	let scope: ExtractScope = 'own';
	let units: GazetteerUnit[];
	if (cell.total) {
		scope = 'subunits';
		units = contextUnit ? [contextUnit] : [];
	} else {
		const mention = named.find((n) => n.start >= cell.unitCell.start && n.end <= cell.unitCell.end);
		const matches = mention ? mention.matches : gazetteer.find(cell.unitCell.text, context.scheme);
		units = narrow(matches, gazetteer, provinces, contextUnit);
		if (contextUnit && units.length > 1)
			units = units.filter((u) => gazetteer.within(u, contextUnit));
	}
	const captionPeriods = periods.filter(
		(p) => p.start >= cell.caption.start && p.end <= cell.caption.end && !p.notReviewed,
	);
	const period =
		captionPeriods[0]?.period ??
		context.period ??
		makePeriod('year', { year: dateYear, basis: 'date' });
	const key = units.length === 1 ? `${units[0]!.scheme}:${units[0]!.code}` : null;
	return {
		id: '',
		metric: cell.metric,
		value: cell.value,
		qualifier: 'exact',
		scope,
		unit: cell.unitCell.text,
		unitKey: key,
		unitCandidates: units.slice(0, 12).map((u) => gazetteer.candidate(u)),
		period,
		evidence: text.slice(cell.cell.start, cell.cell.end),
		start: cell.cell.start,
		end: cell.cell.end,
		sentenceStart: cell.row.start,
		sentenceEnd: cell.row.end,
		derived: false,
		reasons: [
			`bảng, cột «${cell.header}»`,
			cell.total ? 'dòng tổng cộng: tổng của HĐND cấp dưới' : 'đơn vị của dòng',
		],
	};
}
