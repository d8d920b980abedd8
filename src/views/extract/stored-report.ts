/**
 * The report kept with an accepted import: its text and the evidence of its figures, read defensively
 * from the stored record (records of file imports have none).
 */
import type { StoredImport } from '../../state/import-store.ts';

export interface StoredReportView {
	title: string;
	text: string;
	evidence: { start: number; end: number }[];
}

export function storedReport(record: StoredImport | undefined): StoredReportView | null {
	const stored = record as
		{ report?: { text?: unknown; evidence?: unknown }; source?: { title?: unknown } } | undefined;
	const report = stored?.report;
	if (!record || !report || typeof report.text !== 'string') return null;
	const evidence = Array.isArray(report.evidence)
		? report.evidence.filter(
				(e): e is { start: number; end: number } =>
					typeof e?.start === 'number' && typeof e?.end === 'number',
			)
		: [];
	const title = typeof stored?.source?.title === 'string' ? stored.source.title : record.fileName;
	return { title, text: report.text, evidence };
}
