/**
 * Every SQL cell of every shipped notebook runs against the shipped data (public/data, loaded and
 * prepared as the browser does) without an error and returns at least one row; a cell that asks for a
 * chart names columns its result has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../../src/db/connector.ts';
import { parseNotebook } from '../../../src/model/notebook.ts';
import { loadedConnector, ROOT } from '../../helpers/node-connector.ts';

const DIR = join(ROOT, 'notebooks');
const notebooks = readdirSync(DIR)
	.filter((name) => name.endsWith('.md'))
	.sort()
	.map((name) => parseNotebook(name.replace(/\.md$/, ''), readFileSync(join(DIR, name), 'utf8')));

let db: Connector;
beforeAll(async () => {
	({ db } = await loadedConnector());
});
afterAll(async () => {
	await db?.close();
});

test('at least three notebooks ship, each with SQL cells and a simulated-data warning', () => {
	expect(notebooks.length).toBeGreaterThanOrEqual(3);
	for (const notebook of notebooks) {
		expect(
			notebook.cells.some((c) => c.kind === 'sql'),
			notebook.id,
		).toBe(true);
		const prose = notebook.cells.flatMap((c) => (c.kind === 'markdown' ? [c.text] : [])).join('\n');
		expect(prose, notebook.id).toMatch(/mô phỏng/);
		expect(prose, notebook.id).toMatch(/simulated/i);
	}
});

for (const notebook of notebooks) {
	describe(notebook.id, () => {
		const cells = notebook.cells.flatMap((cell) => (cell.kind === 'sql' ? [cell] : []));
		cells.forEach((cell, i) => {
			test(`SQL cell ${i + 1} runs and returns rows`, async () => {
				const table = await db.query(cell.text);
				expect(table.numRows, cell.text).toBeGreaterThan(0);
				if (cell.chart) {
					const names = table.schema.fields.map((f) => f.name);
					for (const name of [cell.chart.x, ...(cell.chart.y ?? []), cell.chart.series]) {
						if (name) expect(names, `chart column ${name}`).toContain(name);
					}
				}
			});
		});
	});
}
