import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { cspMetaPolicy, securityHeaders } from './src/security/csp.ts';

/**
 * The Content-Security-Policy meta tag of index.html gets its policy from the one definition in
 * src/security/csp.ts (the page holds a placeholder, so a page without it fails the build).
 */
function cspMeta(): Plugin {
	const PLACEHOLDER = '%HDND_CSP%';
	return {
		name: 'hdnd-csp-meta',
		transformIndexHtml: {
			order: 'pre',
			handler(html, context) {
				// Only the app's page: the benchmark's floor page measures the engine alone.
				if (!context.filename.endsWith('/index.html')) return html;
				if (!html.includes(PLACEHOLDER)) throw new Error(`index.html lacks ${PLACEHOLDER}`);
				return html.replace(PLACEHOLDER, cspMetaPolicy());
			},
		},
	};
}

// Relative base so the built app works from any folder of an intranet server.
export default defineConfig({
	base: './',
	plugins: [svelte(), cspMeta()],
	// DuckDB-WASM and parquet-wasm ship their own wasm and workers; pre-bundling breaks their URLs.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	// The import's worker is a module (it imports parquet-wasm, which loads its wasm by URL).
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 1500,
		reportCompressedSize: false,
		// Fonts stay files: the Content-Security-Policy allows fonts from the page's own folder, not data: URLs.
		assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
		rolldownOptions: {
			// The app, and the benchmark's floor page (engine + Parquet only; see scripts/bench/). The Mosaic
			// comparison page only in its own bench build: it shares d3 with the app, and would change how the
			// app's chunks split.
			input: {
				index: fileURLToPath(new URL('./index.html', import.meta.url)),
				'bench-floor': fileURLToPath(new URL('./bench-floor.html', import.meta.url)),
				...(process.env.HDND_BENCH_MOSAIC === '1'
					? { 'bench-mosaic': fileURLToPath(new URL('./bench-mosaic.html', import.meta.url)) }
					: {}),
			},
		},
	},
	server: { host: '127.0.0.1' },
	// `npm start` and the end-to-end tests serve the app with the headers a deployment should send.
	preview: { host: '127.0.0.1', headers: securityHeaders() },
});
