/**
 * The targets panel's state: the target open in the form (a new one or a copy of one being edited), why
 * it was not saved, and what the last import said. Create it while the panel initialises: it reads the
 * view from the component's context.
 */
import { getView } from '../../../state/view.svelte.ts';
import { newTargetId, targetProblem, type Target } from '../../../targets/target.ts';
import { blankTarget } from './target-draft.ts';
import { importNotes, readTargetsFile } from './targets-file.ts';

export class TargetsEditor {
	readonly #view = getView();
	readonly #save: (target: Target) => Promise<void>;

	/** The target in the form; null while the form is closed. */
	editing: Target | null = $state(null);
	/** Why the form's target was not saved, in the language of the moment it was refused. */
	problem: string | null = $state(null);
	/** What the last import said. */
	notes: string[] = $state([]);

	/** `save` keeps a target (new or changed) with the user's others. */
	constructor(save: (target: Target) => Promise<void>) {
		this.#save = save;
	}

	readonly create = (): void => {
		this.editing = blankTarget();
	};

	/** Edit a copy, so that the list keeps the saved target until the form is saved. */
	readonly edit = (target: Target): void => {
		this.editing = { ...target };
	};

	readonly cancel = (): void => {
		this.editing = null;
	};

	/** Save the form's target (a new one gets its id now), or say why it cannot be. */
	readonly save = async (): Promise<void> => {
		if (!this.editing) return;
		const target = { ...this.editing, id: this.editing.id || newTargetId(new Date()) };
		const wrong = targetProblem(target);
		if (wrong) {
			this.problem = this.#view.pick(wrong);
			return;
		}
		await this.#save(target);
		this.editing = null;
		this.problem = null;
	};

	/** Save the targets of a CSV or XLSX file; the rows refused are said with their line. */
	readonly importFile = async (file: File): Promise<void> => {
		const result = readTargetsFile(new Uint8Array(await file.arrayBuffer()));
		for (const t of result.targets) await this.#save(t);
		this.notes = importNotes(result, this.#view.lang);
	};
}
