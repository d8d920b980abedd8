/**
 * Notebooks: analyses written as Markdown in which ```sql fences are cells the app runs. A fence may ask
 * for a chart of its result in its info string:
 *
 *     ```sql chart=line x=year y=rate series=province
 *
 * (`chart` is line or bar; `y` may list several columns separated by commas). Parsing and writing back
 * are exact inverses on the cells, so an edited notebook downloads as the same kind of file.
 */

export interface ChartOptions {
	chart: 'line' | 'bar';
	x?: string;
	y?: string[];
	series?: string;
}

export type Cell =
	{ kind: 'markdown'; text: string } | { kind: 'sql'; text: string; chart: ChartOptions | null };

export interface Notebook {
	/** File name without `.md`, e.g. `01-ty-le-giai-quyet-kien-nghi`. */
	id: string;
	/** The first level-1 heading, or the id. */
	title: string;
	cells: Cell[];
}

const SQL_FENCE = /^\s{0,3}```\s*sql\b(.*)$/i;
const OTHER_FENCE = /^\s{0,3}(```|~~~)/;
const CLOSE_FENCE = /^\s{0,3}```\s*$/;

/** The options of a ```sql info string (`chart=line x=year y=a,b series=c`); null when no chart. */
export function parseChartOptions(info: string): ChartOptions | null {
	const options = new Map<string, string>();
	for (const part of info.trim().split(/\s+/)) {
		const eq = part.indexOf('=');
		if (eq > 0) options.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1));
	}
	const chart = options.get('chart');
	if (chart !== 'line' && chart !== 'bar') return null;
	const y = options.get('y');
	return {
		chart,
		...(options.get('x') ? { x: options.get('x')! } : {}),
		...(y ? { y: y.split(',').filter(Boolean) } : {}),
		...(options.get('series') ? { series: options.get('series')! } : {}),
	};
}

export function chartInfo(options: ChartOptions | null): string {
	if (!options) return '';
	const parts = [`chart=${options.chart}`];
	if (options.x) parts.push(`x=${options.x}`);
	if (options.y?.length) parts.push(`y=${options.y.join(',')}`);
	if (options.series) parts.push(`series=${options.series}`);
	return parts.join(' ');
}

/** Split a notebook's Markdown into cells. */
export function parseNotebook(id: string, markdown: string): Notebook {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	const cells: Cell[] = [];
	let prose: string[] = [];
	let inOther = false;
	const flushProse = () => {
		const text = prose.join('\n').trim();
		if (text) cells.push({ kind: 'markdown', text });
		prose = [];
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (inOther) {
			// Only a bare fence closes a fence (a fence with an info string is text inside it).
			prose.push(line);
			if (/^\s{0,3}(```|~~~)\s*$/.test(line)) inOther = false;
			continue;
		}
		const sql = SQL_FENCE.exec(line);
		if (sql) {
			flushProse();
			const body: string[] = [];
			i++;
			while (i < lines.length && !CLOSE_FENCE.test(lines[i]!)) body.push(lines[i++]!);
			cells.push({ kind: 'sql', text: body.join('\n').trim(), chart: parseChartOptions(sql[1]!) });
			continue;
		}
		if (OTHER_FENCE.test(line)) inOther = true;
		prose.push(line);
	}
	flushProse();
	return { id, title: titleOf(cells) ?? id, cells };
}

function titleOf(cells: readonly Cell[]): string | null {
	for (const cell of cells) {
		if (cell.kind !== 'markdown') continue;
		const heading = /^#\s+(.+)$/m.exec(cell.text);
		if (heading) return heading[1]!.trim();
	}
	return null;
}

/** The Markdown of a notebook's cells. */
export function serializeNotebook(cells: readonly Cell[]): string {
	return `${cells
		.map((cell) => {
			if (cell.kind === 'markdown') return cell.text.trim();
			const info = chartInfo(cell.chart);
			return `\`\`\`sql${info ? ` ${info}` : ''}\n${cell.text.trim()}\n\`\`\``;
		})
		.join('\n\n')}\n`;
}

/** The SQL cells of a notebook, in order. */
export function sqlCells(notebook: Notebook): string[] {
	return notebook.cells.flatMap((cell) => (cell.kind === 'sql' ? [cell.text] : []));
}
