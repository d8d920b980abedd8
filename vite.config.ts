import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Relative base so the built app works from any folder of an intranet server.
export default defineConfig({
	base: './',
	plugins: [svelte()],
	// DuckDB-WASM and parquet-wasm ship their own wasm and workers; pre-bundling breaks their URLs.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 1500,
		reportCompressedSize: false,
		// Fonts stay files: the Content-Security-Policy allows fonts from the page's own folder, not data: URLs.
		assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
		rolldownOptions: {
			// The app, and the benchmark's floor page (engine + Parquet only; see scripts/bench/).
			input: {
				index: fileURLToPath(new URL('./index.html', import.meta.url)),
				'bench-floor': fileURLToPath(new URL('./bench-floor.html', import.meta.url)),
			},
		},
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
});
