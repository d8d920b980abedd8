import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [svelte()],
	test: {
		testTimeout: 60_000,
		hookTimeout: 120_000,
		env: { TZ: 'Asia/Ho_Chi_Minh' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/unit/**/*.svelte.test.ts'],
					environment: 'node',
				},
			},
			{
				// State classes with runes, on Svelte's browser build: the server build's effects never run.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['tests/unit/**/*.svelte.test.ts'],
					// A browser-like environment: Svelte's compiler then writes client code, whose effects run.
					environment: 'happy-dom',
				},
			},
		],
	},
});
