/**
 * A render id for a chart that shows a slice of a query's answer (the years shown of an answer that holds
 * every year): it changes when the answer changes and when the slice does, so that whoever waits for the
 * chart to redraw (the tests, the benchmark, `data-render-id`) sees a new range drawn from a cached answer
 * too. Stays 0 until the answer has come (0 means "not drawn yet"), and stays as it is while a new answer
 * is due (`pending`): the chart is then marked as updating, and its new id comes with the new answer.
 */
export function sliceRenderIds(): (answerId: number, slice: string, pending: boolean) => number {
	let lastKey = '';
	let id = 0;
	return (answerId, slice, pending) => {
		if (answerId === 0 || pending) return id;
		const key = `${answerId}|${slice}`;
		if (key !== lastKey) {
			lastKey = key;
			id++;
		}
		return id;
	};
}
