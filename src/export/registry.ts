/**
 * The chart panels on the page, so that a whole screen can be exported: every ChartPanel registers
 * itself while it is mounted; the screen's export takes them in document order.
 */
import type { PanelSource } from './export.ts';

const panels = new Set<PanelSource>();

/** Adds a panel; returns its removal. */
export function registerPanel(panel: PanelSource): () => void {
	panels.add(panel);
	return () => panels.delete(panel);
}

/** The registered panels inside `root` that are in the document, top to bottom as they appear. */
export function panelsInOrder(root: ParentNode = document): PanelSource[] {
	return [...panels]
		.filter((p) => p.section.isConnected && root.contains(p.section))
		.sort((a, b) =>
			a.section.compareDocumentPosition(b.section) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
		);
}
