/**
 * The rows of the unit detail and what is worked out from them without the page: the sources they
 * came from, counted for the export sheet and grouped for the list under the table.
 */
import type { CountedSource } from '../../export/describe.ts';
import { METRICS } from '../../model/metrics.ts';
import type { UnitFactRow } from '../../model/unit-facts.ts';
import type { PeriodKind, SourceKind } from '../../model/periods.ts';

/**
 * One fact of the unit as `unitAllFactsSql` returns it: the fields the year is picked by (UnitFactRow,
 * narrowed here), its source's, and every metric.
 */
export interface FactRow extends UnitFactRow, Record<string, unknown> {
	period: PeriodKind;
	scope: 'own' | 'subunits';
	source_kind: SourceKind;
	qualifier: string | null;
	note: string | null;
	source_title: string;
	source_publisher: string | null;
	source_date: string | null;
	source_url: string | null;
}

/** A source of the figures shown, once, with the notes and facts of all its rows. */
export interface FactSource {
	id: string;
	title: string;
	publisher: string | null;
	date: string | null;
	url: string | null;
	notes: string[];
	facts: FactRow[];
}

/** The sources of the figures shown: every metric value of every column, by its source, most first. */
export function countedSources(rows: readonly FactRow[]): CountedSource[] {
	const counted = new Map<string, CountedSource>();
	for (const fact of rows) {
		const figures = METRICS.filter((m) => typeof fact[m.id] === 'number').length;
		const seen = counted.get(fact.source_id);
		if (seen) seen.figures += figures;
		else
			counted.set(fact.source_id, {
				id: fact.source_id,
				kind: fact.source_kind,
				title: fact.source_title,
				publisher: fact.source_publisher,
				date: fact.source_date,
				figures,
			});
	}
	return [...counted.values()].sort((a, b) => b.figures - a.figures);
}

/** Each source once, in the order its first fact is shown, with the notes of all its rows. */
export function sourcesOf(facts: readonly FactRow[]): FactSource[] {
	const byId = new Map<string, FactSource>();
	for (const fact of facts) {
		const source = byId.get(fact.source_id) ?? {
			id: fact.source_id,
			title: fact.source_title,
			publisher: fact.source_publisher,
			date: fact.source_date,
			url: fact.source_url,
			notes: [],
			facts: [],
		};
		if (fact.note) source.notes.push(fact.note);
		source.facts.push(fact);
		byId.set(fact.source_id, source);
	}
	return [...byId.values()];
}
