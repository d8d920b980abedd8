/**
 * The page's Content-Security-Policy, in one place: vite.config.ts puts it in the built index.html as a
 * meta tag and sends it (with the headers a meta tag cannot carry) from `vite preview`; the README's
 * deployment notes show the same header, and a unit test keeps the three in step.
 *
 * The meta tag covers the page only. Workers (DuckDB's, pdf.js's) get their policy from the headers of
 * their own script, so a deployment should send the header too: without it the DuckDB worker could
 * fetch any URL (the SQL console's engine is locked as well; see src/db/workspace-lock.ts).
 */

/** Each directive with why the app needs exactly that (checked by running every e2e test under it). */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, value: string]> = [
	// Anything not named below: only the page's own origin.
	['default-src', "'self'"],
	// The app's modules; 'wasm-unsafe-eval' lets DuckDB-WASM and parquet-wasm compile WebAssembly.
	// No inline scripts and no eval (pdf.js is run with isEvalSupported: false).
	['script-src', "'self' 'wasm-unsafe-eval'"],
	// DuckDB's and pdf.js's workers are files of the app.
	['worker-src', "'self'"],
	// The manifest, the Parquet files and the wasm modules come from the page's folder; nothing else.
	['connect-src', "'self'"],
	// Exports draw the chart's SVG from a blob: URL onto a canvas; the favicon is an empty data: URL.
	['img-src', "'self' data: blob:"],
	// Svelte and d3 set style attributes, and the SQL editor (CodeMirror) adds its own style elements.
	['style-src', "'self' 'unsafe-inline'"],
	// The fonts are files of the app (vite.config.ts keeps them out of the CSS as data: URLs).
	['font-src', "'self'"],
	// No plugins, no <base> pointing elsewhere, no form posting anywhere else.
	['object-src', "'none'"],
	['base-uri', "'self'"],
	['form-action', "'self'"],
];

/** The policy for the meta tag (frame-ancestors is ignored there, and Chromium warns about it). */
export function cspMetaPolicy(): string {
	return CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for the HTTP header: the meta policy, and no framing of the page by other sites. */
export function cspHeaderPolicy(): string {
	return `${cspMetaPolicy()}; frame-ancestors 'none'`;
}

/** The headers a server should send with every file of the app. */
export function securityHeaders(): Record<string, string> {
	return {
		'Content-Security-Policy': cspHeaderPolicy(),
		// Scripts and styles only run when served with their own type.
		'X-Content-Type-Options': 'nosniff',
	};
}
