/**
 * What the giao ban page is about: the unit and the period (in the URL as `gu` and `gp`, so a link to a
 * briefing rebuilds it), and the user's targets (kept in this browser).
 */
import { LAST_YEAR, parsePeriodKey, periodKey, type Period } from '../model/periods.ts';
import { parseUnitKey } from '../model/units.ts';
import { openTargetStore, type TargetStore } from '../targets/store.ts';
import { BUILTIN_TARGETS, type Target } from '../targets/target.ts';

/** The URL parameters of the giao ban page (`gu`, `gp`) and of the period panel on the other screens (`kp`); the shell keeps them beside the view's own. */
export const BRIEFING_PARAMS = ['gu', 'gp', 'kp'] as const;

/** The period shown first: the last full year of the bundled data. */
export const DEFAULT_PERIOD: Period = { kind: 'year', year: LAST_YEAR - 1 };

export class BriefingState {
	unit: string | null = $state(null);
	period: Period = $state(DEFAULT_PERIOD);
	/** The user's own targets (the law's are added in `allTargets`). */
	targets: Target[] = $state.raw([]);
	persistent = $state(true);
	private store: TargetStore | null = null;

	constructor(params: URLSearchParams) {
		// Without a unit of its own, the page starts on the unit whose details are open elsewhere.
		const unit = params.get('gu') ?? params.get('f');
		this.unit = unit && parseUnitKey(unit) ? unit : null;
		this.period = parsePeriodKey(params.get('gp')) ?? DEFAULT_PERIOD;
	}

	get allTargets(): Target[] {
		return [...BUILTIN_TARGETS, ...this.targets];
	}

	/** Read the stored targets (once). */
	async open(): Promise<void> {
		if (this.store) return;
		this.store = await openTargetStore();
		this.persistent = this.store.persistent;
		this.targets = await this.store.list();
	}

	async save(target: Target): Promise<void> {
		await this.open();
		await this.store!.put(target);
		this.targets = await this.store!.list();
	}

	async remove(id: string): Promise<void> {
		await this.open();
		await this.store!.delete(id);
		this.targets = await this.store!.list();
	}

	/** The page's parameters written into the current address. */
	writeUrl(): void {
		const params = new URLSearchParams(location.search);
		if (this.unit) params.set('gu', this.unit);
		else params.delete('gu');
		params.set('gp', periodKey(this.period));
		const search = params.toString();
		const url = `${location.pathname}${search ? `?${search}` : ''}`;
		if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
	}
}
