/** The coverage grid's measures in SVG units: a column of unit names, then one column per year. */

export const LABEL_WIDTH = 230;
export const CELL_HEIGHT = 15;
/** The row of years above the cells. */
export const HEADER_HEIGHT = 18;

export interface GridSize {
	cellWidth: number;
	width: number;
	height: number;
}

/** Cells widen to fill the panel when the range has few years, and keep a readable width when it has many. */
export function gridSize(yearCount: number, rowCount: number): GridSize {
	const cellWidth = Math.max(40, Math.min(96, Math.floor(1000 / yearCount)));
	return {
		cellWidth,
		width: LABEL_WIDTH + yearCount * cellWidth,
		height: HEADER_HEIGHT + rowCount * CELL_HEIGHT,
	};
}
