/** The dataset folder a bench page loads, from `?data=`, with the app's rule (plain relative folders only). */
export function datasetFolder(params: URLSearchParams): string {
	const requested = params.get('data');
	if (requested && /^[\w-]+(\/[\w-]+)*\/?$/.test(requested)) {
		return requested.endsWith('/') ? requested : `${requested}/`;
	}
	return 'data/';
}
