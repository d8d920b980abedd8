/**
 * The export of the briefing pack as PDF or DOCX and how the last one went. The charts' drawing and each
 * format's writer are loaded only when asked for: they are the largest code of the app. Create it while
 * the page initialises: it reads the view from the component's context.
 */
import type { Pack } from '../../briefing/pack.ts';
import { getView } from '../../state/view.svelte.ts';
import { download } from '../../ui/download.ts';
import { BRIEFING_TEXT } from './messages.ts';
import { packFile, type PackFormat } from './pack-files.ts';

export class PackExport {
	readonly #view = getView();
	status: 'idle' | 'busy' | 'done' | 'error' = $state('idle');
	/** Why the last export failed, as the error said it. */
	error: string | null = $state(null);

	/** Make the pack's file and hand it to the browser's download. */
	readonly run = async (pack: Pack, format: PackFormat): Promise<void> => {
		this.status = 'busy';
		this.error = null;
		try {
			const { chartImages } = await import('../../briefing/chart-png.ts');
			const charts = await chartImages(pack, this.#view.lang, location.href);
			const labels = {
				page: this.#view.pick(BRIEFING_TEXT.page),
				simulated: this.#view.pick(BRIEFING_TEXT.simulated),
			};
			let bytes: Uint8Array;
			if (format === 'pdf') {
				const [{ packToPdf }, { pdfFonts }] = await Promise.all([
					import('../../briefing/pdf.ts'),
					import('../../briefing/pdf-fonts.ts'),
				]);
				bytes = await packToPdf(pack, await pdfFonts(), charts, labels);
			} else {
				const { packToDocx } = await import('../../briefing/docx.ts');
				bytes = await packToDocx(pack, charts, labels);
			}
			const file = packFile(pack, format);
			download(file.name, bytes, file.mime);
			this.status = 'done';
		} catch (error) {
			this.status = 'error';
			this.error = error instanceof Error ? error.message : String(error);
		}
	};
}
