/**
 * One Content-Security-Policy everywhere: the meta tag filled into the built page, the header of
 * `vite preview` and the header the README tells a deployment to send are all built from src/security.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	CSP_DIRECTIVES,
	cspHeaderPolicy,
	cspMetaPolicy,
	securityHeaders,
} from '../../../src/security/csp.ts';
import { ROOT } from '../../helpers/node-connector.ts';

describe('the Content-Security-Policy', () => {
	test('keeps every fetch, script and worker on the origin, and allows WebAssembly', () => {
		const policy = new Map(CSP_DIRECTIVES);
		expect(policy.get('default-src')).toBe("'self'");
		expect(policy.get('connect-src')).toBe("'self'");
		expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
		expect(policy.get('worker-src')).toBe("'self'");
		expect(policy.get('object-src')).toBe("'none'");
		// No inline scripts, no eval, no host named anywhere.
		expect(cspHeaderPolicy()).not.toMatch(/'unsafe-eval'|https?:|\*/);
		expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
	});

	test('the meta policy leaves out frame-ancestors (ignored in a meta tag); the header has it', () => {
		expect(cspMetaPolicy()).not.toContain('frame-ancestors');
		expect(cspHeaderPolicy()).toBe(`${cspMetaPolicy()}; frame-ancestors 'none'`);
		expect(securityHeaders()).toEqual({
			'Content-Security-Policy': cspHeaderPolicy(),
			'X-Content-Type-Options': 'nosniff',
		});
	});

	test('index.html holds the placeholder the build fills, and the README shows the same header', () => {
		expect(readFileSync(join(ROOT, 'index.html'), 'utf8')).toMatch(
			/<meta http-equiv="Content-Security-Policy" content="%HDND_CSP%" \/>/,
		);
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		expect(readme).toContain(`Content-Security-Policy: ${cspHeaderPolicy()}\n`);
		expect(readme).toContain('X-Content-Type-Options: nosniff');
	});
});
