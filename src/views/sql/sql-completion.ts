/**
 * What the SQL editor completes, from the live schema: table names, `table.column`, bare column names
 * (with the tables that have them) and the metric ids with their catalogue labels.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { Lang } from '../../i18n/format.ts';
import { METRICS } from '../../model/metrics.ts';
import { bareTable } from '../../model/own.ts';
import type { SchemaTable } from '../../state/workspace.svelte.ts';

/** The schema in the form @codemirror/lang-sql completes tables and `table.column` from. */
export function sqlNamespace(
	schema: readonly SchemaTable[],
	rowsLabel: (rows: number) => string,
): SQLNamespace {
	// Table names come from the data (and imports): a table called "__proto__" must stay a table.
	const namespace = bareTable<SQLNamespace>();
	for (const table of schema) {
		namespace[table.name] = {
			self: {
				label: table.name,
				type: 'type',
				detail: table.rows === null ? table.kind : rowsLabel(table.rows),
			},
			children: table.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type })),
		};
	}
	return namespace;
}

/** Bare column names and metric ids, with the metric's label and the tables that have the column. */
export function columnCompletions(schema: readonly SchemaTable[], lang: Lang): Completion[] {
	const tablesOf = new Map<string, string[]>();
	const typeOf = new Map<string, string>();
	for (const table of schema) {
		for (const column of table.columns) {
			const list = tablesOf.get(column.name) ?? [];
			list.push(table.name);
			tablesOf.set(column.name, list);
			if (!typeOf.has(column.name)) typeOf.set(column.name, column.type);
		}
	}
	const metrics = new Map(METRICS.map((m) => [m.id as string, m]));
	const options: Completion[] = [];
	for (const [name, tables] of tablesOf) {
		const metric = metrics.get(name);
		options.push({
			label: name,
			type: metric ? 'variable' : 'property',
			detail: metric ? metric.label[lang] : typeOf.get(name),
			info: `${metric ? `${metric.definition[lang]}\n` : ''}${tables.join(', ')}`,
			boost: metric ? 1 : 0,
		});
	}
	for (const metric of METRICS) {
		if (tablesOf.has(metric.id)) continue;
		options.push({
			label: metric.id,
			type: 'variable',
			detail: metric.label[lang],
			info: metric.definition[lang],
		});
	}
	return options;
}

/** A completion source over a fixed list, for identifiers not after a dot. */
export function identifierSource(options: () => readonly Completion[]) {
	return (context: CompletionContext): CompletionResult | null => {
		const word = context.matchBefore(/[\w$]+/);
		if (!word) return context.explicit ? { from: context.pos, options: [...options()] } : null;
		if (word.from > 0 && context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
		if (word.to - word.from < 2 && !context.explicit) return null;
		return { from: word.from, options: [...options()], validFor: /^[\w$]*$/ };
	};
}
