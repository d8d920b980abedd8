/**
 * The notebooks page's state: which notebook is open (a shipped one, one of the user's own, or one from
 * a shared link), what the user does with the list (create, open a file, rename, delete, keep the shared
 * one), the last share's result and the notices of notebooks that have not run. Create it while the page
 * initialises: it reads the view from the component's context.
 */
import type { Bilingual } from '../../model/metrics.ts';
import { openNotebookFile } from '../../notebooks/open-file.ts';
import { retitle } from '../../notebooks/retitle.ts';
import { SHARED_ID, SHARE_PARAM, decodeShared, type SharedDecode } from '../../notebooks/share.ts';
import { browserStore } from '../../state/sql-history.ts';
import { getView } from '../../state/view.svelte.ts';
import { BUNDLED_NOTEBOOKS } from './bundled.ts';
import { NB_TEXT } from './messages.ts';
import { defaultChoice, firstChoice, newNotebookName } from './notebook-choice.ts';
import { OwnNotebooks } from './own-notebooks.svelte.ts';
import { shareNotebook, type Shared } from './share-action.ts';

/** A notebook that could not be opened: from a file (its name) or from a link (`file` null). */
export interface Refused {
	file: string | null;
	problem: Bilingual;
}

const OPEN_KEY = 'hdnd.notebook.open';
const BUNDLED_IDS = BUNDLED_NOTEBOOKS.map((n) => n.id);

export class NotebooksPage {
	readonly #view = getView();
	readonly #store = browserStore();
	readonly own = new OwnNotebooks();

	/** The id of the notebook open: a shipped one's, an own one's or SHARED_ID ('' while none). */
	selected = $state('');
	readonly bundled = $derived(BUNDLED_NOTEBOOKS.find((n) => n.id === this.selected));
	readonly ownRecord = $derived(this.own.get(this.selected));

	/** A notebook that could not be opened, said until the next one opens. */
	refused: Refused | null = $state(null);
	/** The notebook of the address's shared link, until it is kept among the user's own. */
	shared: Extract<SharedDecode, { ok: true }> | null = $state(null);
	/** The reader has run the shared notebook on this visit. */
	sharedRan = $state(false);
	/** The own notebook run from its notice on this visit (its notice then says so, once). */
	ranHere: string | null = $state(null);
	/** What the last share did, shown until another notebook opens. */
	shareResult: Shared | null = $state(null);
	/** Bumped when a rename rewrites the open notebook's heading, so its view starts again from it. */
	retitled = $state(0);

	constructor() {
		// The link is read once, as the page opens: keeping its notebook takes it out of the address.
		const code = new URLSearchParams(location.search).get(SHARE_PARAM);
		const decoded = code === null ? null : decodeShared(code);
		if (decoded && !decoded.ok) this.refused = { file: null, problem: decoded.problem };
		this.shared = decoded?.ok ? decoded : null;
	}

	/** Load the user's notebooks, then open the first notebook (see firstChoice). */
	async load(): Promise<void> {
		await this.own.load();
		const remembered = this.#store?.getItem(OPEN_KEY) ?? '';
		this.selected = firstChoice(remembered, this.shared !== null, BUNDLED_IDS, this.#ownIds());
	}

	open(id: string): void {
		this.selected = id;
		this.shareResult = null;
		if (id === SHARED_ID) return;
		try {
			this.#store?.setItem(OPEN_KEY, id);
		} catch {
			// Only the remembered choice is lost.
		}
	}

	create(): void {
		const name = newNotebookName(
			this.#view.pick(NB_TEXT.newName),
			this.own.records.map((r) => r.name),
		);
		this.open(this.own.add(name, this.#view.pick(NB_TEXT.newMarkdown), 'new', true).id);
	}

	async openFile(file: File): Promise<void> {
		const opened = await openNotebookFile(file);
		if (!opened.ok) {
			this.refused = { file: file.name, problem: opened.problem };
			return;
		}
		this.refused = null;
		this.open(this.own.add(opened.name, opened.markdown, 'file', false).id);
	}

	rename(id: string, name: string): void {
		const record = this.own.get(id);
		if (!record) return;
		const markdown = retitle(record.markdown, record.name, name);
		this.own.update(id, { name, markdown });
		if (id === this.selected && markdown !== record.markdown) this.retitled++;
	}

	remove(id: string): void {
		this.own.remove(id);
		if (this.selected === id) this.open(defaultChoice(BUNDLED_IDS, this.#ownIds()));
	}

	/** Keep the shared notebook: stored as the user's own, and the link's copy leaves the address. */
	saveShared(): void {
		if (!this.shared) return;
		const record = this.own.add(this.shared.name, this.shared.markdown, 'shared', this.sharedRan);
		const url = new URL(location.href);
		url.searchParams.delete(SHARE_PARAM);
		history.replaceState(history.state, '', `${url.pathname}${url.search}`);
		this.shared = null;
		this.open(record.id);
	}

	/** The reader ran the open notebook from its notice: an own one is approved for later visits too. */
	ranPending(): void {
		if (this.selected === SHARED_ID) this.sharedRan = true;
		else if (this.ownRecord) {
			this.ranHere = this.ownRecord.id;
			this.own.update(this.ownRecord.id, { approved: true });
		}
	}

	async share(name: string, markdown: string): Promise<void> {
		this.shareResult = await shareNotebook(name, markdown);
	}

	#ownIds(): string[] {
		return this.own.records.map((r) => r.id);
	}
}
