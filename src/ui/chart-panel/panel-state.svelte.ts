/**
 * A chart panel's state and exports: whether its data table is shown instead of the chart, and the
 * files made of it (PNG, SVG, the CSV of its data, a copy to the clipboard), read from the panel as it
 * is on the page. Create it while the panel initialises; `props` is called each time they are needed,
 * so that an export reads the panel's props as they stand then.
 */
import { tick } from 'svelte';
import { figureSourcesSql, type FigureScope } from '../../db/source-queries.ts';
import { tableRows } from '../../db/table-rows.ts';
import {
	exportFileName,
	tableCells,
	toCsv,
	type CsvCell,
	type PanelTable,
} from '../../export/chart-csv.ts';
import type { Credit } from '../../export/credits.ts';
import type { CountedSource } from '../../export/describe.ts';
import { exportEnvironment } from '../../export/environment.ts';
import { exportPanelSvg, type ExportOptions } from '../../export/export.ts';
import { registerPanel } from '../../export/registry.ts';
import { copyPng, saveBlob, saveImage, svgToPng, type ExportAction } from '../../export/save.ts';
import { getData } from '../../state/data.svelte.ts';
import { getView } from '../../state/view.svelte.ts';
import { csvComments, dataTableCells, sourceScope } from './panel-csv.ts';

/** The panel's props its exports read (see ChartPanel's Props). */
export interface PanelExportProps {
	chart: string;
	csvNotes: readonly string[];
	credits: readonly Credit[];
	figures: FigureScope | null | undefined;
	tableFigures: FigureScope | null | undefined;
	/** The chart's data; without it, the CSV is read from the view's `table` snippet as drawn. */
	data: PanelTable | undefined;
}

export class PanelState {
	readonly #props: () => PanelExportProps;
	readonly #view = getView();
	readonly #store = getData();

	showTable = $state(false);
	/** The table drawn off screen for a moment, to read it into a CSV. */
	tableForCsv = $state(false);
	section: HTMLElement | undefined = $state();
	offscreen: HTMLDivElement | undefined = $state();

	constructor(props: () => PanelExportProps) {
		this.#props = props;
	}

	toggleTable(): void {
		this.showTable = !this.showTable;
	}

	/** Puts the chart (not its table) on screen for an export; resolves to the undo. */
	prepare = async (): Promise<() => void> => {
		if (!this.showTable) return () => {};
		this.showTable = false;
		await tick();
		return () => (this.showTable = true);
	};

	/** The counted sources of the figures drawn (or of the table's rows); null when not known. */
	sources = async (forTable = false): Promise<CountedSource[] | null> => {
		const { figures, tableFigures } = this.#props();
		const scope = sourceScope(figures, tableFigures, forTable);
		if (scope === undefined || !this.#store.coordinator) return null;
		if (scope === null) return [];
		return tableRows<CountedSource>(await this.#store.coordinator.query(figureSourcesSql(scope)));
	};

	/** Makes the file the export menu asks for; resolves to the message for its status line. */
	perform = async (action: ExportAction, options: ExportOptions): Promise<string> => {
		const view = this.#view;
		const { chart, csvNotes, credits } = this.#props();
		if (!this.section) throw new Error('no panel');
		const date = new Date();
		const source = { section: this.section, prepare: this.prepare, sources: this.sources };
		const env = exportEnvironment(view, this.#store, date);
		if (action.kind === 'copy') {
			await copyPng(exportPanelSvg(source, env, options).then((svg) => svgToPng(svg, 2)));
			return view.t('exportCopied');
		}
		let file: string;
		if (action.kind === 'csv') {
			file = exportFileName(chart, date, 'csv');
			const sourceLine = (s: CountedSource) =>
				view.t('exportSources', { sources: env.sourceText(s) });
			const comments = csvComments(csvNotes, await this.sources(true), sourceLine, credits);
			saveBlob(
				new Blob([toCsv(await this.#csvRows(), comments)], { type: 'text/csv;charset=utf-8' }),
				file,
			);
		} else {
			const exported = await exportPanelSvg(source, env, options);
			file = await saveImage(exported, chart, date, options, action);
		}
		return view.t('exportSaved', { file });
	};

	/** Registers the panel for whole-screen exports, once its section is mounted; returns the removal. */
	register(): () => void {
		const charted = this.#props().figures !== undefined;
		return registerPanel({
			section: this.section!,
			prepare: this.prepare,
			sources: this.sources,
			// Charts that say what they draw are counted together on a sheet; others count apart.
			...(charted ? { scope: () => this.#props().figures ?? null } : {}),
		});
	}

	/** The CSV's rows: the chart's data, else its table as shown, else the table drawn off screen. */
	async #csvRows(): Promise<CsvCell[][]> {
		const { data } = this.#props();
		if (data) return dataTableCells(data);
		const shown = this.section?.querySelector<HTMLTableElement>('[data-table] table');
		if (shown) return tableCells(shown);
		this.tableForCsv = true;
		await tick();
		try {
			const drawn = this.offscreen?.querySelector('table');
			if (!drawn) throw new Error('no table');
			return tableCells(drawn);
		} finally {
			this.tableForCsv = false;
		}
	}
}
