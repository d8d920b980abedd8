/**
 * Which stored report the address asks for (`rep`) and which span of it to mark (`hl=<start>-<end>`),
 * read from the view state. Until the view state carries them, nothing is asked for.
 */
import type { ViewState } from '../../state/view-state.ts';

export interface ReportRequest {
	reportId: string | null;
	highlight: [number, number] | null;
}

export function reportRequest(state: ViewState): ReportRequest {
	const extra = state as ViewState & {
		report?: string | null;
		highlight?: [number, number] | null;
	};
	return { reportId: extra.report ?? null, highlight: extra.highlight ?? null };
}
