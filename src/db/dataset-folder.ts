/**
 * Where the dataset is read from: `data/` beside the page, or another folder of the same origin (`?data=`).
 * A plain module (no Svelte state), so that the benchmark's pages use the app's own rule.
 */
export function datasetFolder(params: URLSearchParams): string {
	const requested = params.get('data');
	// Only plain relative folders: a dataset never comes from another host.
	if (requested && /^[\w-]+(\/[\w-]+)*\/?$/.test(requested)) {
		return requested.endsWith('/') ? requested : `${requested}/`;
	}
	return 'data/';
}
