/**
 * The notebook on the page: its cells with their runs and results, and what the user does with them
 * (run one or all, edit, add, remove, revert to the shipped text, download). Edits are kept as they are
 * made: an own notebook's through the page's `onchange`, a bundled one's in localStorage under its id.
 * Create it while the notebook's view initialises (the view is re-created for another notebook); the
 * source's fields are read when used, so that they follow the view's props.
 */
import {
	parseNotebook,
	serializeNotebook,
	type Cell,
	type Notebook,
} from '../../model/notebook.ts';
import { browserStore } from '../../state/sql-history.ts';
import { getWorkspace } from '../../state/workspace.svelte.ts';
import { download } from '../../ui/download.ts';
import { liveCell, newCell, plainCells, type LiveCell } from './live-cell.ts';

/** What the page gives: the notebook and where its edits go (read through getters, see above). */
export interface NotebookSource {
	readonly notebook: Notebook;
	/** Cells can be edited (off for a shared notebook: nothing of it is kept). */
	readonly editable: boolean;
	/** Where an own notebook's edits go; without it, edits are kept in localStorage. */
	readonly onchange: ((markdown: string) => void) | undefined;
	/** The file name of the download, without `.md` (the notebook's id without it). */
	readonly fileName: string | undefined;
}

export class LiveNotebook {
	readonly #source: NotebookSource;
	readonly #workspace = getWorkspace();
	readonly #store = browserStore();
	#nextKey = 0;

	cells: LiveCell[] = $state([]);
	/** The bundled notebook has edits kept in this browser (the toolbar offers to revert them). */
	edited = $state(false);
	/** Every SQL cell is being run in turn. */
	runningAll = $state(false);

	constructor(source: NotebookSource) {
		this.#source = source;
		const saved = this.#savedText();
		const cells = saved ? parseNotebook(source.notebook.id, saved).cells : source.notebook.cells;
		this.cells = cells.map((cell) => this.#live(cell));
		this.edited = saved !== null;
	}

	/** The notebook's Markdown as it stands. */
	markdown(): string {
		return serializeNotebook(plainCells(this.cells));
	}

	/** Keep the edits (called on every change). */
	save(): void {
		const { onchange } = this.#source;
		if (onchange) {
			onchange(this.markdown());
			return;
		}
		this.edited = true;
		try {
			this.#store?.setItem(this.#storageKey, this.markdown());
		} catch {
			// Storage full or blocked: the edits last as long as the page.
		}
	}

	/** A cell's new text, kept at once. */
	edit(cell: LiveCell, text: string): void {
		cell.text = text;
		this.save();
	}

	/** Show a text cell's Markdown to edit, or rendered again. */
	toggleEditing(cell: LiveCell): void {
		cell.editing = !cell.editing;
	}

	async runCell(cell: LiveCell): Promise<void> {
		if (cell.kind !== 'sql' || cell.running) return;
		cell.running = true;
		cell.error = null;
		const outcome = await this.#workspace.run(cell.text);
		cell.running = false;
		cell.ran = true;
		cell.table = outcome.table;
		cell.totalRows = outcome.totalRows;
		cell.complete = outcome.status === 'done';
		cell.elapsedMs = outcome.elapsedMs;
		cell.error = outcome.error;
	}

	/** Run every SQL cell in order (the page calls it when the user chooses to run a shared notebook). */
	async runAll(): Promise<void> {
		if (this.runningAll) return;
		this.runningAll = true;
		for (const cell of this.cells) if (cell.kind === 'sql') await this.runCell(cell);
		this.runningAll = false;
	}

	/** Start the engine and run every SQL cell; nothing runs when the engine could not start. */
	async runWhenReady(): Promise<void> {
		await this.#workspace.start();
		if (this.#workspace.status === 'ready') await this.runAll();
	}

	/** Add a cell after the one at `after` (-1: first), open to edit. */
	addCell(after: number, kind: 'sql' | 'markdown'): void {
		const cell = this.#live(newCell(kind));
		cell.editing = true;
		this.cells.splice(after + 1, 0, cell);
		this.save();
	}

	removeCell(index: number): void {
		this.cells.splice(index, 1);
		this.save();
	}

	/** Drop the edits kept in this browser and run the notebook as shipped. */
	revert(): void {
		try {
			this.#store?.removeItem(this.#storageKey);
		} catch {
			// Nothing saved to remove.
		}
		this.cells = this.#source.notebook.cells.map((cell) => this.#live(cell));
		this.edited = false;
		void this.runAll();
	}

	download(): void {
		const { fileName, notebook } = this.#source;
		download(`${fileName ?? notebook.id}.md`, this.markdown(), 'text/markdown;charset=utf-8');
	}

	get #storageKey(): string {
		return `hdnd.notebook.${this.#source.notebook.id}`;
	}

	#live(cell: Cell): LiveCell {
		return liveCell(cell, this.#nextKey++);
	}

	/** The user's saved edits of this notebook, if any. */
	#savedText(): string | null {
		if (this.#source.onchange || !this.#source.editable) return null;
		return this.#store?.getItem(this.#storageKey) ?? null;
	}
}
