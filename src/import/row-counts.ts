/**
 * The figures of a row: each metric column read as a count ("1.143" the Vietnamese way, "hơn 20" as at
 * least 20), with an issue for each cell that is not a count and for petitions resolved above received.
 */
import type { MetricId } from '../model/metrics.ts';
import { MESSAGES } from './issue-messages.ts';
import { cellText, parseCount, type CountQualifier } from './numbers.ts';
import type { RowReader } from './row-reader.ts';

export interface RowCounts {
	/** By metric column: the count, null when the cell is empty (not reported), absent when it is broken. */
	values: Partial<Record<MetricId, number | null>>;
	/** The row's qualifier: the one written in its column, else one a figure carried ("khoảng 30"). */
	qualifier: CountQualifier | null;
}

/**
 * Reads the metric columns of a row. `qualifier` is what the row's qualifier column says, and
 * `qualifierWritten` whether it says anything: a figure's own qualifier must then agree with it.
 */
export function readCounts(
	row: RowReader,
	metricColumns: readonly MetricId[],
	qualifier: CountQualifier | null,
	qualifierWritten: boolean,
): RowCounts {
	const values: Partial<Record<MetricId, number | null>> = {};
	for (const id of metricColumns) {
		const raw = row.cell(id);
		const result = parseCount(raw);
		switch (result.kind) {
			case 'empty':
				values[id] = null;
				break;
			case 'value':
				values[id] = result.value;
				if (result.qualifier) {
					if (qualifier === null && !qualifierWritten) {
						qualifier = result.qualifier;
						row.add(
							'warning',
							'qualifier_from_text',
							MESSAGES.qualifierFromText(cellText(raw), result.value, result.qualifier),
							id,
						);
					} else if (qualifier !== result.qualifier) {
						row.add(
							'error',
							'qualifier_conflict',
							MESSAGES.qualifierConflict(cellText(raw), qualifier ?? result.qualifier),
							id,
						);
					}
				}
				break;
			case 'decimal':
				row.add('error', 'decimal', MESSAGES.decimal(result.text, id), id);
				break;
			case 'ambiguous':
				row.add('error', 'ambiguous_number', MESSAGES.ambiguousNumber(result.text), id);
				break;
			case 'negative':
				row.add('error', 'negative', MESSAGES.negative(result.text), id);
				break;
			case 'too_large':
				row.add('error', 'too_large', MESSAGES.tooLarge(result.text), id);
				break;
			case 'text':
				row.add('error', 'not_a_number', MESSAGES.notANumber(result.text), id);
				break;
		}
	}
	const counted = metricColumns.filter((id) => values[id] !== undefined);
	const anyFigure = counted.some((id) => values[id] !== null);
	const anyBroken = metricColumns.some((id) => values[id] === undefined);
	if (!anyFigure && !anyBroken) row.add('error', 'no_figures', MESSAGES.noFigures());
	const received = values.petitions_received;
	const resolved = values.petitions_resolved;
	if (typeof received === 'number' && typeof resolved === 'number' && resolved > received) {
		row.add(
			'error',
			'resolved_above_received',
			MESSAGES.resolvedAboveReceived(resolved, received),
			'petitions_resolved',
		);
	}
	return { values, qualifier };
}
