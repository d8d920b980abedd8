/**
 * The giao ban page's state: the unit and period chosen (kept in the URL by BriefingState), the unit's
 * own figures and its sub-units' for that period, and the pack built from them with the targets and the
 * sources. Create it while the page initialises: it reads the view and the data from the component's
 * context and owns an effect.
 */
import type { Table } from 'apache-arrow';
import { Superseded } from '../../db/coordinator.ts';
import {
	subunitPeriodSql,
	unitPeriodSql,
	type SubunitPeriodRow,
	type UnitPeriodRow,
} from '../../db/period-queries.ts';
import { tableRows } from '../../db/table-rows.ts';
import { buildPack, type Pack } from '../../briefing/pack.ts';
import { periodYear, samePeriodLastYear, type Period } from '../../model/periods.ts';
import type { UnitInfo } from '../../model/unit-index.ts';
import { schemeOfYear, type Scheme } from '../../model/units.ts';
import { BriefingState } from '../../state/briefing.svelte.ts';
import { getData } from '../../state/data.svelte.ts';
import { getView } from '../../state/view.svelte.ts';
import { packKey, subunitKinds } from './briefing-pack.ts';

/** The figures answered for one unit and period (`key`). */
interface Loaded {
	key: string;
	unitRows: UnitPeriodRow[];
	subunits: SubunitPeriodRow[];
}

export class BriefingData {
	readonly briefing = new BriefingState(new URLSearchParams(location.search));
	readonly #view = getView();
	readonly #data = getData();
	#loaded: Loaded | null = $state.raw(null);
	loadError: string | null = $state(null);

	readonly key: string | null = $derived(packKey(this.briefing.unit, this.briefing.period));
	readonly unit: UnitInfo | undefined = $derived(
		this.briefing.unit ? this.#data.units.get(this.briefing.unit) : undefined,
	);
	/** The units list the period's figures are reported on. */
	readonly periodScheme: Scheme = $derived(schemeOfYear(periodYear(this.briefing.period)));
	/** Null until the figures of the unit and period chosen now have arrived. */
	readonly pack: Pack | null = $derived.by(() => {
		const loaded = this.#loaded;
		const unit = this.unit;
		if (!loaded || !unit || loaded.key !== this.key) return null;
		return buildPack({
			unitKey: unit.key,
			unitName: unit.nameWithType,
			period: this.briefing.period,
			previous: samePeriodLastYear(this.briefing.period),
			unitRows: loaded.unitRows,
			subunits: loaded.subunits,
			subunitInfo: subunitKinds(this.#data.units),
			targets: this.briefing.allTargets,
			sources: this.#data.sources,
			basis: this.#view.state.basis,
			lang: this.#view.lang,
			now: new Date(),
			url: location.href,
		});
	});

	constructor() {
		// Both queries for the unit and period; a newer choice supersedes an older one's results.
		$effect(() => {
			const unit = this.briefing.unit;
			const period = this.briefing.period;
			const current = this.key;
			void this.#data.dataVersion;
			this.briefing.writeUrl();
			if (!unit || !current || !this.#data.coordinator) return;
			const coordinator = this.#data.coordinator;
			Promise.all([
				coordinator.request('briefing-unit', unitPeriodSql(unit, period)),
				coordinator.request('briefing-subunits', subunitPeriodSql(unit, period)),
			]).then(
				([own, sub]: [Table, Table]) => {
					if (current !== this.key) return;
					this.#loaded = {
						key: current,
						unitRows: tableRows<UnitPeriodRow>(own),
						subunits: tableRows<SubunitPeriodRow>(sub),
					};
					this.loadError = null;
				},
				(error: unknown) => {
					if (error instanceof Superseded) return;
					this.loadError = error instanceof Error ? error.message : String(error);
				},
			);
		});
	}

	readonly choose = (info: UnitInfo): void => {
		this.briefing.unit = info.key;
	};

	readonly setPeriod = (period: Period): void => {
		this.briefing.period = period;
	};
}
