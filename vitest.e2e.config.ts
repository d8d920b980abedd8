import { defineConfig } from 'vitest/config';

// End-to-end suite: a real Chromium against the built app served by `vite preview` (see
// tests/e2e/global-setup.ts). One test file at a time: a browser per file is all a 2-core CI box takes.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 300_000,
		teardownTimeout: 60_000,
		env: { TZ: 'Asia/Ho_Chi_Minh' },
	},
});
