/**
 * Several charts on one sheet (a whole view exported at once): placed in columns as a mason lays
 * bricks, each scaled to its column with its title above it, and the sheet shaped to fill a page.
 */
import { LINE, wrapText, type Measure, type Preset } from './layout.ts';

export interface SheetItem {
	/** The chart's title, drawn above it. */
	title: string;
	width: number;
	height: number;
	/** Takes a whole row (it was wide on screen); a page shaped as a grid may set it in one cell. */
	wide: boolean;
	/** Takes a whole row on every page (the headline tiles). */
	row?: boolean;
}

export interface SheetPlacement {
	x: number;
	y: number;
	scale: number;
	titleLines: { text: string; x: number; y: number }[];
	/** The frame around the item. */
	frame: { x: number; y: number; width: number; height: number };
	chart: { x: number; y: number };
}

export const SHEET = { width: 1560, columns: 2, gap: 24, title: 17, inset: 12, maxScale: 1.6 };

export interface SheetLayout {
	width: number;
	height: number;
	columns: number;
	placements: SheetPlacement[];
}

/**
 * Several charts on one sheet, in document order: in columns (two unless the page asks otherwise), a
 * wide chart takes a row of its own, each chart scaled to its column with its title above it.
 */
export function layoutSheet(
	items: readonly SheetItem[],
	measure: Measure,
	shape: { width: number; columns: number } = SHEET,
): SheetLayout {
	const { gap, title: titleSize, inset, maxScale } = SHEET;
	const { width, columns } = shape;
	const columnWidth = (width - gap * (columns - 1)) / columns;
	const placements: SheetPlacement[] = [];
	// Where each column's next chart starts: a chart goes under the shortest column (as a mason lays
	// bricks), so that a short chart beside a tall one leaves no hole; a wide one starts below all.
	const tops: number[] = Array.from({ length: columns }, () => 0);

	const place = (item: SheetItem, x: number, y: number, w: number) => {
		const textWidth = w - 2 * inset;
		const titles = wrapText(item.title, textWidth, (t) => measure(t, titleSize, 600));
		const scale = Math.min(maxScale, textWidth / item.width);
		const titleHeight = titles.length * titleSize * LINE;
		const height = inset + titleHeight + inset * 0.5 + item.height * scale + inset;
		placements.push({
			x,
			y,
			scale,
			titleLines: titles.map((text, i) => ({
				text,
				x: x + inset,
				y: y + inset + (i + 1) * titleSize * LINE - titleSize * 0.3,
			})),
			frame: { x, y, width: w, height },
			chart: {
				x: x + inset + (textWidth - item.width * scale) / 2,
				y: y + inset + titleHeight + inset * 0.5,
			},
		});
		return height;
	};
	for (const item of items) {
		if (item.wide || item.row || columns === 1) {
			const y = Math.max(...tops);
			const height = place(item, 0, y, width);
			tops.fill(y + height + gap);
			continue;
		}
		const column = tops.indexOf(Math.min(...tops));
		const y = tops[column]!;
		tops[column] = y + place(item, column * (columnWidth + gap), y, columnWidth) + gap;
	}
	return { width, height: Math.max(0, Math.max(...tops) - gap), columns, placements };
}

/**
 * A sheet shaped for a page: of the preset's column counts and of sheet widths from narrow to wide, the
 * layout whose charts come out largest once scaled into `room` (the page's body), so that a 16:9 slide
 * gets a grid across its width and a portrait page a column down its height. Without a room (the
 * "as on screen" size) the sheet keeps its usual width and two columns.
 */
export function fitSheet(
	items: readonly SheetItem[],
	measure: Measure,
	preset: Preset,
	room: { width: number; height: number } | null,
): SheetLayout {
	if (!preset.size || !room) return layoutSheet(items, measure, { width: SHEET.width, columns: 2 });
	let best: { layout: SheetLayout; scale: number; fill: number } | null = null;
	// Charts wide on screen keep a row of their own, or (in a grid) take a cell like the others.
	const cellItems = items.map((item) => ({ ...item, wide: false }));
	for (const columns of preset.sheetColumns) {
		for (let width = 480 * columns; width <= 1200 * columns; width += 40 * columns) {
			for (const variant of columns > 1 ? [items, cellItems] : [items]) {
				const layout = layoutSheet(variant, measure, { width, columns });
				const sheetScale = Math.min(
					preset.maxScale,
					room.width / width,
					room.height / Math.max(1, layout.height),
				);
				// How large the charts come out on the page, against their size on screen.
				const mean =
					layout.placements.reduce((sum, p) => sum + p.scale, 0) /
					Math.max(1, layout.placements.length);
				const scale = mean * sheetScale;
				const fill = (width * layout.height * sheetScale * sheetScale) / (room.width * room.height);
				// Larger charts first; of two about as large, the one that fills more of the page.
				if (!best || scale > best.scale * 1.02 || (scale > best.scale * 0.98 && fill > best.fill)) {
					best = { layout, scale, fill };
				}
			}
		}
	}
	return best!.layout;
}
