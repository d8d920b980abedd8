/**
 * The console around the editor: its text (kept as a draft, or brought by a link that waits to be run),
 * the runs and their history, the notices after a cancel or a reset, and the link that shares the text.
 * Create it while the page's component initialises: it reads the view from the context.
 */
import {
	addToHistory,
	browserStore,
	loadHistory,
	type HistoryEntry,
} from '../../state/sql-history.ts';
import { getView } from '../../state/view.svelte.ts';
import { getWorkspace } from '../../state/workspace.svelte.ts';
import { DRAFT_KEY, firstDraft, historyEntry, inSeconds, linkCarrying } from './console-rules.ts';
import { SqlRun } from './sql-run.svelte.ts';

export class SqlConsole {
	readonly #view = getView();
	readonly #workspace = getWorkspace();
	readonly #store = browserStore();
	/** The SQL of the link the page was opened from, if any. */
	readonly #linked = new URLSearchParams(location.search).get('sql');
	readonly session: SqlRun;

	/** The editor's text. */
	doc = $state(firstDraft(this.#linked, this.#store?.getItem(DRAFT_KEY) ?? null));
	/** Opened from a link that carries SQL: it waits for the user to run it. */
	sharedPending = $state(this.#linked !== null);
	history: HistoryEntry[] = $state(loadHistory(this.#store));
	/** What a cancel or a reset did (a restart is told by the engine notices instead). */
	notice: string | null = $state(null);
	/** Where the shared link went: the clipboard, or only the address bar. */
	shareNote: string | null = $state(null);

	/** `renderCap`: the rows the result table draws at most (see SqlRun). */
	constructor(renderCap: number) {
		this.session = new SqlRun(this.#workspace, renderCap);
	}

	/** A duration as the console says it. */
	seconds(ms: number): string {
		return inSeconds(this.#view, ms);
	}

	/** The editor's new text, kept for the next visit. */
	saveDraft(text: string): void {
		this.doc = text;
		try {
			this.#store?.setItem(DRAFT_KEY, text);
		} catch {
			// A full or blocked store only loses the draft.
		}
	}

	/** Run `text`, which starts at `from` in the editor. */
	async run(text: string, from: number): Promise<void> {
		if (this.session.running || !text.trim()) return;
		this.sharedPending = false;
		this.notice = null;
		const outcome = await this.session.run(text, from, this.doc);
		if (!outcome) return;
		// A restart is told by the engine notices, with what it took away.
		if (outcome.status === 'cancelled' && !outcome.restarted) {
			this.notice = this.#view.t('sqlCancelled', { seconds: this.seconds(outcome.elapsedMs) });
		}
		this.history = addToHistory(this.history, historyEntry(text, outcome, new Date()), this.#store);
	}

	/** The button runs the whole script (the last statement's result is shown). */
	runAll(): void {
		void this.run(this.doc, 0);
	}

	/** Bring the console's copy of the data back to the dashboard's. */
	async reset(): Promise<void> {
		this.notice = null;
		await this.#workspace.reset();
		if (this.#workspace.status === 'ready') this.notice = this.#view.t('sqlResetDone');
	}

	/** Put the text in the page's address, and on the clipboard when the browser lets us. */
	async share(): Promise<void> {
		const url = linkCarrying(this.doc, location.pathname, location.search);
		window.history.replaceState(window.history.state, '', url);
		try {
			await navigator.clipboard.writeText(location.href);
			this.shareNote = this.#view.t('sqlShareCopied');
		} catch {
			this.shareNote = this.#view.t('sqlShareInUrl');
		}
	}

	/** Put a past query back in the editor, without the last run's error. */
	open(entry: HistoryEntry): void {
		this.saveDraft(entry.sql);
		this.session.error = null;
	}
}
