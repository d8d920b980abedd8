/**
 * A static file server for dist/ on 127.0.0.1 that compresses like a production intranet server would:
 * gzip (level 9, computed once per file and kept in memory) for text, JSON and wasm when the browser
 * accepts it; Parquet as is (it is already zstd-compressed). It counts the bytes it sends per path, so
 * the benchmark reads "bytes on first load, as served" off the server itself.
 *
 * `isolated: true` adds COOP/COEP headers (cross-origin isolation), which the memory measurement needs
 * for `performance.measureUserAgentSpecificMemory()`.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
};

// The prepared database file too: its blocks compress to less than half (10 MB → 4.4 MB bundled).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.duckdb']);

/** One response the server sent. */
export interface Served {
	path: string;
	/** Bytes of the file on disk. */
	rawBytes: number;
	/** Bytes of the body sent (gzip size when gzipped). */
	sentBytes: number;
	gzip: boolean;
}

export interface StaticServer {
	baseURL: string;
	/** Everything served since the last reset(). */
	log(): Served[];
	reset(): void;
	/** The gzip size of a file of the root (the same bytes the server would send). */
	gzipSize(path: string): Promise<number>;
	/** Compress every compressible file under the root now, so that no measured request waits for it. */
	warm(): Promise<void>;
	close(): Promise<void>;
}

export interface ServeOptions {
	/** Add cross-origin isolation headers. */
	isolated?: boolean;
	/** Extra folders served under a URL folder, e.g. `{ 'bench-monthly': 'bench/out/data-monthly' }`. */
	mounts?: Record<string, string>;
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
	const base = resolve(root);
	const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => ({
		prefix: `/${prefix.replace(/^\/+|\/+$/g, '')}/`,
		dir: resolve(dir),
	}));
	const gzipCache = new Map<string, Promise<Buffer>>();
	let served: Served[] = [];

	const gzipped = (file: string): Promise<Buffer> => {
		let entry = gzipCache.get(file);
		if (!entry) {
			entry = readFile(file).then((bytes) =>
				gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
			);
			gzipCache.set(file, entry);
		}
		return entry;
	};

	const fileOf = (urlPath: string): string | null => {
		const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
		const mount = mounts.find((m) => decoded.startsWith(m.prefix));
		const dir = mount ? mount.dir : base;
		const inside = mount ? decoded.slice(mount.prefix.length - 1) : decoded;
		const relative = normalize(inside.endsWith('/') ? `${inside}index.html` : inside);
		const file = join(dir, relative);
		if (file !== dir && !file.startsWith(dir + sep)) return null;
		return file;
	};

	const server: Server = createServer((request, response) => {
		void (async () => {
			const url = new URL(request.url ?? '/', 'http://localhost');
			const file = fileOf(url.pathname);
			let size: number;
			try {
				if (!file) throw new Error('outside root');
				const stat = statSync(file);
				if (!stat.isFile()) throw new Error('not a file');
				size = stat.size;
			} catch {
				response.writeHead(404, { 'Content-Type': 'text/plain' });
				response.end('not found');
				return;
			}
			const extension = extname(file).toLowerCase();
			const headers: Record<string, string> = {
				'Content-Type': TYPES[extension] ?? 'application/octet-stream',
				'Cache-Control': 'no-cache',
			};
			if (options.isolated) {
				headers['Cross-Origin-Opener-Policy'] = 'same-origin';
				headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
				headers['Cross-Origin-Resource-Policy'] = 'same-origin';
			}
			const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
			if (acceptsGzip && COMPRESSIBLE.has(extension)) {
				const body = await gzipped(file);
				headers['Content-Encoding'] = 'gzip';
				headers['Content-Length'] = String(body.byteLength);
				headers.Vary = 'Accept-Encoding';
				served.push({ path: url.pathname, rawBytes: size, sentBytes: body.byteLength, gzip: true });
				response.writeHead(200, headers);
				response.end(request.method === 'HEAD' ? undefined : body);
				return;
			}
			headers['Content-Length'] = String(size);
			served.push({ path: url.pathname, rawBytes: size, sentBytes: size, gzip: false });
			response.writeHead(200, headers);
			if (request.method === 'HEAD') response.end();
			else createReadStream(file).pipe(response);
		})().catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500);
			response.end(String(error));
		});
	});

	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => done());
	});
	const { port } = server.address() as AddressInfo;
	const result: StaticServer = {
		baseURL: `http://127.0.0.1:${port}/`,
		log: () => [...served],
		reset: () => {
			served = [];
		},
		gzipSize: async (path) => {
			const file = fileOf(path);
			if (!file) throw new Error(`outside the root: ${path}`);
			return (await gzipped(file)).byteLength;
		},
		warm: async () => {
			const files = [base, ...mounts.map((m) => m.dir)].flatMap((dir) =>
				(readdirSync(dir, { recursive: true }) as string[])
					.map((name) => join(dir, name))
					.filter(
						(file) => COMPRESSIBLE.has(extname(file).toLowerCase()) && statSync(file).isFile(),
					),
			);
			await Promise.all(files.map(gzipped));
		},
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
	return result;
}
