/**
 * The state the reporting-period panels share (overview, map, comparison): the period asked for, kept in
 * the URL as `kp` so that every panel and a shared link open on it, and the panel's query for that period,
 * re-asked when the period, the inputs the query reads or the loaded data change. Create it while the
 * panel initialises: it reads the data from the component's context and owns an effect.
 */
import type { Table } from 'apache-arrow';
import { Superseded } from '../../db/coordinator.ts';
import { tableRows } from '../../db/table-rows.ts';
import {
	parsePeriodKey,
	periodKey,
	periodLabel,
	samePeriodLastYear,
	type Period,
} from '../../model/periods.ts';
import type { Bilingual } from '../../model/metrics.ts';
import { getData } from '../../state/data.svelte.ts';

export class PeriodQuery<Row> {
	period: Period | null = $state(parsePeriodKey(new URLSearchParams(location.search).get('kp')));
	rows: Row[] | null = $state.raw(null);
	/** Increments with each answer (or failure) shown: the panel's `data-render-id`. */
	renderId = $state(0);
	error: string | null = $state(null);
	/** The same period a year before, for the comparisons' labels; null for a period without one. */
	readonly previousLabel: Bilingual | null = $derived.by(() => {
		const previous = this.period ? samePeriodLastYear(this.period) : null;
		return previous ? periodLabel(previous) : null;
	});

	/** `sql` gives the query for a period, or null when there is nothing to ask (no units to compare). */
	constructor(client: string, sql: (period: Period) => string | null) {
		const data = getData();
		$effect(() => {
			const period = this.period;
			void data.dataVersion;
			const text = period && data.coordinator ? sql(period) : null;
			if (!text || !data.coordinator) return;
			data.coordinator.request(client, text).then(
				(table: Table) => {
					this.rows = tableRows<Row>(table);
					this.error = null;
					this.renderId++;
				},
				(error: unknown) => {
					if (error instanceof Superseded) return;
					this.error = error instanceof Error ? error.message : String(error);
					this.renderId++;
				},
			);
		});
	}

	/** Open the panel on a period (null closes it), and keep it in the URL. */
	readonly setPeriod = (next: Period | null): void => {
		this.period = next;
		const params = new URLSearchParams(location.search);
		if (next) params.set('kp', periodKey(next));
		else params.delete('kp');
		const search = params.toString();
		history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
	};
}
