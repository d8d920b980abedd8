/** The notebooks shipped with the app: every `notebooks/*.md` of the repository, bundled as text. */
import { parseNotebook, type Notebook } from '../../model/notebook.ts';

const files = import.meta.glob<string>('/notebooks/*.md', {
	query: '?raw',
	import: 'default',
	eager: true,
});

/** The bundled notebooks, ordered by file name. */
export const BUNDLED_NOTEBOOKS: readonly Notebook[] = Object.entries(files)
	.map(([path, text]) => parseNotebook(path.replace(/^.*\//, '').replace(/\.md$/, ''), text))
	.sort((a, b) => a.id.localeCompare(b.id));
