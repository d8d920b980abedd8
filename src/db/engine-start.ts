/**
 * Imported first by main.ts, so that DuckDB-WASM's worker starts while the rest of the app is still
 * being evaluated and mounted. The engine's start (worker script, WebAssembly compile, open) is the
 * longest step of a cold start; begun here it no longer waits for the first render. The app's own
 * call (state/data.svelte.ts) gets the same connector, and handles its failure.
 */
import { wasmConnector } from './wasm-connector.ts';

void wasmConnector().catch(() => undefined);
