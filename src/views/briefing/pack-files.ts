/** The files the briefing pack is exported as. */
import type { Pack } from '../../briefing/pack.ts';

export type PackFormat = 'pdf' | 'docx';

const MIME_TYPES: Record<PackFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The name and MIME type of the pack's file in a format. */
export function packFile(
	pack: Pick<Pack, 'fileStem'>,
	format: PackFormat,
): { name: string; mime: string } {
	return { name: `${pack.fileStem}.${format}`, mime: MIME_TYPES[format] };
}
