/** The report kept with figures accepted from it: its title, text and the evidence of its figures. */
import type { StoredImport } from '../../state/import-store.ts';

export interface StoredReportView {
	title: string;
	text: string;
	evidence: { start: number; end: number }[];
}

/** What the extract page shows of a stored record; null for a file import (no report kept). */
export function storedReport(record: StoredImport | undefined): StoredReportView | null {
	if (!record?.report) return null;
	return {
		title: record.source?.title ?? record.fileName,
		text: record.report.text,
		evidence: record.report.evidence,
	};
}
