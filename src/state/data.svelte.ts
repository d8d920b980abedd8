/**
 * The loaded dataset: engine start, download progress, the coordinator, and the units in memory.
 * The only state module that reaches the data layer.
 */
import { getContext, setContext } from 'svelte';
import { Coordinator } from '../db/coordinator.ts';
import { fetchFrom, loadDataset, type LoadProgress, type Manifest } from '../db/load.ts';
import { engineDeathMessage, type EngineDeath } from '../db/engine-watch.ts';
import { DataLoadError, errorText, loadErrorMessage } from '../db/load-error.ts';
import type { Bilingual } from '../model/metrics.ts';
import { ParquetWorker } from '../db/parquet-worker.ts';
import { sameAnswer } from '../db/answers.ts';
import { columnsOfSql, READ_AHEAD_TABLES, readAheadSql } from '../db/bundled.ts';
import { whenIdle } from '../db/idle.ts';
import { progressPerFrame } from './progress-per-frame.ts';
import { reaggregationSql } from '../db/prepare.ts';
import { CROSSWALK_SQL, SOURCES_SQL, UNITS_SQL } from '../db/start-queries.ts';
import { tableRows } from '../db/table-rows.ts';
import { wasmConnector } from '../db/wasm-connector.ts';
import type { SourceKind } from '../model/periods.ts';
import { UnitIndex } from '../model/unit-index.ts';
import { UnitYearStore } from './unit-year-store.ts';
import { Lineage } from '../model/lineage.ts';
import { ImportLibrary } from './imports.svelte.ts';
import { StartTables } from './start-tables.ts';

export interface SourceInfo {
	id: string;
	title: string;
	publisher: string | null;
	date: string | null;
	url: string | null;
	kind: SourceKind;
	note: string | null;
}

export class DataStore {
	status: 'loading' | 'ready' | 'error' = $state('loading');
	progress: LoadProgress = $state({ stage: 'download', loadedBytes: 0, totalBytes: 0 });
	/** What the user is told when the load failed, in plain words; the raw text is in `errorDetail`. */
	error: Bilingual | null = $state(null);
	/** The raw text of the failure (network, decoder, engine), shown behind "Details". */
	errorDetail: string | null = $state(null);
	/** The kind of failure (see LoadFailure), and the file it concerns, for tests and reports. */
	errorKind: string | null = $state(null);
	errorFile: string | null = $state(null);
	manifest: Manifest | null = $state.raw(null);
	units: UnitIndex = $state.raw(new UnitIndex([]));
	/** Successors and predecessors of units across 1 July 2025, from the crosswalk. */
	lineage: Lineage = $state.raw(new Lineage([], new UnitIndex([])));
	sources: SourceInfo[] = $state.raw([]);
	coordinator: Coordinator | null = null;
	/** The yearly rows held in the page for rankings answered without the engine (made with the coordinator). */
	unitYears: UnitYearStore | null = null;
	/**
	 * Set when the query engine died after the load (its worker ended or trapped): the views are no
	 * longer current, and the page must be reloaded. The imports are in IndexedDB and come back then.
	 */
	engineLost: { reason: EngineDeath; message: Bilingual; detail: string } | null = $state(null);
	/**
	 * The first screen's answers shipped with the data (db/answers.ts): none, waiting for the engine's check
	 * in idle time, verified (the engine gave the same), or corrected (it did not; its answers are shown).
	 */
	answersCheck: 'none' | 'pending' | 'verified' | 'corrected' = $state('none');
	/** Increments whenever the loaded data change (an import added or removed, simulated figures hidden). */
	dataVersion = $state(0);
	/** The user's imported datasets and the simulated-figures switch, re-applied after every load. */
	imports: ImportLibrary = new ImportLibrary(() => this.refresh());
	/** URL of the dataset folder, for the files beside its tables (the map's boundaries). */
	folder = '';

	/**
	 * Start the engine, load the dataset, re-apply the stored imports (and hide the simulated figures when
	 * asked) and read the units; safe to call once per page.
	 */
	/**
	 * `firstQueries` gives the queries the first screen will ask (none if it cannot tell): started as soon
	 * as the data is in, they run in the engine while the page reads the units and builds itself.
	 */
	async load(
		folder: string,
		optimised: boolean,
		showSimulated = true,
		firstQueries: () => string[] = () => [],
	): Promise<void> {
		this.folder = new URL(folder, document.baseURI).href;
		try {
			const engine = wasmConnector();
			// Decoded in a worker that ends after the last file: parquet-wasm's heap goes with it.
			const decoder = new ParquetWorker();
			const start = new StartTables();
			const { manifest, attached, answers } = await loadDataset({
				connector: engine,
				readFile: fetchFrom(new URL(folder, document.baseURI).href),
				decodeParquet: decoder.decode,
				afterDecode: decoder.close,
				onProgress: progressPerFrame((p) => (this.progress = p)),
				optimised,
				deferReaggregation: true,
				onAnswers: (shipped) => start.take(shipped),
			});
			const connector = await engine;
			connector.onDeath?.((reason, detail) => {
				this.engineLost = { reason, message: engineDeathMessage(reason), detail };
			});
			const coordinator = new Coordinator(connector, { cache: optimised });
			// Loaded from Parquet, the 2025-units table is built on first use, or in idle time after the first
			// screen; the database file has it ready.
			if (!attached) coordinator.defer('yearly_2025', reaggregationSql(optimised));
			// Held before the stored imports are applied: a change of the data drops them with the cache. (There
			// are answers only with the database file attached, which the optimised load alone does.)
			if (answers.length > 0) {
				coordinator.seed(start.shipped);
				this.answersCheck = 'pending';
			}
			await this.imports.restore(coordinator, { optimised, showSimulated });
			const unitsRead = coordinator.query(UNITS_SQL);
			const sourcesRead = coordinator.query(SOURCES_SQL);
			const linksRead = coordinator.query(CROSSWALK_SQL);
			// Queued after those three: the engine answers them while the page builds its indexes and views.
			coordinator.warm(firstQueries());
			const [units, sources, links] = await Promise.all([unitsRead, sourcesRead, linksRead]);
			// In idle time after the first screen: the shipped answers checked against the engine (which warms
			// it for the same queries), then the attached file's prepared tables read once, so that the first
			// click on a new measure or year does not wait for their blocks. Both wait for a quiet spell (see
			// CoordinatorOptions.quietMs): started while someone clicks, they would hold the clicks up.
			if (attached) whenIdle(() => void this.#afterFirstScreen(coordinator), 2000);
			({ units: this.units, lineage: this.lineage } = start.unitTables(units, links));
			this.sources = tableRows<SourceInfo>(sources);
			this.manifest = manifest;
			this.coordinator = coordinator;
			this.unitYears = new UnitYearStore(coordinator);
			this.status = 'ready';
		} catch (error) {
			this.error = loadErrorMessage(error);
			this.errorDetail = error instanceof DataLoadError ? error.detail : errorText(error);
			this.errorKind = error instanceof DataLoadError ? error.failure : 'engine';
			this.errorFile = error instanceof DataLoadError ? error.file : null;
			this.status = 'error';
		}
	}

	async #afterFirstScreen(coordinator: Coordinator): Promise<void> {
		if (this.answersCheck === 'pending') {
			try {
				const { checked, differing } = await coordinator.checkSeeded(sameAnswer);
				if (checked === 0) this.answersCheck = 'none';
				else if (differing.length > 0) {
					console.warn(
						`${differing.length} of ${checked} shipped answers differ from the engine's`,
					);
					this.answersCheck = 'corrected';
					// The views ask again, and get the engine's answers.
					this.dataVersion++;
				} else this.answersCheck = 'verified';
			} catch (error) {
				console.warn(`shipped answers not checked: ${errorText(error)}`);
			}
		}
		await readAhead(coordinator);
	}

	/** Re-read what the data changes can touch (the sources) and tell the views to query again. */
	async refresh(): Promise<void> {
		if (!this.coordinator) return;
		const sources = await this.coordinator.query(SOURCES_SQL);
		this.sources = tableRows<SourceInfo>(sources);
		this.dataVersion++;
	}
}

/** Have the engine read the attached prepared tables in its idle time (bundled.ts, readAheadSql). */
async function readAhead(coordinator: Coordinator): Promise<void> {
	try {
		for (const table of READ_AHEAD_TABLES) {
			const columns = (await coordinator.query(columnsOfSql(table))).schema.fields.map(
				(f) => f.name,
			);
			coordinator.readAhead(readAheadSql(table, columns));
		}
	} catch {
		// Only a head start: without it the first click on a column reads its blocks itself.
	}
}

const KEY = Symbol('data');

export function setData(store: DataStore): DataStore {
	return setContext(KEY, store);
}

export function getData(): DataStore {
	return getContext<DataStore>(KEY);
}
