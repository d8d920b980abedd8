import { describe, expect, test } from 'vitest';
import {
	parseChartOptions,
	parseNotebook,
	serializeNotebook,
	sqlCells,
} from '../../../src/model/notebook.ts';

const SOURCE = `# Số kỳ họp

Một đoạn văn.

\`\`\`sql chart=line x=year y=a,b series=level
SELECT 1 AS year;
\`\`\`

Ví dụ không chạy:

\`\`\`text
\`\`\`sql inside another fence is prose
\`\`\`

\`\`\`SQL
SELECT 2
\`\`\`
`;

describe('parseNotebook', () => {
	test('splits prose and SQL cells; a fence of another language stays prose', () => {
		const notebook = parseNotebook('n1', SOURCE);
		expect(notebook.title).toBe('Số kỳ họp');
		expect(notebook.cells.map((c) => c.kind)).toEqual(['markdown', 'sql', 'markdown', 'sql']);
		expect(sqlCells(notebook)).toEqual(['SELECT 1 AS year;', 'SELECT 2']);
		const chart = notebook.cells[1]!;
		expect(chart.kind === 'sql' && chart.chart).toEqual({
			chart: 'line',
			x: 'year',
			y: ['a', 'b'],
			series: 'level',
		});
		expect(notebook.cells[2]!.text).toContain('```sql inside another fence is prose');
	});

	test('writing back and reading again gives the same cells', () => {
		const notebook = parseNotebook('n1', SOURCE);
		const again = parseNotebook('n1', serializeNotebook(notebook.cells));
		expect(again.cells).toEqual(notebook.cells);
	});

	test('a notebook without a heading is titled by its id', () => {
		expect(parseNotebook('abc', 'text only').title).toBe('abc');
	});
});

test('parseChartOptions', () => {
	expect(parseChartOptions('')).toBeNull();
	expect(parseChartOptions('chart=pie')).toBeNull();
	expect(parseChartOptions(' chart=bar x=province')).toEqual({ chart: 'bar', x: 'province' });
});
