/**
 * The look of the SQL editors (the SQL screen and the notebooks' SQL cells): syntax colours, gutter,
 * cursor, selection, active line and pop-ups, all taken from the `--code-*` and theme custom properties
 * of src/app.css. The editor follows the light and dark theme as soon as <html> switches, without being
 * reconfigured; the pairs are checked for WCAG AA contrast in tests/unit/export/theme-contrast.test.ts.
 *
 * CodeMirror's own defaultHighlightStyle is for light backgrounds only: several of its colours fall far
 * below 4.5:1 on the dark surface.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** Token colours. @codemirror/lang-sql tags keywords, types, builtins, literals, comments and names. */
export const sqlHighlightStyle = HighlightStyle.define([
	{ tag: t.keyword, color: 'var(--code-keyword)' },
	{ tag: [t.atom, t.bool, t.null, t.url, t.labelName], color: 'var(--code-atom)' },
	{ tag: [t.number, t.literal, t.inserted], color: 'var(--code-number)' },
	{ tag: [t.string, t.deleted], color: 'var(--code-string)' },
	{
		tag: [t.regexp, t.escape, t.special(t.string), t.special(t.name)],
		color: 'var(--code-special)',
	},
	{ tag: [t.typeName, t.namespace, t.className], color: 'var(--code-type)' },
	{
		tag: [t.standard(t.name), t.special(t.variableName), t.macroName],
		color: 'var(--code-builtin)',
	},
	// Upright: only the regular face of the monospace font is bundled, and a synthesised italic sets
	// Vietnamese tone marks beside their letters.
	{ tag: t.comment, color: 'var(--code-comment)' },
	{ tag: t.invalid, color: 'var(--code-invalid)' },
	{ tag: t.link, textDecoration: 'underline' },
	{ tag: t.heading, textDecoration: 'underline', fontWeight: 'bold' },
	{ tag: t.emphasis, fontStyle: 'italic' },
	{ tag: t.strong, fontWeight: 'bold' },
	{ tag: t.strikethrough, textDecoration: 'line-through' },
]);

/** Everything around the tokens; replaces the light-only colours of CodeMirror's base theme. */
const chrome = EditorView.theme({
	'&': { color: 'var(--ink)', backgroundColor: 'var(--surface)' },
	'.cm-content': { caretColor: 'var(--ink)' },
	'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--ink)' },
	'.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground':
		{ background: 'var(--code-selection)' },
	'.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
	'.cm-gutters': {
		backgroundColor: 'var(--surface)',
		color: 'var(--ink-muted)',
		borderRight: '1px solid var(--line)',
	},
	'.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)', color: 'var(--ink)' },
	'.cm-placeholder': { color: 'var(--ink-muted)' },
	'.cm-tooltip': {
		backgroundColor: 'var(--surface)',
		color: 'var(--ink)',
		border: '1px solid var(--line)',
	},
	'.cm-tooltip-autocomplete ul li[aria-selected]': {
		backgroundColor: 'var(--accent)',
		color: 'var(--accent-ink)',
	},
	'.cm-completionDetail': { color: 'var(--ink-muted)' },
	'.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'inherit' },
});

/** The editor theme and the highlighting, to add to an editor's extensions. */
export const codeTheme: Extension = [chrome, syntaxHighlighting(sqlHighlightStyle)];
