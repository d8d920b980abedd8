/**
 * A horizontal d3 brush over a chart's years, as a Svelte attachment: d3 owns the brush's DOM inside the
 * group it is attached to, and cleans up when the group goes away.
 */
import { brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';

export interface YearBrushOptions {
	/** The brushable area: [[x0, y0], [x1, y1]] in the chart's pixels. */
	extent: [[number, number], [number, number]];
	/** Each year and its x position. */
	years: readonly { year: number; x: number }[];
	/** The brushed span, or null when the brush is cleared by a click. */
	onbrush: (span: [number, number] | null) => void;
}

/** The years whose positions fall inside a pixel span; null when none does. */
export function yearsInSpan(
	years: readonly { year: number; x: number }[],
	[x0, x1]: [number, number],
): [number, number] | null {
	const inside = years.filter((y) => y.x >= x0 && y.x <= x1).map((y) => y.year);
	return inside.length === 0 ? null : [Math.min(...inside), Math.max(...inside)];
}

/** Attach with `{@attach yearBrush(options)}` on an SVG <g>. */
export function yearBrush(options: YearBrushOptions) {
	return (node: SVGGElement) => {
		const brush = brushX<unknown>()
			.extent(options.extent)
			.on('end', (event: D3BrushEvent<unknown>) => {
				// Programmatic moves (clearing after a brush) have no source event: ignore them.
				if (!event.sourceEvent) return;
				const selection = event.selection as [number, number] | null;
				options.onbrush(selection ? yearsInSpan(options.years, selection) : null);
				select(node).call(brush.move, null);
			});
		select(node).call(brush);
		return () => {
			select(node).on('.brush', null).selectAll('*').remove();
		};
	};
}
