/**
 * The unit index and the lineage, built from the answers of the page's first queries (db/start-queries.ts).
 *
 * The shipped answers (db/answers.ts) arrive long before the engine is ready, while its wasm is still
 * compiling and the page has nothing else to do: the index is built from them then. When the coordinator
 * later answers the same queries with the very tables it was given (no data change in between), that work
 * is taken as it is; any other answer (the engine's own) is built anew.
 */
import type { Table } from 'apache-arrow';
import { answerTables, type PreparedAnswer } from '../db/answers.ts';
import { CROSSWALK_SQL, UNITS_SQL } from '../db/start-queries.ts';
import { tableRows } from '../db/table-rows.ts';
import { Lineage, type CrosswalkLink } from '../model/lineage.ts';
import { UnitIndex, type UnitRowInput } from '../model/unit-index.ts';

export interface UnitTables {
	units: UnitIndex;
	lineage: Lineage;
}

function build(units: Table, links: Table): UnitTables {
	const index = new UnitIndex(tableRows<UnitRowInput>(units));
	return { units: index, lineage: new Lineage(tableRows<CrosswalkLink>(links), index) };
}

export class StartTables {
	/** The shipped answers as tables, for the coordinator to hold (the same objects it will answer with). */
	shipped: { sql: string; table: Table }[] = [];
	#early: { units: Table; links: Table; built: UnitTables } | null = null;

	/** Take the shipped answers as soon as they are read, and build the index from them now. */
	take(answers: readonly PreparedAnswer[]): void {
		this.shipped = answerTables(answers);
		const find = (sql: string) => this.shipped.find((a) => a.sql === sql)?.table;
		const units = find(UNITS_SQL);
		const links = find(CROSSWALK_SQL);
		if (units && links) this.#early = { units, links, built: build(units, links) };
	}

	/** The index and lineage of these answers: built already if they are the shipped ones. */
	unitTables(units: Table, links: Table): UnitTables {
		const early = this.#early;
		if (early && early.units === units && early.links === links) return early.built;
		return build(units, links);
	}
}
