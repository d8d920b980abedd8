/** Why a unit's detail shows another year than the one the view ends at, in both languages. */
import type { Bilingual } from '../../model/metrics.ts';
import type { OpeningReason } from '../../model/opening-year.ts';

export function openingNote(
	opening: { year: number; reason: OpeningReason },
	asked: number,
	oldUnit: boolean,
): Bilingual {
	const gone = oldUnit && asked >= 2025;
	const head: Bilingual = {
		vi: `Năm ${asked} không có số liệu của đơn vị này${gone ? ' (đơn vị không còn từ 01/7/2025)' : ''}`,
		en: `No figures for ${asked}${gone ? ' (the unit no longer exists from 1 July 2025)' : ''}`,
	};
	const tail: Record<OpeningReason, Bilingual> = {
		asked: { vi: '', en: '' },
		lastFirstHand: {
			vi: `hiện năm ${opening.year}, năm gần nhất có số liệu từ báo cáo.`,
			en: `showing ${opening.year}, its last year with reported figures.`,
		},
		lastFigures: {
			vi: `hiện năm ${opening.year}, năm gần nhất có số liệu.`,
			en: `showing ${opening.year}, its last year with figures.`,
		},
		lastExisting: {
			vi: `hiện năm ${opening.year}, năm cuối đơn vị còn tồn tại.`,
			en: `showing ${opening.year}, the last year the unit existed.`,
		},
	};
	return {
		vi: `${head.vi}; ${tail[opening.reason].vi}`,
		en: `${head.en}; ${tail[opening.reason].en}`,
	};
}
