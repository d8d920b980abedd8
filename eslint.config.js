import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['dist/', 'public/data/', 'node_modules/', 'bench/out/', '.scratch*/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
	},
	{
		// Only the data layer talks to DuckDB and parquet-wasm; charts never reach for data.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/db/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['@duckdb/*', 'parquet-wasm', 'parquet-wasm/*'] },
			],
		},
	},
	{
		files: ['src/charts/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['**/db/*', '@duckdb/*', 'parquet-wasm'] }],
		},
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
			// Maps and URLs built and thrown away inside one function are not state; the rule cannot tell.
			'svelte/prefer-svelte-reactivity': 'off',
		},
	},
);
